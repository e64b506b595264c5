import type { Db } from "@openwaba/store";
import { newId } from "../../ids";
import { recordEvent } from "../../inbox/commands/record-event";
import type { Suite } from "../../suite";

export interface RecordUnansweredProps {
  tenantId: string;
  conversationId: string;
  /** The customer's question (kept to 1,000 characters) for the team to answer in the FAQ. */
  question: string;
  /** How close the best entry came (0–1; 0 when there was none). */
  confidence: number;
}

/**
 * The bot was not sure enough: the question is listed as unanswered for the team, and the
 * conversation's timeline says the bot handed it over.
 */
export async function recordUnanswered(suite: Suite, tx: Db, p: RecordUnansweredProps): Promise<void> {
  await tx
    .insertInto("suite_faq_misses")
    .values({
      id: newId(),
      tenant_id: p.tenantId,
      conversation_id: p.conversationId,
      question: p.question.slice(0, 1000),
      confidence: p.confidence,
      at: suite.clock.now(),
    })
    .execute();
  await recordEvent(suite, tx, {
    conversationId: p.conversationId,
    kind: "bot_handed_over",
    actorId: null,
    data: { confidence: p.confidence },
  });
}
