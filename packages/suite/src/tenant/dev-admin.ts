import type { Db } from "@openwaba/store";
import { hashPassword } from "../auth/password";
import { newId, randomSecret } from "../ids";

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
  if (admin) {
    await db
      .updateTable("suite_users")
      .set({ password_hash, status: "active", locked_until: null })
      .where("id", "=", admin.id)
      .execute();
  } else {
    await db.transaction().execute(async (tx) => {
      const id = newId();
      await tx
        .insertInto("suite_users")
        .values({
          id,
          tenant_id: tenantId,
          email: DEV_ADMIN_EMAIL,
          name: "Admin",
          role: "admin",
          password_hash,
          status: "active",
          availability: "online",
          capacity: 20,
          created_at: now,
        })
        .execute();
      // A first team so that routing has somewhere to send conversations from the start.
      const team = newId();
      await tx
        .insertInto("suite_teams")
        .values({ id: team, tenant_id: tenantId, name: "Support", assignment: "round_robin", created_at: now })
        .execute();
      await tx.insertInto("suite_team_members").values({ team_id: team, user_id: id }).execute();
      await tx
        .insertInto("suite_routing_rules")
        .values({
          id: newId(),
          tenant_id: tenantId,
          position: 0,
          name: "Everything to Support",
          team_id: team,
          conditions: "{}",
          created_at: now,
        })
        .execute();
    });
  }
  return { console_email: DEV_ADMIN_EMAIL, console_password: password };
}
