import type { SuiteModule } from "../module";
import { registerTemplateRoutes } from "./templates.routes";

/** Message templates of the tenant's WABAs, built and reviewed through the Cloud API. */
export const templatesModule: SuiteModule = {
  name: "templates",
  routes: registerTemplateRoutes,
};
