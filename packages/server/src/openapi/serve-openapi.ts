import type { FastifyInstance } from "fastify";
import { openApiDocument } from "./openapi-document";
import type { RegisteredRoute } from "./registered-routes";

/**
 * GET /openapi.json: every route the server registered, described by the contracts' registry. It
 * is built at the first request, when every route is in, with the host that request named.
 */
export function registerOpenApi(app: FastifyInstance, routes: readonly RegisteredRoute[]): void {
  let doc: ReturnType<typeof openApiDocument> | null = null;
  app.get("/openapi.json", async (req, reply) => {
    doc ??= openApiDocument(routes);
    const { openapi, info, ...rest } = doc;
    return reply.send({ openapi, info, servers: [{ url: `${req.protocol}://${req.host}` }], ...rest });
  });
}
