import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { parseParams, unknownObject } from "@openwaba/contracts";
import { fromJson, toJson } from "@openwaba/store";
import type { Platform } from "../platform";
import { verifyCallback } from "../webhooks/verify-callback";
import { authenticate, tokenOf, type GraphParams } from "./graph-request";

const subscribe = z.looseObject({
  object: z.literal("whatsapp_business_account"),
  callback_url: z.string().min(1).max(2000),
  verify_token: z.string().min(1).max(512),
  fields: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  include_values: z.union([z.boolean(), z.string()]).optional(),
});

/**
 * The app's own token may manage its subscriptions, as may Meta's app token form "app_id|secret".
 * Another app's id is a missing object.
 */
async function ownApp(platform: Platform, req: FastifyRequest<{ Params: GraphParams }>, method: string) {
  const token = tokenOf(req);
  const app = await platform.directory.app(req.params.id);
  if (token && app && token === `${app.id}|${app.secret}`) return app;
  const principal = await authenticate(platform, req);
  if (!app || principal.appId !== app.id) throw unknownObject(req.params.id, method);
  return app;
}

/** POST|GET|DELETE /{app-id}/subscriptions: the app's webhook URL, verified before it is kept. */
export function registerAppSubscriptionRoutes(app: FastifyInstance, platform: Platform): void {
  app.post<{ Params: GraphParams }>("/:version/:id/subscriptions", async (req, reply) => {
    const a = await ownApp(platform, req, "POST");
    const body = { ...(req.query as object), ...((req.body as object) ?? {}) } as Record<string, unknown>;
    delete body.access_token;
    const r = parseParams(subscribe, body);
    const fields =
      typeof r.fields === "string"
        ? r.fields
            .split(",")
            .map((f) => f.trim())
            .filter(Boolean)
        : (r.fields ?? ["messages"]);
    await verifyCallback(platform.http, r.callback_url, r.verify_token);
    await platform.db
      .updateTable("apps")
      .set({ callback_url: r.callback_url, verify_token: r.verify_token, fields: toJson(fields) })
      .where("id", "=", a.id)
      .execute();
    platform.directory.forget();
    return reply.send({ success: true });
  });

  app.get<{ Params: GraphParams }>("/:version/:id/subscriptions", async (req, reply) => {
    const a = await ownApp(platform, req, "GET");
    const row = await platform.db.selectFrom("apps").selectAll().where("id", "=", a.id).executeTakeFirstOrThrow();
    const data = row.callback_url
      ? [
          {
            object: "whatsapp_business_account",
            callback_url: row.callback_url,
            active: true,
            fields: fromJson<string[]>(row.fields, []).map((name) => ({ name, version: row.graph_version })),
          },
        ]
      : [];
    return reply.send({ data });
  });

  app.delete<{ Params: GraphParams }>("/:version/:id/subscriptions", async (req, reply) => {
    const a = await ownApp(platform, req, "DELETE");
    await platform.db
      .updateTable("apps")
      .set({ callback_url: null, verify_token: null, fields: null })
      .where("id", "=", a.id)
      .execute();
    platform.directory.forget();
    return reply.send({ success: true });
  });
}
