import type { FastifyInstance } from "fastify";

/** One route the server answers, in OpenAPI's spelling: `GET /{version}/{id}`. */
export interface RegisteredRoute {
  method: string;
  path: string;
}

/**
 * Fastify's `/:version/:id/messages` as OpenAPI's `/{version}/{id}/messages`. A parameter whose
 * pattern is a fixed prefix and the rest (`:session(^upload:.+$)`) keeps the prefix in the path
 * (`upload:{session}`), which tells it from a plain `{id}` in the same place; a trailing `*` is `{path}`.
 */
export function openApiPath(url: string): string {
  return url
    .replace(/:([A-Za-z0-9_]+)\(\^([A-Za-z0-9_:-]*)\.\+\$\)/g, "$2{$1}")
    .replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, "{$1}")
    .replace(/\*$/, "{path}");
}

/** The same path whatever its parameters are named: `/{version}/{id}` and `/{version}/{waba_id}` are one. */
export const pathShape = (path: string): string => path.replace(/\{[^}]*\}/g, "{}");

const collected = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/**
 * Records every route as Fastify adds it. Call before any route is registered: the hook only hears
 * of routes added after it (in every plugin registered later too).
 */
export function collectRoutes(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.addHook("onRoute", (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) routes.push({ method: method.toUpperCase(), path: openApiPath(r.url) });
  });
  collected.set(app, routes);
  return routes;
}

/** The routes collectRoutes recorded for this server (empty if it never collected). */
export const registeredRoutes = (app: FastifyInstance): readonly RegisteredRoute[] => collected.get(app) ?? [];
