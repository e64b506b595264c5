import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { GraphError, parseParams } from "@openwaba/contracts";
import type { Platform } from "../platform";
import { limitScope, limitUsage } from "../limits/messaging-limit";
import { changeTier, scheduleTierReview } from "../limits/tier-review";
import { QUEUES } from "../platform";
import { LADDER, maxPhoneNumbers } from "../rules/tier-upgrade";
import { authenticate } from "./graph-request";

const verification = z.strictObject({ verified: z.boolean() });
const setTier = z.strictObject({ tier: z.string().regex(/^TIER_[A-Z0-9]+$/) });

/**
 * OpenWABA's view of the token's messaging limit, and business verification (done in Meta's
 * Business Manager, here by this call): verifying is the scaling path's shortcut out of the first
 * tier, taken at the next review (6 h for a portfolio, 24 h for a number).
 */
export function registerMessagingLimitRoutes(app: FastifyInstance, platform: Platform): void {
  app.get("/openwaba/messaging-limit", async (req, reply) => {
    const p = await authenticate(platform, req);
    return reply.send(await view(platform, p.wabaId));
  });

  // A developer puts the business (or, per-number model, the token's first number) at a tier, as
  // Meta's reviews would over weeks — to try a large campaign locally. Announced as an upgrade would be.
  app.put("/openwaba/messaging-limit", async (req, reply) => {
    const p = await authenticate(platform, req);
    const b = parseParams(setTier, req.body);
    const ladder = LADDER[platform.config.messagingLimitModel];
    if (!ladder.includes(b.tier)) throw new GraphError(100, `Param tier must be one of ${ladder.join(", ")}.`);
    await platform.db.transaction().execute(async (tx) => {
      const phone = await tx
        .selectFrom("phone_numbers")
        .select(["id", "waba_id"])
        .where("waba_id", "=", p.wabaId)
        .orderBy("created_at")
        .executeTakeFirst();
      if (!phone) throw new GraphError(100, "This WhatsApp Business Account has no phone number yet.");
      const scope = await limitScope(platform, tx, phone);
      if (scope.tier !== b.tier)
        await changeTier(
          platform,
          tx,
          scope,
          b.tier,
          ladder.indexOf(b.tier) > ladder.indexOf(scope.tier) ? "UPGRADE" : "DOWNGRADE",
        );
    });
    platform.directory.forget();
    platform.wake(QUEUES.webhook);
    return reply.send(await view(platform, p.wabaId));
  });

  app.post("/openwaba/business-verification", async (req, reply) => {
    const p = await authenticate(platform, req);
    const b = parseParams(verification, req.body);
    await platform.db.transaction().execute(async (tx) => {
      const waba = await tx
        .selectFrom("wabas")
        .select("business_id")
        .where("id", "=", p.wabaId)
        .executeTakeFirstOrThrow();
      await tx
        .updateTable("businesses")
        .set({ verified: b.verified ? 1 : 0 })
        .where("id", "=", waba.business_id)
        .execute();
      if (!b.verified) return;
      const phones = await tx
        .selectFrom("phone_numbers")
        .innerJoin("wabas", "wabas.id", "phone_numbers.waba_id")
        .select(["phone_numbers.id", "phone_numbers.waba_id"])
        .where("wabas.business_id", "=", waba.business_id)
        .execute();
      const seen = new Set<string>();
      for (const phone of phones) {
        const scope = await limitScope(platform, tx, phone);
        if (seen.has(scope.id)) continue;
        seen.add(scope.id);
        await scheduleTierReview(platform, tx, scope, platform.clock.now());
      }
    });
    platform.directory.forget();
    return reply.send(await view(platform, p.wabaId));
  });
}

async function view(platform: Platform, wabaId: string) {
  const phones = await platform.db
    .selectFrom("phone_numbers")
    .select(["id", "waba_id", "display_phone_number", "throughput_level"])
    .where("waba_id", "=", wabaId)
    .orderBy("created_at")
    .execute();
  const now = platform.clock.now();
  const scopes = await Promise.all(
    phones.map(async (phone) => {
      const scope = await limitScope(platform, platform.db, phone);
      const usage = await limitUsage(platform.db, scope, now);
      return {
        phone_number_id: phone.id,
        display_phone_number: phone.display_phone_number,
        tier: scope.tier,
        throughput_level: phone.throughput_level,
        users_in_24_hours: usage.used,
        next_review: scope.reviewAt === null ? null : new Date(scope.reviewAt).toISOString(),
        verified: scope.verified,
        max_phone_numbers_per_business: maxPhoneNumbers(scope.verified, scope.tier),
      };
    }),
  );
  return { waba_id: wabaId, model: platform.config.messagingLimitModel, numbers: scopes };
}
