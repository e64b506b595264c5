import type { Db } from "@openwaba/store";
import type { Suite } from "../suite";
import { publish } from "./commands/publish";

/**
 * The world's clock travelled (the simulator's `POST /simulator/clock/advance`): every tenant of
 * this suite reads that one clock, so each tenant's consoles hear `clock.travelled` with the new
 * time, in the caller's transaction, and refresh what they counted against the old time (window
 * countdowns, template-only state, snooze choices, list times). Tenants in id order, so that two
 * travels at once take their tenant locks in the same order.
 */
export async function announceClockTravel(suite: Suite, tx: Db, now: number): Promise<void> {
  const tenants = await tx.selectFrom("suite_tenants").select("id").orderBy("id").execute();
  for (const t of tenants)
    await publish(suite, tx, {
      tenant_id: t.id,
      kind: "clock.travelled",
      payload: { now: new Date(now).toISOString() },
    });
}
