import type { Db } from "@openwaba/store";
import type { SuiteUser } from "../../auth/sessions";
import type { Suite } from "../../suite";
import { setAvailability } from "./set-availability";

export interface AcceptInvitationProps {
  /** The invited person (found by their invitation's token, not expired). */
  user: Pick<SuiteUser, "id" | "tenant_id">;
  /** The hash of the password they chose. */
  passwordHash: string;
  /** The name they gave, replacing the one they were invited with. */
  name?: string;
}

/**
 * Makes an invited person active with their password, and Online so that routing gives them work
 * from their first sign-in. Only if still invited: of two acceptances at once, one wins; the other
 * gets null. Returns the person as they are now.
 */
export async function acceptInvitation(suite: Suite, tx: Db, p: AcceptInvitationProps): Promise<SuiteUser | null> {
  const r = await tx
    .updateTable("suite_users")
    .set({
      password_hash: p.passwordHash,
      status: "active",
      invite_token_hash: null,
      invite_expires_at: null,
      ...(p.name ? { name: p.name } : {}),
    })
    .where("id", "=", p.user.id)
    .where("status", "=", "invited")
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) return null;
  await setAvailability(suite, tx, { user: p.user, availability: "online" });
  return tx.selectFrom("suite_users").selectAll().where("id", "=", p.user.id).executeTakeFirstOrThrow();
}
