import type { Db } from "@openwaba/store";
import { emitBusinessEvent } from "../../outbound/business-events";
import type { Suite } from "../../suite";
import type { ConversationRow } from "../present";
import { recordEvent } from "./record-event";

/** A satisfaction score given after the conversation was resolved (a survey): it goes to the last cycle. */
export async function rateLastCycle(
  suite: Suite,
  tx: Db,
  p: { conversation: ConversationRow /** 1–5 */; score: number },
): Promise<void> {
  const c = p.conversation;
  const last = await tx
    .selectFrom("suite_cycles")
    .select(["id", "agent_id"])
    .where("conversation_id", "=", c.id)
    .orderBy("resolved_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!last) return;
  await tx.updateTable("suite_cycles").set({ csat: p.score }).where("id", "=", last.id).execute();
  await emitBusinessEvent(suite, tx, c.tenant_id, "csat.received", {
    conversation_id: c.id,
    wa_id: c.wa_id,
    score: p.score,
    agent_id: last.agent_id,
  });
  await recordEvent(suite, tx, { conversationId: c.id, kind: "csat_received", actorId: null, data: { csat: p.score } });
}
