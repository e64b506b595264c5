import { inParallel, type ApiCall } from "./api";

/** wa_ids of the simulated users: US +1 555 numbers, distinct and valid. */
export const userIds = (n: number) =>
  Array.from({ length: n }, (_, i) => `1555${String(1_000_000 + i).padStart(7, "0")}`);

/**
 * Creates `n` simulated users that never read (so each send ends at `delivered`) and has each
 * write to the business once, which opens the 24-hour window for free-form sends to them.
 */
export async function createUsersWithOpenWindows(call: ApiCall, phoneNumberId: string, n: number): Promise<string[]> {
  const ids = userIds(n);
  await inParallel(ids, 64, async (wa_id) => {
    await call("POST", "/simulator/users", { wa_id, read_probability: 0 });
    await call("POST", `/simulator/users/${wa_id}/messages`, { to: phoneNumberId, type: "text", text: { body: "hi" } });
  });
  return ids;
}
