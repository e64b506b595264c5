import type { Db } from "@openwaba/store";

/** Locks an account after repeated failed sign-ins, until `until` (the login throttle decides when). */
export async function lockAccount(db: Db, p: { userId: string; until: number }): Promise<void> {
  await db.updateTable("suite_users").set({ locked_until: p.until }).where("id", "=", p.userId).execute();
}

/** A successful sign-in lifts any lock of the account. */
export async function unlockAccount(db: Db, p: { userId: string }): Promise<void> {
  await db.updateTable("suite_users").set({ locked_until: null }).where("id", "=", p.userId).execute();
}
