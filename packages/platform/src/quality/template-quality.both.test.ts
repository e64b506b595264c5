import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// Recipients' spam reports make a template RED: paused 3 h, then 6 h, then disabled, each with
// Meta's webhooks; sends fail with 132015 / 132016 meanwhile.
let s: TestServer;
let id: string;
const HOUR = 3600_000;
const users = Array.from({ length: 23 }, (_, i) => `3933300${String(10000 + i)}`);
const send = (to: string) =>
  s.call("POST", `/${s.phone}/messages`, {
    messaging_product: "whatsapp",
    to,
    type: "template",
    template: { name: "order_ready", language: { code: "en_US" } },
  });
const report = (wa: string) =>
  s.call("POST", `/simulator/users/${wa}/block`, { phone_number_id: s.phone, report: true, reason: "spam" });
const travel = (ms: number) => s.call("POST", "/simulator/clock/advance", { ms });
const status = async () => (await s.call("GET", `/${id}?fields=status,quality_score`)).body;
const statusEvents = () =>
  s.receiver
    .values()
    .filter((v: any) => v.message_template_id === Number(id) && v.other_info)
    .map((v: any) => `${v.event}:${v.other_info.title}`);

beforeAll(async () => {
  s = await startTestServer();
  await s.call("POST", `/${s.credentials.app_id}/subscriptions`, {
    object: "whatsapp_business_account",
    callback_url: s.receiver.url,
    verify_token: s.credentials.verify_token,
    fields: "messages,message_template_status_update,message_template_quality_update",
  });
  const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
    name: "order_ready",
    language: "en_US",
    category: "UTILITY",
    components: [{ type: "BODY", text: "Your order is ready for pickup at the shop today." }],
  });
  id = t.body.id;
  await s.call("POST", `/openwaba/templates/${id}/review`, { event: "APPROVED" });
  for (const wa of users) await s.call("POST", "/simulator/users", { wa_id: wa });
  for (const wa of users.slice(0, 20)) expect((await send(wa)).status).toBe(200);
  await waitFor(() => s.receiver.statuses().filter((x) => x.status === "delivered").length >= 20, 5000, "deliveries");
});
afterAll(() => s.stop());

describe("template quality", () => {
  it("a spam report from a recipient turns it RED and pauses it for 3 hours", async () => {
    expect((await status()).quality_score.score).toBe("UNKNOWN"); // before any signal the rating is not computed
    await report(users[0]); // 3 of 20 sends = 15 %
    expect(await status()).toMatchObject({ status: "PAUSED", quality_score: { score: "RED" } });
    await waitFor(() => statusEvents().includes("PAUSED:FIRST_PAUSE"), 5000, "pause webhook");
    const q = await waitFor(
      () => s.receiver.values().find((v: any) => v.message_template_id === Number(id) && v.new_quality_score),
      5000,
      "quality webhook",
    );
    expect(q).toMatchObject({
      previous_quality_score: "UNKNOWN",
      new_quality_score: "RED",
      message_template_name: "order_ready",
      message_template_language: "en-US",
    });
    expect((await send(users[20])).body.error.code).toBe(132015);
  });

  it("is approved again after 3 hours, not a minute before", async () => {
    await travel(3 * HOUR - 60_000);
    await new Promise((r) => setTimeout(r, 200));
    expect((await status()).status).toBe("PAUSED");
    await travel(120_000);
    await waitFor(async () => (await status()).status === "APPROVED", 5000, "unpaused");
    await waitFor(() => statusEvents().includes("APPROVED:UNPAUSE"), 5000, "unpause webhook");
    expect((await send(users[20])).status).toBe(200);
  });

  it("a second RED pauses it for 6 hours, a third disables it (132016)", async () => {
    await report(users[1]);
    expect((await status()).status).toBe("PAUSED");
    await travel(6 * HOUR - 60_000);
    await new Promise((r) => setTimeout(r, 200));
    expect((await status()).status).toBe("PAUSED");
    await travel(120_000);
    await waitFor(async () => (await status()).status === "APPROVED", 5000, "unpaused again");
    await report(users[2]);
    expect((await status()).status).toBe("DISABLED");
    await waitFor(() => statusEvents().includes("DISABLED:DISABLED"), 5000, "disable webhook");
    expect(statusEvents()).toEqual([
      "PAUSED:FIRST_PAUSE",
      "APPROVED:UNPAUSE",
      "PAUSED:SECOND_PAUSE",
      "APPROVED:UNPAUSE",
      "DISABLED:DISABLED",
    ]);
    expect((await send(users[21])).body.error.code).toBe(132016);
  });
});
