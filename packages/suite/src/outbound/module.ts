import type { SuiteModule } from "../module";
import { createBusinessEventsWorker } from "./business-events";
import { registerBusinessWebhookRoutes } from "./business-webhook.routes";

/** Signed events to the business's own systems (contact changes, resolutions, CSAT). */
export const outboundModule: SuiteModule = {
  name: "outbound",
  routes: registerBusinessWebhookRoutes,
  workers: (suite) => [createBusinessEventsWorker(suite)],
};
