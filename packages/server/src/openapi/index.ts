export { collectRoutes, registeredRoutes, type RegisteredRoute } from "./registered-routes";
export { registerOpenApi } from "./serve-openapi";
