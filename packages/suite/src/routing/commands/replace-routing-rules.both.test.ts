import { afterAll, describe, expect, it } from "vitest";
import { openTestStore } from "@openwaba/store/testing";
import { createTeam } from "../../people/commands/teams";
import { connectTenant } from "../../tenant/connect-tenant";
import { replaceRoutingRules } from "./replace-routing-rules";

// Routing rules are one ordered list, replaced as a whole, and send conversations only to the tenant's teams.
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
const rules = (tenantId: string) =>
  store.db
    .selectFrom("suite_routing_rules")
    .select(["name", "position"])
    .where("tenant_id", "=", tenantId)
    .orderBy("position")
    .execute();

describe("routing rules", () => {
  it("replace the list as a whole, in the order given", async () => {
    const tenantId = await tenant("9001");
    const team = await createTeam(store.db, { tenantId, name: "Support", assignment: "round_robin", at: now });
    const rule = (name: string) => ({ name, team_id: team.id, conditions: {} });
    await replaceRoutingRules(store.db, { tenantId, rules: [rule("a"), rule("b")], at: now });
    await replaceRoutingRules(store.db, { tenantId, rules: [rule("c"), rule("a")], at: now });
    expect(await rules(tenantId)).toEqual([
      { name: "c", position: 0 },
      { name: "a", position: 1 },
    ]);
  });

  it("refuse another tenant's team, naming the rule, and keep the list as it was", async () => {
    const [a, b] = [await tenant("9002"), await tenant("9003")];
    const ours = await createTeam(store.db, { tenantId: a, name: "Support", assignment: "round_robin", at: now });
    const theirs = await createTeam(store.db, { tenantId: b, name: "Sales", assignment: "round_robin", at: now });
    await replaceRoutingRules(store.db, {
      tenantId: a,
      rules: [{ name: "kept", team_id: ours.id, conditions: {} }],
      at: now,
    });
    const change = replaceRoutingRules(store.db, {
      tenantId: a,
      rules: [
        { name: "ok", team_id: ours.id, conditions: {} },
        { name: "bad", team_id: theirs.id, conditions: {} },
      ],
      at: now,
    });
    await expect(change).rejects.toMatchObject({ status: 400, extra: { field: "rules.1.team_id" } });
    expect(await rules(a)).toEqual([{ name: "kept", position: 0 }]);
  });
});
