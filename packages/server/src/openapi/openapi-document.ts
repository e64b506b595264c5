import {
  OPENAPI_COMPONENTS,
  OPENAPI_PATH_PARAMS,
  ROUTE_DOCS,
  type RouteDoc,
  type RouteDocs,
} from "@openwaba/contracts";
import { pathShape, type RegisteredRoute } from "./registered-routes";

/**
 * Routes that are no endpoint of their own, left out of the document. HEAD is Fastify's automatic
 * twin of every GET (the same answer without a body). The suite's catch-all answers any unknown
 * /suite/api path, in any method, with its 404 envelope (packages/suite/src/errors.ts).
 */
export function isDocumented(r: RegisteredRoute): boolean {
  return r.method !== "HEAD" && r.path !== "/suite/api/{path}";
}

const keyOf = (method: string, path: string) => `${method} ${pathShape(path)}`;

/** The registry's entry for each route, the routes it lacks and the entries no route has. */
export function joinRoutes(routes: readonly RegisteredRoute[], docs: RouteDocs = ROUTE_DOCS) {
  const byShape = new Map<string, { path: string; doc: RouteDoc }>();
  for (const [key, doc] of Object.entries(docs)) {
    const [method, path] = key.split(" ");
    byShape.set(keyOf(method, path), { path, doc });
  }
  const documented: { route: RegisteredRoute; path: string; doc: RouteDoc }[] = [];
  const missing: RegisteredRoute[] = [];
  const seen = new Set<string>();
  for (const route of routes.filter(isDocumented)) {
    const key = keyOf(route.method, route.path);
    const entry = byShape.get(key);
    if (entry) documented.push({ route, ...entry });
    else missing.push(route);
    seen.add(key);
  }
  const stale = Object.keys(docs).filter((k) => {
    const [method, path] = k.split(" ");
    return !seen.has(keyOf(method, path));
  });
  return { documented, missing, stale };
}

function operation(method: string, path: string, doc: RouteDoc) {
  const given = doc.parameters ?? [];
  const pathParams = [...path.matchAll(/\{([^}]+)\}/g)]
    .map((m) => m[1])
    .filter((name) => !given.some((p) => p.in === "path" && p.name === name))
    .map((name) => ({
      name,
      in: "path",
      required: true,
      ...(OPENAPI_PATH_PARAMS[name] ?? { schema: { type: "string" } }),
    }));
  const params = [...pathParams, ...given];
  return {
    tags: [doc.tag],
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    operationId: `${method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
    ...(params.length ? { parameters: params } : {}),
    ...(doc.requestBody ? { requestBody: doc.requestBody } : {}),
    responses: doc.responses,
    security: doc.security,
  };
}

/**
 * The OpenAPI 3.1 document of the routes this server registered, each described by its registry
 * entry; a route the registry lacks is listed as undocumented rather than left out. Its servers are
 * the caller's to add (the host a request named).
 */
export function openApiDocument(routes: readonly RegisteredRoute[]) {
  const { documented, missing } = joinRoutes(routes);
  const paths: Record<string, Record<string, unknown>> = {};
  const at = (p: string) => (paths[p] ??= {});
  for (const { route, path, doc } of documented)
    at(path)[route.method.toLowerCase()] = operation(route.method, path, doc);
  for (const r of missing)
    at(r.path)[r.method.toLowerCase()] = {
      summary: "Not documented yet",
      "x-undocumented": true,
      responses: { default: { description: "Not documented yet" } },
    };
  const tags = [...new Set(documented.map((d) => d.doc.tag))].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: {
      title: "OpenWABA",
      version: "0.1.0",
      description:
        "Meta's WhatsApp Cloud API surface served locally, OpenWABA's /openwaba extensions, the simulator's control API and the business suite's API.",
    },
    tags,
    components: OPENAPI_COMPONENTS,
    paths,
  };
}
