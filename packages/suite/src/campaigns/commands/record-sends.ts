import { sql } from "kysely";
import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import type { RecipientRow } from "../campaign-rows";
import { AWAITING_ANSWER, ANSWER_TOO_LATE } from "../recipient-state";
import type { SendOutcome } from "../send-outcome";
import { pauseCampaign } from "./pause-campaign";

/** One send and what the Cloud API answered. */
export interface AnsweredSend {
  /** The recipient as claimed (its attempt is the one sent). */
  recipient: RecipientRow;
  /** Sent outside the customer's service window: it counts against the messaging limit. */
  outsideWindow: boolean;
  outcome: SendOutcome;
  sentAt: number;
}

export interface RecordSendsProps {
  campaignId: string;
  /** The answers gathered since the last record, in the order they came. */
  sends: readonly AnsweredSend[];
}

const awaiting = sql.join(AWAITING_ANSWER.map((s) => sql.lit(s)));
/** Accepted, unless a status that came first moved it on already. */
const ACCEPTED_NOW = sql<string>`case when state in (${awaiting}) then 'accepted' else state end`;
const NO_CONSENT = {
  code: 139900,
  title: "No marketing consent",
  details: "the contact has not given marketing consent",
};

/**
 * What each send's answer means for its recipient: accepted, due again later, back to pending while
 * the campaign pauses, unconfirmed, or failed. Each update holds only while the recipient is still
 * at the attempt that was sent (a later one owns the row), and in the state the answer speaks of.
 */
export async function recordSends(suite: Suite, tx: Db, p: RecordSendsProps): Promise<void> {
  const now = suite.clock.now();
  // Cancelled meanwhile: what was to be tried again goes nowhere.
  const cancelled =
    (await tx.selectFrom("suite_campaigns").select("state").where("id", "=", p.campaignId).executeTakeFirst())
      ?.state === "cancelled";
  const unsent = cancelled ? "cancelled" : "pending";
  const recipient = tx.updateTable("suite_campaign_recipients").where("campaign_id", "=", p.campaignId);
  for (const { recipient: r, outsideWindow, outcome: o, sentAt } of p.sends) {
    const at = recipient.where("seq", "=", r.seq).where("attempts", "=", r.attempts);
    if (o.kind === "accepted") {
      // Its status may have come first (then the state is further on already — or back at
      // pending, when the platform failed it over a limit, and this answer changes nothing).
      await at
        .set({
          message_id: o.messageId,
          sent_at: sentAt,
          outside_window: outsideWindow ? 1 : 0,
          updated_at: now,
          state: ACCEPTED_NOW,
        })
        .where("state", "not in", ANSWER_TOO_LATE)
        .execute();
    } else if (o.kind === "retry") {
      await at
        .set({ state: unsent, due_at: now + o.afterMs, error: JSON.stringify({ retry: o.why }), updated_at: now })
        .where("state", "=", "sending")
        .execute();
    } else if (o.kind === "pause_campaign") {
      await at.set({ state: unsent, updated_at: now }).where("state", "=", "sending").execute();
      await pauseCampaign(suite, tx, {
        campaignId: p.campaignId,
        reason: `the Cloud API refused: ${o.why} (${o.code})`,
      });
    } else if (o.kind === "unknown") {
      await at
        .set({ state: "unconfirmed", error: JSON.stringify({ unconfirmed: o.why }), updated_at: now })
        .where("state", "=", "sending")
        .execute();
    } else {
      const error = o.kind === "failed" ? o.error : NO_CONSENT;
      await at
        .set({ state: "failed", error: JSON.stringify(error), updated_at: now })
        .where("state", "in", AWAITING_ANSWER)
        .execute();
    }
  }
}
