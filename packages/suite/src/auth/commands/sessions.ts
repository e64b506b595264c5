import type { Db } from "@openwaba/store";
import { randomSecret } from "../../ids";
import type { Suite } from "../../suite";
import { hashToken } from "../token-hash";

/** How long a session lasts. */
export const SESSION_MS = 12 * 3600_000;

/** A new session of a person: the token (for the cookie) and its CSRF token; the store keeps only the token's hash. */
export async function openSession(
  suite: Suite,
  db: Db,
  p: { /** Who signs in. */ userId: string },
): Promise<{ token: string; csrf: string }> {
  const token = randomSecret(32),
    csrf = randomSecret(24),
    now = suite.securityClock.now();
  await db
    .insertInto("suite_sessions")
    .values({
      id: hashToken(token),
      user_id: p.userId,
      csrf_token: csrf,
      created_at: now,
      expires_at: now + SESSION_MS,
    })
    .execute();
  return { token, csrf };
}

/** Ends the session of a token (signing out); an unknown token is no error. */
export async function closeSession(db: Db, p: { /** The cookie's token. */ token: string }): Promise<void> {
  await db.deleteFrom("suite_sessions").where("id", "=", hashToken(p.token)).execute();
}

/** Ends every session of a person (they were disabled: they are signed out everywhere). */
export async function closeSessionsOf(db: Db, p: { userId: string }): Promise<void> {
  await db.deleteFrom("suite_sessions").where("user_id", "=", p.userId).execute();
}
