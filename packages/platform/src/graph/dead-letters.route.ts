import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { parseParams } from "@openwaba/contracts";
import { QUEUES, type Platform } from "../platform";
import { authenticate } from "./graph-request";

const redrive = z.strictObject({ ids: z.array(z.number().int().positive()).max(10_000).optional() });

/**
 * OpenWABA's extension (not in Meta's API): webhook events given up on after the retry period,
 * listed and redriven per WABA with the same token; and the recent deliveries.
 */
export function registerDeadLetterRoutes(app: FastifyInstance, platform: Platform): void {
  app.get<{ Querystring: { limit?: string } }>("/openwaba/webhooks/dead-letters", async (req, reply) => {
    const p = await authenticate(platform, req);
    const jobs = await platform.queue.list(QUEUES.webhook, "dead", { keyPrefix: `${p.wabaId}|`, limit: Math.min(Number(req.query.limit) || 100, 1000) });
    return reply.send({
      data: jobs.map((j) => ({ id: j.id, created_at: j.created_at, attempts: j.attempts, last_error: j.last_error, event: JSON.parse(j.payload).value })),
    });
  });

  // The last webhook POSTs to each subscribed app, with their outcome (kept in memory, 200 per WABA).
  app.get<{ Querystring: { limit?: string } }>("/openwaba/webhooks/deliveries", async (req, reply) => {
    const p = await authenticate(platform, req);
    return reply.send({ data: platform.deliveries.recent(p.wabaId, Math.min(Number(req.query.limit) || 100, 200)) });
  });

  app.post("/openwaba/webhooks/dead-letters/redrive", async (req, reply) => {
    const p = await authenticate(platform, req);
    const body = req.body ?? {};
    const r = parseParams(redrive, body);
    const n = await platform.queue.redrive(QUEUES.webhook, platform.clock.now(), { ids: r.ids, keyPrefix: `${p.wabaId}|` });
    platform.wake(QUEUES.webhook);
    return reply.send({ success: true, redriven: n });
  });
}
