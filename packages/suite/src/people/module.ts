import type { SuiteModule } from "../module";
import { registerPeopleRoutes } from "./people.routes";

/** People and teams: who works in the tenant's suite, and in which queues. */
export const peopleModule: SuiteModule = {
  name: "people",
  routes: registerPeopleRoutes,
};
