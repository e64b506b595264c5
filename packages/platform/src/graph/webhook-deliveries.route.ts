import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { GraphError, parseParams } from "@openwaba/contracts";
import { sql } from "kysely";
import { fromJson } from "@openwaba/store";
import { QUEUES, type Platform } from "../platform";
import { asciiJson } from "../webhooks/ascii-json";
import { postBody } from "../webhooks/post-webhook";
import { subscriberOf } from "../webhooks/subscriber-backlog";
import { authenticate } from "./graph-request";

const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.string().max(64).optional(),
  ok: z.enum(["true", "false"]).optional(),
  app_id: z.string().max(64).optional(),
  field: z.string().max(64).optional(),
  access_token: z.string().optional(),
});
const testBody = z.strictObject({ app_id: z.string().max(64).optional() });

/**
 * The sample Meta's App Dashboard sends with its "Test" button for the messages field: made-up
 * ids (entry id "0"), so that a receiver can tell it from real traffic.
 */
export const TEST_MESSAGE = {
  object: "whatsapp_business_account",
  entry: [
    {
      id: "0",
      changes: [
        {
          field: "messages",
          value: {
            messaging_product: "whatsapp",
            metadata: { display_phone_number: "16505551111", phone_number_id: "123456123" },
            contacts: [{ profile: { name: "test user name" }, wa_id: "16315551181" }],
            messages: [
              {
                from: "16315551181",
                id: "ABGGFlA5Fpa",
                timestamp: "1504902988",
                type: "text",
                text: { body: "this is a text message" },
              },
            ],
          },
        },
      ],
    },
  ],
};

/**
 * OpenWABA's extension for debugging receivers (Meta keeps no such history): each recent POST to
 * each subscriber with the exact request and the start of the answer, filtered and paged; a
 * logged delivery sent again; and Meta's test message sent to a subscriber.
 */
export function registerWebhookDeliveryRoutes(app: FastifyInstance, platform: Platform): void {
  const destination = async (wabaId: string, appId: string) => {
    const d = (await platform.directory.destinations(wabaId)).find((x) => x.appId === appId);
    if (!d) throw new GraphError(100, `No app ${appId} with a callback is subscribed to this WABA.`, { http: 400 });
    return d;
  };

  // Every app subscribed to the WABA, where its events go (none: it has no callback, so nothing is
  // delivered), and how many events wait in its backlog or were given up on.
  app.get("/openwaba/webhooks/subscribers", async (req, reply) => {
    const p = await authenticate(platform, req);
    const apps = await platform.db
      .selectFrom("subscribed_apps")
      .innerJoin("apps", "apps.id", "subscribed_apps.app_id")
      .select(["apps.id", "apps.name", "apps.callback_url", "apps.fields", "subscribed_apps.override_callback_uri"])
      .where("subscribed_apps.waba_id", "=", p.wabaId)
      .orderBy("subscribed_apps.created_at")
      .execute();
    const counts = await platform.db
      .selectFrom("jobs")
      .select(["kind", "status", sql<number>`count(*)`.as("n")])
      .where("queue", "=", QUEUES.webhookBacklog)
      .where("key", "like", `${p.wabaId}|%`)
      .groupBy(["kind", "status"])
      .execute();
    const count = (app: string, status: string) =>
      Number(counts.find((c) => c.kind === subscriberOf(p.wabaId, app) && c.status === status)?.n ?? 0);
    return reply.send({
      data: apps.map((a) => ({
        app_id: a.id,
        name: a.name,
        callback_url: a.override_callback_uri ?? a.callback_url,
        via: a.override_callback_uri ? "override" : a.callback_url ? "app" : null,
        fields: fromJson<string[] | null>(a.fields, null),
        waiting: count(a.id, "ready"),
        dead: count(a.id, "dead"),
      })),
    });
  });

  app.get("/openwaba/webhooks/deliveries", async (req, reply) => {
    const p = await authenticate(platform, req);
    const q = parseParams(listQuery, req.query ?? {});
    const data = platform.deliveries.recent(p.wabaId, {
      limit: q.limit ?? 100,
      before: q.before,
      ok: q.ok === undefined ? undefined : q.ok === "true",
      appId: q.app_id,
      field: q.field,
    });
    const next = data.length === (q.limit ?? 100) ? data.at(-1)!.id : null;
    return reply.send({ data, paging: { next_before: next } });
  });

  app.get<{ Params: { id: string } }>("/openwaba/webhooks/deliveries/:id", async (req, reply) => {
    const p = await authenticate(platform, req);
    const d = platform.deliveries.get(p.wabaId, req.params.id);
    if (!d) throw new GraphError(100, `No delivery ${req.params.id} is kept for this WABA.`, { http: 404 });
    return reply.send(d);
  });

  // The same bytes again, signed with the subscriber's current secret, to its current callback.
  app.post<{ Params: { id: string } }>("/openwaba/webhooks/deliveries/:id/resend", async (req, reply) => {
    const p = await authenticate(platform, req);
    const d = platform.deliveries.get(p.wabaId, req.params.id);
    if (!d) throw new GraphError(100, `No delivery ${req.params.id} is kept for this WABA.`, { http: 404 });
    const dest = await destination(p.wabaId, d.app_id);
    const delivery = await postBody(platform, p.wabaId, dest, d.request, {
      redelivery: true,
      fields: d.fields,
      events: d.events,
      resendOf: d.id,
    });
    return reply.send({ success: delivery.ok, delivery });
  });

  app.post("/openwaba/webhooks/test", async (req, reply) => {
    const p = await authenticate(platform, req);
    const b = parseParams(testBody, req.body ?? {});
    const all = await platform.directory.destinations(p.wabaId);
    const targets = b.app_id ? [await destination(p.wabaId, b.app_id)] : all;
    if (!targets.length) throw new GraphError(100, "No app with a callback is subscribed to this WABA.", { http: 400 });
    const body = asciiJson(TEST_MESSAGE);
    const results = [];
    for (const dest of targets) {
      const d = await postBody(platform, p.wabaId, dest, body, { redelivery: false, fields: ["messages"], events: 1 });
      results.push({ app_id: dest.appId, url: dest.url, ok: d.ok, result: d.result, delivery_id: d.id });
    }
    return reply.send({ success: results.every((r) => r.ok), results });
  });
}
