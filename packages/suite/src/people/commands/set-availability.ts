import type { Availability, Db } from "@openwaba/store";
import { publish } from "../../realtime/commands/publish";
import { drainQueues } from "../../routing/assign";
import type { Suite } from "../../suite";

export interface SetAvailabilityProps {
  /** Whose availability it is. */
  user: { id: string; tenant_id: string };
  availability: Availability;
}

/**
 * Sets a person's availability in the caller's transaction and tells the consoles; coming online
 * takes waiting work (only online agents are assigned automatically).
 */
export async function setAvailability(suite: Suite, tx: Db, p: SetAvailabilityProps): Promise<void> {
  const { user, availability } = p;
  await tx.updateTable("suite_users").set({ availability }).where("id", "=", user.id).execute();
  await publish(suite, tx, {
    tenant_id: user.tenant_id,
    kind: "agent.availability",
    payload: { user_id: user.id, availability },
  });
  if (availability === "online") await drainQueues(suite, tx, user.tenant_id);
}
