import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { parseParams } from "@openwaba/contracts";
import { fromJson } from "@openwaba/store";
import { consentHistory, currentConsent, recordConsent } from "../consent/consent-ledger";
import type { Platform } from "../platform";
import { authenticate } from "./graph-request";

const entry = z.strictObject({
  wa_id: z.string().regex(/^\d{5,15}$/),
  scope: z.enum(["marketing", "utility"]),
  status: z.enum(["granted", "revoked"]),
  source: z.string().min(1).max(64).default("api"),
  evidence: z.unknown().optional(),
});

const present = (r: Awaited<ReturnType<typeof currentConsent>>) =>
  r && {
    scope: r.scope,
    status: r.status,
    source: r.source,
    evidence: fromJson(r.evidence, null),
    at: new Date(Number(r.at)).toISOString(),
  };

/**
 * OpenWABA's consent ledger API (not Meta's): the business records opt-ins from its own entry
 * points (a web form, a checkout box, an import) and reads a user's consent and its history.
 */
export function registerConsentRoutes(app: FastifyInstance, platform: Platform): void {
  app.post("/openwaba/consents", async (req, reply) => {
    const p = await authenticate(platform, req);
    const e = parseParams(entry, req.body ?? {});
    await recordConsent(platform.db, {
      waba_id: p.wabaId,
      wa_id: e.wa_id,
      scope: e.scope,
      status: e.status,
      source: e.source,
      evidence: e.evidence,
      at: platform.clock.now(),
    });
    return reply
      .code(201)
      .send({ success: true, consent: present(await currentConsent(platform.db, p.wabaId, e.wa_id, e.scope)) });
  });

  app.get<{ Params: { waId: string } }>("/openwaba/consents/:waId", async (req, reply) => {
    const p = await authenticate(platform, req);
    const history = await consentHistory(platform.db, p.wabaId, req.params.waId);
    return reply.send({
      wa_id: req.params.waId,
      marketing: present(await currentConsent(platform.db, p.wabaId, req.params.waId, "marketing")),
      utility: present(await currentConsent(platform.db, p.wabaId, req.params.waId, "utility")),
      history: history.map(present),
    });
  });
}
