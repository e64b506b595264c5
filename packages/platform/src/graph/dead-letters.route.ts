import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { parseParams } from "@openwaba/contracts";
import { QUEUES, type Platform } from "../platform";
import type { BacklogPayload } from "../webhooks/subscriber-backlog";
import { authenticate } from "./graph-request";

const redrive = z.strictObject({ ids: z.array(z.number().int().positive()).max(10_000).optional() });
const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  access_token: z.string().optional(),
});
// Dead letters are per subscriber (its backlog); the first-delivery queue buries only an event that
// could not be put in the backlogs for the whole retry period.
const DEAD_IN = [QUEUES.webhookBacklog, QUEUES.webhook] as const;

/**
 * OpenWABA's extension (not in Meta's API): webhook events given up on after the retry period,
 * per subscriber, listed and redriven per WABA with the same token.
 */
export function registerDeadLetterRoutes(app: FastifyInstance, platform: Platform): void {
  app.get("/openwaba/webhooks/dead-letters", async (req, reply) => {
    const p = await authenticate(platform, req);
    const limit = parseParams(listQuery, req.query ?? {}).limit ?? 100;
    const data = [];
    for (const queue of DEAD_IN) {
      for (const j of await platform.queue.list(queue, "dead", { keyPrefix: `${p.wabaId}|`, limit })) {
        // Read as written: a job buried because its payload was unreadable is listed too.
        const payload = parseOrNull(j.payload) ?? {};
        const backlog = queue === QUEUES.webhookBacklog ? (payload as BacklogPayload) : null;
        data.push({
          id: j.id,
          app_id: backlog?.appId ?? null,
          field: (backlog?.event ?? payload).field,
          created_at: j.created_at,
          attempts: j.attempts,
          last_error: j.last_error,
          event: (backlog?.event ?? payload).value,
        });
      }
    }
    return reply.send({ data: data.sort((a, b) => a.id - b.id).slice(0, limit) });
  });

  app.post("/openwaba/webhooks/dead-letters/redrive", async (req, reply) => {
    const p = await authenticate(platform, req);
    const r = parseParams(redrive, req.body ?? {});
    let n = 0;
    for (const queue of DEAD_IN) {
      n += await platform.queue.redrive(queue, platform.clock.now(), { ids: r.ids, keyPrefix: `${p.wabaId}|` });
      platform.wake(queue);
    }
    return reply.send({ success: true, redriven: n });
  });
}

function parseOrNull(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
