import type { FastifyInstance } from "fastify";
import { GraphError } from "@openwaba/contracts";
import { billingSummary } from "../pricing/billing-ledger";
import type { Platform } from "../platform";
import { authenticate } from "./graph-request";

const time = (v: string | undefined, fallback: number, name: string) => {
  if (v === undefined || v === "") return fallback;
  const t = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v);
  if (!Number.isFinite(t)) throw new GraphError(100, `Param ${name} must be a Unix time in seconds or an ISO date.`);
  return t;
};

/** OpenWABA's billing ledger summary for the token's WABA (not a Meta endpoint). */
export function registerBillingRoutes(app: FastifyInstance, platform: Platform): void {
  app.get<{ Querystring: { since?: string; until?: string } }>("/openwaba/billing", async (req, reply) => {
    const p = await authenticate(platform, req);
    const until = time(req.query.until, platform.clock.now() + 1, "until");
    const since = time(req.query.since, 0, "since");
    return reply.send({ waba_id: p.wabaId, since: new Date(since).toISOString(), until: new Date(until).toISOString(), ...(await billingSummary(platform.db, p.wabaId, since, until)) });
  });
}
