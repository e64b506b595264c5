import type { SuiteModule } from "../module";
import { registerCannedRoutes } from "./canned.routes";
import { registerConversationRoutes } from "./conversations.routes";
import { registerMediaRoutes } from "./media.routes";
import { registerPlatformRoutes } from "./platform.routes";
import { registerProfileRoute } from "./profile.route";
import { wakeSnoozed } from "./snooze";
import { registerWebhookRoute } from "./webhook.route";

/**
 * The inbox: conversations and their timelines, what agents do with them, and the webhook through
 * which the Cloud API tells the suite of messages and statuses (its intake runs the other modules' hooks).
 */
export const inboxModule: SuiteModule = {
  name: "inbox",
  routes(app, suite) {
    registerConversationRoutes(app, suite);
    registerCannedRoutes(app, suite);
    registerPlatformRoutes(app, suite);
    registerMediaRoutes(app, suite);
    registerProfileRoute(app, suite);
    registerWebhookRoute(app, suite);
  },
  periodic: wakeSnoozed,
};
