import type { Db } from "@openwaba/store";

/** A failed sign-in, counted against each key (`ip:<address>`, `account:<email>`) by the login throttle. */
export async function recordLoginFailure(db: Db, p: { keys: string[]; at: number }): Promise<void> {
  await db
    .insertInto("suite_login_failures")
    .values(p.keys.map((key) => ({ key, at: p.at })))
    .execute();
}

/** A successful sign-in forgets the failures counted against its key (the account's, not the address's). */
export async function forgetLoginFailures(db: Db, p: { key: string }): Promise<void> {
  await db.deleteFrom("suite_login_failures").where("key", "=", p.key).execute();
}
