import type { SuiteModule } from "../module";
import { registerApiKeyRoutes } from "./api-keys.routes";
import { registerAuthRoutes } from "./auth.routes";

/** Signing in, invitations and the API keys of the business's own systems. */
export const authModule: SuiteModule = {
  name: "auth",
  routes(app, suite) {
    registerAuthRoutes(app, suite);
    registerApiKeyRoutes(app, suite);
  },
};
