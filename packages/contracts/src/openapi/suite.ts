import type { RouteDocs } from "./shapes";
import { suiteAudienceRoutes } from "./suite-audience";
import { suiteFlowRoutes } from "./suite-flows";
import { suiteInboxRoutes } from "./suite-inbox";
import { suitePeopleRoutes } from "./suite-people";
import { suiteCloudApiRoutes } from "./suite-cloud-api";
import { suiteSettingsRoutes } from "./suite-settings";
import { suiteSupervisionRoutes } from "./suite-supervision";

/** The business suite's API under /suite (packages/suite), with its session, CSRF and API keys. */
export const suiteRoutes: RouteDocs = {
  ...suitePeopleRoutes,
  ...suiteInboxRoutes,
  ...suiteAudienceRoutes,
  ...suiteFlowRoutes,
  ...suiteSettingsRoutes,
  ...suiteSupervisionRoutes,
  ...suiteCloudApiRoutes,
};
