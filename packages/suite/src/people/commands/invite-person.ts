import type { Db, UserRole } from "@openwaba/store";
import type { SuiteUser } from "../../auth/sessions";
import { hashToken } from "../../auth/token-hash";
import { SuiteError } from "../../errors";
import { randomSecret } from "../../ids";
import type { Suite } from "../../suite";
import { addPerson } from "./add-person";

/** How long an invitation's link works. */
const INVITE_MS = 7 * 24 * 3600_000;

export interface InvitePersonProps {
  tenantId: string;
  /** Lower-case; an email that has an account already (in any tenant) is refused. */
  email: string;
  name: string;
  role: UserRole;
}

/**
 * Invites a person: they appear as "invited", offline, until they set a password with the token
 * (returned once; the store keeps its hash).
 */
export async function invitePerson(
  suite: Suite,
  db: Db,
  p: InvitePersonProps,
): Promise<{ user: SuiteUser; token: string; expiresAt: number }> {
  if (await db.selectFrom("suite_users").select("id").where("email", "=", p.email).executeTakeFirst()) {
    throw new SuiteError(409, "email_taken", `${p.email} already has an account.`, { field: "email" });
  }
  const token = randomSecret(24),
    now = suite.securityClock.now(),
    expiresAt = now + INVITE_MS;
  const user = await addPerson(db, {
    ...p,
    status: "invited",
    passwordHash: null,
    availability: "offline",
    capacity: 10,
    invitation: { tokenHash: hashToken(token), expiresAt },
    at: now,
  });
  return { user, token, expiresAt };
}
