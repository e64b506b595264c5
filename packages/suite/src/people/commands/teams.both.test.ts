import { afterAll, describe, expect, it } from "vitest";
import { openTestStore } from "@openwaba/store/testing";
import { connectTenant } from "../../tenant/connect-tenant";
import { addPerson } from "./add-person";
import { createTeam, editTeam, setTeamMembers } from "./teams";

// A team and its members are the tenant's own: another tenant's team looks like none, and another
// tenant's person cannot be made a member.
const store = await openTestStore();
afterAll(() => store.close());

const now = Date.now();
const tenant = async (waba: string) =>
  (
    await connectTenant(store.db, now, "Shop", {
      waba_id: waba,
      graph_url: "http://127.0.0.1:1",
      graph_version: "v23.0",
      access_token: "t",
      app_secret: "s",
      verify_token: "v",
      numbers: [{ id: `${waba}1`, display_phone_number: "15550001111", verified_name: "Shop" }],
    })
  ).tenantId;
const person = (tenantId: string, email: string) =>
  addPerson(store.db, {
    tenantId,
    email,
    name: email,
    role: "agent",
    status: "active",
    passwordHash: null,
    availability: "online",
    capacity: 5,
    at: now,
  });

describe("a team's members", () => {
  it("are replaced as a whole, each once", async () => {
    const tenantId = await tenant("8001");
    const [ana, ben] = [await person(tenantId, "ana@8001.test"), await person(tenantId, "ben@8001.test")];
    const team = await createTeam(store.db, { tenantId, name: "Sales", assignment: "round_robin", at: now });
    await setTeamMembers(store.db, { tenantId, teamId: team.id, userIds: [ana.id] });
    expect(await setTeamMembers(store.db, { tenantId, teamId: team.id, userIds: [ben.id, ben.id] })).toEqual({
      id: team.id,
      member_ids: [ben.id],
    });
    const rows = await store.db
      .selectFrom("suite_team_members")
      .select("user_id")
      .where("team_id", "=", team.id)
      .execute();
    expect(rows.map((r) => r.user_id)).toEqual([ben.id]);
  });

  it("are the tenant's people, of the tenant's team", async () => {
    const [a, b] = [await tenant("8002"), await tenant("8003")];
    const ours = await person(a, "ana@8002.test");
    const theirs = await person(b, "ben@8003.test");
    const team = await createTeam(store.db, { tenantId: a, name: "Support", assignment: "manual", at: now });
    await expect(
      setTeamMembers(store.db, { tenantId: a, teamId: team.id, userIds: [ours.id, theirs.id] }),
    ).rejects.toMatchObject({
      status: 400,
      code: "invalid_request",
    });
    await expect(
      setTeamMembers(store.db, { tenantId: b, teamId: team.id, userIds: [theirs.id] }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(editTeam(store.db, { tenantId: b, teamId: team.id, change: { name: "Taken" } })).rejects.toMatchObject(
      {
        status: 404,
      },
    );
  });
});
