import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// Template quality also follows read rates (reassessed within the hour of a send) and STOP
// replies (signals against the template the user last received).
let s: TestServer;
let id: string;
const MIN = 60_000;
const users = Array.from({ length: 20 }, (_, i) => `3933400${String(10000 + i)}`);
const quality = async () => (await s.call("GET", `/${id}?fields=status,quality_score`)).body;
const travel = (ms: number) => s.call("POST", "/simulator/clock/advance", { ms });

beforeAll(async () => {
  s = await startTestServer();
  await s.call("POST", `/${s.credentials.app_id}/subscriptions`, {
    object: "whatsapp_business_account",
    callback_url: s.receiver.url,
    verify_token: s.credentials.verify_token,
    fields: "messages,message_template_quality_update",
  });
  const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
    name: "pickup_note",
    language: "en_US",
    category: "UTILITY",
    components: [{ type: "BODY", text: "Your parcel is waiting for you at the pickup point." }],
  });
  id = t.body.id;
  await s.call("POST", `/openwaba/templates/${id}/review`, { event: "APPROVED" });
  for (const wa of users) await s.call("POST", "/simulator/users", { wa_id: wa, read_probability: 0 });
  for (const wa of users)
    await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      to: wa,
      type: "template",
      template: { name: "pickup_note", language: { code: "en_US" } },
    });
  await waitFor(() => s.receiver.statuses().filter((x) => x.status === "delivered").length >= 20, 5000, "deliveries");
});
afterAll(() => s.stop());

describe("template quality from reads and STOP replies", () => {
  it("turns YELLOW at the reassessment an hour after sending when nobody reads it, not before", async () => {
    await travel(59 * MIN);
    await new Promise((r) => setTimeout(r, 200));
    expect((await quality()).quality_score.score).toBe("UNKNOWN");
    await travel(2 * MIN);
    await waitFor(async () => (await quality()).quality_score.score === "YELLOW" || undefined, 5000, "YELLOW");
    const q = await waitFor(
      () => s.receiver.values().find((v: any) => v.message_template_id === Number(id) && v.new_quality_score),
      5000,
      "quality webhook",
    );
    expect(q).toMatchObject({ previous_quality_score: "UNKNOWN", new_quality_score: "YELLOW" });
    expect((await quality()).status).toBe("APPROVED");
  });

  it("counts STOP replies against the template: three of twenty recipients make it RED and pause it", async () => {
    await s.call("POST", `/simulator/users/${users[0]}/messages`, {
      to: s.phone,
      type: "text",
      text: { body: "STOP" },
    });
    expect((await quality()).quality_score.score).toBe("YELLOW"); // 1 of 20: 5 %
    for (const wa of users.slice(1, 3))
      await s.call("POST", `/simulator/users/${wa}/messages`, { to: s.phone, type: "text", text: { body: "STOP" } });
    expect(await quality()).toMatchObject({ status: "PAUSED", quality_score: { score: "RED" } });
  });
});
