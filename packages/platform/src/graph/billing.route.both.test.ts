import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWindow, startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// Per-message pricing in the billing ledger: charged on delivery, once, by market and category.
let s: TestServer;
const approve = async (name: string, category: string, text: string) => {
  const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
    name,
    language: "en_US",
    category,
    components: [{ type: "BODY", text }],
  });
  await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
};
const send = (to: string, name: string) =>
  s.call("POST", `/${s.phone}/messages`, {
    messaging_product: "whatsapp",
    to,
    type: "template",
    template: { name, language: { code: "en_US" } },
  });
const delivered = (id: string) =>
  waitFor(() => s.receiver.statuses().find((x) => x.id === id && x.status === "delivered"), 5000, "delivered");

beforeAll(async () => {
  s = await startTestServer({ env: { OPENWABA_MARKETING_CONSENT: "off" } });
  await approve("spring_sale", "MARKETING", "Spring sale: everything 20% off this week only!");
  await approve("order_ready", "UTILITY", "Your order is ready for pickup at the shop today.");
});
afterAll(() => s.stop());

describe("billing ledger", () => {
  it("charges delivered marketing by the recipient's market, utility only outside the window, service never", async () => {
    await s.call("POST", "/simulator/users", { wa_id: "919812345678", read_probability: 1 });
    await s.call("POST", "/simulator/users", { wa_id: "4915112345678" });
    await openWindow(s, "48600400500");
    const ids = [
      (await send("919812345678", "spring_sale")).body.messages[0].id, // IN marketing 0.0107
      (await send("4915112345678", "order_ready")).body.messages[0].id, // DE utility outside the window 0.055
      (await send("48600400500", "order_ready")).body.messages[0].id, // PL utility inside the window: free
      (
        await s.call("POST", `/${s.phone}/messages`, {
          messaging_product: "whatsapp",
          to: "48600400500",
          text: { body: "hi" },
        })
      ).body.messages[0].id, // service: free
    ];
    for (const id of ids) await delivered(id);
    await waitFor(() => s.receiver.statuses().some((x) => x.id === ids[0] && x.status === "read"), 5000, "read"); // a read charges nothing more
    const r = await s.call("GET", "/openwaba/billing");
    expect(r.body).toMatchObject({
      currency: "USD",
      charges: 2,
      total: "0.065700",
      by_category: { marketing: "0.010700", utility: "0.055000" },
      by_country: { IN: "0.010700", DE: "0.055000" },
    });
    const none = await s.call("GET", `/openwaba/billing?until=${new Date(Date.now() - 3600_000).toISOString()}`);
    expect(none.body).toMatchObject({ charges: 0, total: "0.000000" });
    expect((await s.call("GET", "/openwaba/billing?since=yesterday")).status).toBe(400);
  });
});
