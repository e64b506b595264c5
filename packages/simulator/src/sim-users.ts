import type { Db, SimUsersTable } from "@openwaba/store";
import { behaviourFor, type Behaviour, type SimulatorSettings } from "./profiles";

export type SimUser = SimUsersTable;

export const presentUser = (u: SimUser, pending = 0) => ({
  wa_id: u.wa_id,
  name: u.name,
  country: u.country,
  on_whatsapp: !!u.on_whatsapp,
  online: !!u.online,
  delivery_ms: u.delivery_ms,
  read_ms: u.read_ms,
  read_probability: u.read_probability,
  pending_messages: pending,
  created_at: new Date(u.created_at).toISOString(),
});

/** Creates the user behind a number, its behaviour drawn from the seed unless given. */
export async function createUser(
  db: Db,
  s: SimulatorSettings,
  now: number,
  waId: string,
  given: Partial<Behaviour> = {},
): Promise<SimUser> {
  const b = {
    ...behaviourFor(s, waId, given.name),
    ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
  } as Behaviour;
  const row: SimUser = {
    wa_id: waId,
    name: b.name,
    country: b.country,
    on_whatsapp: b.onWhatsapp ? 1 : 0,
    online: b.online ? 1 : 0,
    delivery_ms: b.deliveryMs,
    read_ms: b.readMs,
    read_probability: b.readProbability,
    created_at: now,
  };
  await db
    .insertInto("sim_users")
    .values(row)
    .onConflict((c) => c.column("wa_id").doNothing())
    .execute();
  return (await findUser(db, waId))!;
}

export async function findUser(db: Db, waId: string): Promise<SimUser | null> {
  return (await db.selectFrom("sim_users").selectAll().where("wa_id", "=", waId).executeTakeFirst()) ?? null;
}

/** A number the business writes to is a user from then on (or a number not on WhatsApp). */
export async function userForNumber(db: Db, s: SimulatorSettings, now: number, waId: string): Promise<SimUser> {
  return (await findUser(db, waId)) ?? createUser(db, s, now, waId);
}
