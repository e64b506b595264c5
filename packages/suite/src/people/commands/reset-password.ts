import type { Db } from "@openwaba/store";

/** Gives a person a new password and makes them active and unlocked (the dev admin whose password was lost). */
export async function resetPassword(db: Db, p: { userId: string; passwordHash: string }): Promise<void> {
  await db
    .updateTable("suite_users")
    .set({ password_hash: p.passwordHash, status: "active", locked_until: null })
    .where("id", "=", p.userId)
    .execute();
}
