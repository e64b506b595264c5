import type { FastifyInstance } from "fastify";
import { GraphError } from "@openwaba/contracts";
import { billingSummary } from "../pricing/billing-ledger";
import type { Platform } from "../platform";
import { authenticate } from "./graph-request";
import { PRICING_MODEL_SETTINGS, pricingModelAt, type PricingModelSetting } from "../rules/pricing-model";

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
    return reply.send({
      waba_id: p.wabaId,
      since: new Date(since).toISOString(),
      until: new Date(until).toISOString(),
      ...(await billingSummary(platform.db, p.wabaId, since, until)),
    });
  });

  // The pricing model of the token's WABA: pinned ("CBP", "PMP"), by date ("auto"), or null for the deployment's default.
  app.get("/openwaba/pricing-model", async (req, reply) => {
    const p = await authenticate(platform, req);
    return reply.send(await pricingModelView(platform, p.wabaId));
  });
  app.post<{ Body: { pricing_model?: unknown } }>("/openwaba/pricing-model", async (req, reply) => {
    const p = await authenticate(platform, req);
    const m = (req.body as { pricing_model?: unknown } | null)?.pricing_model;
    if (m !== null && !PRICING_MODEL_SETTINGS.includes(m as PricingModelSetting)) {
      throw new GraphError(
        100,
        `Param pricing_model must be one of ${PRICING_MODEL_SETTINGS.join(", ")} or null (the deployment's default).`,
      );
    }
    await platform.db
      .updateTable("wabas")
      .set({ pricing_model: m as string | null })
      .where("id", "=", p.wabaId)
      .execute();
    platform.directory.forget();
    return reply.send(await pricingModelView(platform, p.wabaId));
  });
}

async function pricingModelView(platform: Platform, wabaId: string) {
  const pinned = await platform.directory.wabaPricingModel(wabaId);
  const setting = (pinned ?? platform.config.pricingModel) as PricingModelSetting;
  return {
    waba_id: wabaId,
    pricing_model: pinned,
    deployment_default: platform.config.pricingModel,
    in_force: pricingModelAt(setting, platform.clock.now()),
  };
}
