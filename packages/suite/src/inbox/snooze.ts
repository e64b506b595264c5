import type { Suite } from "../suite";
import { tenantTransaction } from "../unit-of-work";
import { dropUnclaimedEarlyStatuses } from "./commands/apply-message-status";
import { moveConversation } from "./commands/move-conversation";

/**
 * Housekeeping every few seconds: snoozed conversations whose time has come are open again, and
 * early ticks never claimed by a message (sends made outside the suite) are dropped after an hour.
 */
export async function wakeSnoozed(suite: Suite): Promise<void> {
  const due = await suite.db
    .selectFrom("suite_conversations")
    .select(["id", "tenant_id", "state"])
    .where("state", "=", "snoozed")
    .where("snoozed_until", "<=", suite.clock.now())
    .limit(200)
    .execute();
  for (const d of due)
    await tenantTransaction(suite, d.tenant_id, (tx) =>
      moveConversation(suite, tx, { conversation: d, to: "open", actorId: null, event: "woke" }),
    );
  await dropUnclaimedEarlyStatuses(suite, suite.db);
}
