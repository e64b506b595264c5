import type { SuiteModule } from "../module";
import { registerReportRoutes } from "./reports.routes";

/** Reports: the queues now, and the cycles and messages of a period. */
export const reportsModule: SuiteModule = {
  name: "reports",
  routes: registerReportRoutes,
};
