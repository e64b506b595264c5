import { commonPathParams, schemas, securitySchemes } from "./openapi/components";
import { graphRoutes } from "./openapi/graph";
import { openwabaRoutes } from "./openapi/openwaba";
import { operationsRoutes } from "./openapi/operations";
import { simulatorRoutes } from "./openapi/simulator";
import { suiteRoutes } from "./openapi/suite";
import type { RouteDocs } from "./openapi/shapes";

export type { JsonSchema, ParameterDoc, RouteDoc, RouteDocs } from "./openapi/shapes";

/**
 * What /openapi.json says of each route, keyed `"METHOD /path/{param}"`: the server joins it with
 * the routes it really registers (packages/server/src/openapi).
 */
export const ROUTE_DOCS: RouteDocs = {
  ...graphRoutes,
  ...openwabaRoutes,
  ...simulatorRoutes,
  ...suiteRoutes,
  ...operationsRoutes,
};

/** The parts of the document no single route owns. */
export const OPENAPI_COMPONENTS = { schemas, securitySchemes };
export const OPENAPI_PATH_PARAMS = commonPathParams;
