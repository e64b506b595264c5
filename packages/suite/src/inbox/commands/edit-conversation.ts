import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import { recordEvent } from "./record-event";

export interface EditConversationProps {
  conversationId: string;
  /** Replaces the labels (duplicates dropped). */
  labels?: string[];
  priority?: "low" | "normal" | "high" | "urgent";
  /** The person editing it. */
  actorId: string;
}

/** Labels and priority of a conversation, with an `edited` event on its timeline. */
export async function editConversation(suite: Suite, tx: Db, p: EditConversationProps): Promise<void> {
  const labels = p.labels ? [...new Set(p.labels)] : undefined;
  await tx
    .updateTable("suite_conversations")
    .set({
      ...(labels ? { labels: JSON.stringify(labels) } : {}),
      ...(p.priority ? { priority: p.priority } : {}),
    })
    .where("id", "=", p.conversationId)
    .execute();
  await recordEvent(suite, tx, {
    conversationId: p.conversationId,
    kind: "edited",
    actorId: p.actorId,
    data: { ...(p.labels ? { labels: p.labels } : {}), ...(p.priority ? { priority: p.priority } : {}) },
  });
}
