import type { SuiteModule } from "../module";
import { registerWebhookRoutes } from "./webhooks.routes";

/** The Cloud API's webhook debugging, for the tenant's admins: subscribers, deliveries, resends. */
export const webhooksModule: SuiteModule = {
  name: "webhooks",
  routes: registerWebhookRoutes,
};
