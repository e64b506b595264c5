import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { Platform } from "@openwaba/platform";
import type { Store } from "@openwaba/store";

/** /health and /metrics (Prometheus), plus request latency for every route; /openapi.json is ./openapi. */
export function registerOperations(app: FastifyInstance, platform: Platform, store: Store): void {
  app.addHook("onResponse", async (req, reply) => {
    platform.metrics.httpLatency.observe(
      { method: req.method, route: req.routeOptions.url ?? "unmatched", status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get("/health", async (_req, reply) => {
    try {
      await sql`select 1`.execute(store.db);
      return reply.send({ status: "ok", database: store.dialect, time: new Date(platform.clock.now()).toISOString() });
    } catch (err) {
      return reply.code(503).send({ status: "unavailable", database: store.dialect, error: (err as Error).message });
    }
  });
  app.get("/metrics", async (_req, reply) => {
    reply.type(platform.metrics.registry.contentType);
    return platform.metrics.registry.metrics();
  });
}
