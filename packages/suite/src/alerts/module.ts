import type { SuiteModule } from "../module";
import { registerAlertRoutes } from "./alerts";

/** Alerts for the tenant's leads: what the Cloud API says about their numbers and templates. */
export const alertsModule: SuiteModule = {
  name: "alerts",
  routes: registerAlertRoutes,
};
