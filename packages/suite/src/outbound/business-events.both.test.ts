import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openWindow,
  signInAdmin,
  startTestServer,
  startWebhookReceiver,
  waitFor,
  type SuiteSession,
  type TestServer,
  type WebhookReceiver,
} from "@openwaba/server/testing";
import { signBusinessEvent } from "./business-events";

// The business's own systems hear of new contacts, resolved conversations and CSAT, signed, and
// again after they were down.
let s: TestServer;
let admin: SuiteSession;
let shop: WebhookReceiver;
let secret: string;
const events = () =>
  shop.deliveries.map((d) => ({ ...d.json, signature: d.headers["x-openwaba-signature-256"], raw: d.raw.toString() }));

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  shop = await startWebhookReceiver({ verifyToken: "unused", appSecret: "unused" });
  const r = await admin.call("PUT", "/suite/api/settings/business-webhook", { url: shop.url });
  secret = r.body.business_webhook.secret;
});
afterAll(async () => {
  await shop.close();
  await s.stop();
});

describe("events for the business's systems", () => {
  it("announces a new contact, signed with the tenant's secret", async () => {
    await openWindow(s, "48600444555");
    const e = await waitFor(() => events().find((x) => x.event === "contact.created"), 5000, "contact.created");
    expect(e.data.contact).toMatchObject({ wa_id: "48600444555" });
    expect(e.signature).toBe(signBusinessEvent(e.raw, secret));
    expect((await admin.call("GET", "/suite/api/settings")).body.business_webhook.secret).toBe(secret);
  });

  it("announces a resolved conversation with its CSAT, and delivers what was missed while the receiver was down", async () => {
    shop.failWith(503);
    const c = (await admin.call("GET", "/suite/api/conversations")).body.data[0];
    await admin.call("POST", `/suite/api/conversations/${c.id}/messages`, { type: "text", text: { body: "Done!" } });
    await admin.call("POST", `/suite/api/conversations/${c.id}/state`, { state: "resolved", csat: 5 });
    await new Promise((r) => setTimeout(r, 300));
    shop.failWith(200);
    await s.call("POST", "/simulator/clock/advance", { ms: 60_000 }); // past the retry's backoff
    const resolved = await waitFor(
      () => events().find((x) => x.event === "conversation.resolved"),
      10_000,
      "conversation.resolved",
    );
    expect(resolved.data).toMatchObject({
      conversation_id: c.id,
      wa_id: "48600444555",
      csat: 5,
      first_response_at: expect.any(String),
    });
    const csat = await waitFor(() => events().find((x) => x.event === "csat.received"), 5000, "csat.received");
    expect(csat.data).toMatchObject({ score: 5 });
    const order = events()
      .filter((x) => x.event === "conversation.resolved" || x.event === "csat.received")
      .map((x) => x.event);
    expect(order.slice(0, 2)).toEqual(["conversation.resolved", "csat.received"]);
  });

  it("refuses a URL that is not http(s)", async () => {
    expect((await admin.call("PUT", "/suite/api/settings/business-webhook", { url: "ftp://x.test/" })).status).toBe(
      400,
    );
  });
});
