import type { SuiteModule } from "../module";
import { registerStreamRoute } from "./stream.route";

/** The consoles' realtime stream of the tenant's changes. */
export const realtimeModule: SuiteModule = {
  name: "realtime",
  routes: registerStreamRoute,
};
