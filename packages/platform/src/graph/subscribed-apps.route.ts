import type { FastifyInstance } from "fastify";
import { GraphError } from "@openwaba/contracts";
import type { Platform } from "../platform";
import { verifyCallback } from "../webhooks/verify-callback";
import { authenticate, ownWaba, type GraphParams } from "./graph-request";

/**
 * POST|GET|DELETE /{waba-id}/subscribed_apps (§5): subscribes the token's app to the WABA, with
 * an optional override callback for this WABA alone (verified by the handshake first).
 */
export function registerSubscribedAppsRoutes(app: FastifyInstance, platform: Platform): void {
  app.post<{ Params: GraphParams }>("/:version/:id/subscribed_apps", async (req, reply) => {
    const principal = await authenticate(platform, req);
    ownWaba(principal, req.params.id, "POST");
    const p = { ...(req.query as Record<string, unknown>), ...((req.body as Record<string, unknown>) ?? {}) };
    const uri = p.override_callback_uri,
      token = p.verify_token;
    if (uri !== undefined && typeof uri !== "string")
      throw new GraphError(100, "Param override_callback_uri must be a string.");
    if (uri && (typeof token !== "string" || !token))
      throw new GraphError(131008, "The parameter verify_token is required with override_callback_uri.");
    if (uri) await verifyCallback(platform.http, uri, token as string);
    const now = platform.clock.now();
    await platform.db
      .insertInto("subscribed_apps")
      .values({
        waba_id: principal.wabaId,
        app_id: principal.appId,
        override_callback_uri: (uri as string) || null,
        verify_token: (token as string) || null,
        created_at: now,
      })
      .onConflict((c) =>
        c
          .columns(["waba_id", "app_id"])
          .doUpdateSet({ override_callback_uri: (uri as string) || null, verify_token: (token as string) || null }),
      )
      .execute();
    platform.directory.forget();
    return reply.send({ success: true });
  });

  app.get<{ Params: GraphParams }>("/:version/:id/subscribed_apps", async (req, reply) => {
    const principal = await authenticate(platform, req);
    ownWaba(principal, req.params.id, "GET");
    const rows = await platform.db
      .selectFrom("subscribed_apps")
      .innerJoin("apps", "apps.id", "subscribed_apps.app_id")
      .select(["apps.id", "apps.name", "subscribed_apps.override_callback_uri"])
      .where("subscribed_apps.waba_id", "=", principal.wabaId)
      .execute();
    return reply.send({
      data: rows.map((r) => ({
        whatsapp_business_api_data: { link: `https://www.facebook.com/games/?app_id=${r.id}`, name: r.name, id: r.id },
        ...(r.override_callback_uri ? { override_callback_uri: r.override_callback_uri } : {}),
      })),
    });
  });

  app.delete<{ Params: GraphParams }>("/:version/:id/subscribed_apps", async (req, reply) => {
    const principal = await authenticate(platform, req);
    ownWaba(principal, req.params.id, "DELETE");
    await platform.db
      .deleteFrom("subscribed_apps")
      .where("waba_id", "=", principal.wabaId)
      .where("app_id", "=", principal.appId)
      .execute();
    platform.directory.forget();
    return reply.send({ success: true });
  });
}
