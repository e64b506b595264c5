import { alertsModule } from "./alerts/module";
import { authModule } from "./auth/module";
import { campaignsModule } from "./campaigns/module";
import { contactsModule } from "./contacts/module";
import { entryPointsModule } from "./entry-points/module";
import { faqModule } from "./faq/module";
import { flowsModule } from "./flows/module";
import { inboxModule } from "./inbox/module";
import type { SuiteModule } from "./module";
import { outboundModule } from "./outbound/module";
import { peopleModule } from "./people/module";
import { realtimeModule } from "./realtime/module";
import { reportsModule } from "./reports/module";
import { routingModule } from "./routing/module";
import { templatesModule } from "./templates/module";
import { webhooksModule } from "./webhooks/module";
import { widgetModule } from "./widget/module";

/**
 * The suite's features. Their order is the order in which the intake runs their hooks on a
 * customer's message: the contact is known before a flow may greet a new one, a campaign counts its
 * reply, a flow's bot takes the message before routing would give it to people, and the FAQ bot
 * answers only what no flow took.
 */
export const MODULES: readonly SuiteModule[] = [
  authModule,
  peopleModule,
  inboxModule,
  realtimeModule,
  contactsModule,
  campaignsModule,
  flowsModule,
  routingModule,
  entryPointsModule,
  faqModule,
  outboundModule,
  templatesModule,
  webhooksModule,
  reportsModule,
  alertsModule,
  widgetModule,
];
