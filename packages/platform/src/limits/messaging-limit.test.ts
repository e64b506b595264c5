import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWindow, startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// The portfolio's messaging limit (TIER_250): the 251st unique user messaged outside a window in
// 24 hours is refused (OpenWABA 139901 on the status webhook); users already counted, and users
// with an open window, are not limited; 24 hours later there is room again.
let s: TestServer;
const send = (to: string) =>
  s.call("POST", `/${s.phone}/messages`, {
    messaging_product: "whatsapp",
    to,
    type: "template",
    template: { name: "order_ready", language: { code: "en_US" } },
  });
const user = (i: number) => `4477000${String(10000 + i)}`;
const outcome = (id: string) =>
  waitFor(
    () => s.receiver.statuses().find((x) => x.id === id && (x.status === "failed" || x.status === "sent")),
    5000,
    "status",
  );

beforeAll(async () => {
  s = await startTestServer({ env: { OPENWABA_THROUGHPUT_MPS: "100000" } });
  const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
    name: "order_ready",
    language: "en_US",
    category: "UTILITY",
    components: [{ type: "BODY", text: "Your order is ready for pickup at the shop today." }],
  });
  await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
});
afterAll(() => s.stop());

describe("messaging limit", () => {
  it("shows the portfolio's tier on the number", async () => {
    expect(
      (await s.call("GET", `/${s.phone}?fields=whatsapp_business_manager_messaging_limit,messaging_limit_tier`)).body,
    ).toMatchObject({ whatsapp_business_manager_messaging_limit: "TIER_250", messaging_limit_tier: "TIER_250" });
  });

  it("admits 250 unique users (then shows the number RESTRICTED), refuses the 251st, still reaches those already counted and those in a window", async () => {
    // Users made on purpose are on WhatsApp: every message reaches a phone and counts.
    for (let i = 0; i <= 252; i++) await s.call("POST", "/simulator/users", { wa_id: user(i) });
    let next = 0;
    await Promise.all(
      Array.from({ length: 25 }, async () => {
        while (next < 250) {
          const i = next++;
          expect((await send(user(i))).status).toBe(200);
        }
      }),
    );
    expect((await s.call("GET", `/${s.phone}?fields=status`)).body.status).toBe("RESTRICTED");
    const over = await send(user(250));
    expect(over.status).toBe(200); // accepted, then failed
    const failed = await outcome(over.body.messages[0].id);
    expect(failed).toMatchObject({ status: "failed", errors: [{ code: 139901, title: "Messaging limit reached" }] });
    expect((await outcome((await send(user(7))).body.messages[0].id)).status).toBe("sent");
    await openWindow(s, user(251));
    expect((await outcome((await send(user(251))).body.messages[0].id)).status).toBe("sent");
  });

  it("has room again once the 24 hours have passed", async () => {
    await s.call("POST", "/simulator/clock/advance", { ms: 24 * 3600 * 1000 + 1000 });
    expect((await s.call("GET", `/${s.phone}?fields=status`)).body.status).toBe("CONNECTED");
    expect((await outcome((await send(user(252))).body.messages[0].id)).status).toBe("sent");
  });
});
