import type { FastifyInstance } from "fastify";
import { unknownObject } from "@openwaba/contracts";
import type { Platform } from "../platform";
import { authenticate, type GraphParams } from "./graph-request";

/**
 * GET /app: the app the token belongs to (Graph's `app` node), so a client that holds only a
 * token can name its app, as POST /{app-id}/uploads needs.
 */
export function registerAppRoute(app: FastifyInstance, platform: Platform): void {
  app.get<{ Params: Pick<GraphParams, "version"> }>("/:version/app", async (req, reply) => {
    const p = await authenticate(platform, req);
    const row = await platform.db
      .selectFrom("apps")
      .select(["id", "name"])
      .where("id", "=", p.appId)
      .executeTakeFirst();
    if (!row) throw unknownObject("app", "GET");
    return reply.send({ id: row.id, name: row.name });
  });
}
