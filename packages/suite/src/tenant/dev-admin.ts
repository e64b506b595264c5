import type { Db } from "@openwaba/store";
import { hashPassword } from "../auth/password";
import { randomSecret } from "../ids";
import { addPerson } from "../people/commands/add-person";
import { resetPassword } from "../people/commands/reset-password";
import { createTeam, setTeamMembers } from "../people/commands/teams";
import { replaceRoutingRules } from "../routing/commands/replace-routing-rules";

export const DEV_ADMIN_EMAIL = "admin@openwaba.local";

/**
 * The development tenant's first admin, with a random password (never a fixed one). The password
 * exists in clear only in what this returns (written to dev-credentials.json); when that copy is
 * lost (`reset`), a new one is made.
 */
export async function ensureDevAdmin(
  db: Db,
  now: number,
  tenantId: string,
  reset: boolean,
): Promise<{ console_email: string; console_password: string } | null> {
  const admin = await db
    .selectFrom("suite_users")
    .select(["id"])
    .where("email", "=", DEV_ADMIN_EMAIL)
    .executeTakeFirst();
  if (admin && !reset) return null;
  const password = randomSecret(12);
  const password_hash = await hashPassword(password);
  if (admin) await resetPassword(db, { userId: admin.id, passwordHash: password_hash });
  else
    await db.transaction().execute(async (tx) => {
      const person = await addPerson(tx, {
        tenantId,
        email: DEV_ADMIN_EMAIL,
        name: "Admin",
        role: "admin",
        status: "active",
        passwordHash: password_hash,
        availability: "online",
        capacity: 20,
        at: now,
      });
      // A first team so that routing has somewhere to send conversations from the start (a new
      // tenant has no rules yet: this one is the whole list).
      const team = await createTeam(tx, { tenantId, name: "Support", assignment: "round_robin", at: now });
      await setTeamMembers(tx, { tenantId, teamId: team.id, userIds: [person.id] });
      await replaceRoutingRules(tx, {
        tenantId,
        rules: [{ name: "Everything to Support", team_id: team.id, conditions: {} }],
        at: now,
      });
    });
  return { console_email: DEV_ADMIN_EMAIL, console_password: password };
}
