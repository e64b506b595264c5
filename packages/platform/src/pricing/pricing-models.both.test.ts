import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// Both pricing models end to end: conversations (CBP) opened, joined and charged once; free entry
// points (an ad click) answered within 24 h make 72 h of messages free under per-message pricing.
let s: TestServer;
const HOUR = 3600_000;
const approve = async (name: string, category: string, text: string) => {
  const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
    name,
    language: "en_US",
    category,
    components: [{ type: "BODY", text }],
  });
  await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
};
const template = async (to: string, name: string) =>
  (
    await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      to,
      type: "template",
      template: { name, language: { code: "en_US" } },
    })
  ).body.messages[0].id as string;
const text = async (to: string) =>
  (
    await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      to,
      type: "text",
      text: { body: "Thanks for writing!" },
    })
  ).body.messages[0].id as string;
const status = (id: string, st: string) =>
  waitFor(() => s.receiver.statuses().find((x) => x.id === id && x.status === st), 5000, `${st} of ${id}`);
const advance = (ms: number) => s.call("POST", "/simulator/clock/advance", { ms });
const write = (waId: string, extra: Record<string, unknown> = {}) =>
  s.call("POST", `/simulator/users/${waId}/messages`, {
    to: s.phone,
    type: "text",
    text: { body: "Hi, I saw your ad" },
    ...extra,
  });

beforeAll(async () => {
  s = await startTestServer({ env: { OPENWABA_MARKETING_CONSENT: "off" } });
  await approve("spring_sale", "MARKETING", "Spring sale: everything 20% off this week only!");
  await approve("order_ready", "UTILITY", "Your order is ready for pickup at the shop today.");
  for (const u of ["919800000001", "919800000002"]) await s.call("POST", "/simulator/users", { wa_id: u });
});
afterAll(() => s.stop());

describe("choosing the pricing model", () => {
  it("uses per-message pricing today and lets the WABA pin either model; refuses an unknown one", async () => {
    expect((await s.call("GET", "/openwaba/pricing-model")).body).toMatchObject({
      pricing_model: null,
      deployment_default: "auto",
      in_force: "PMP",
    });
    const bad = await s.call("POST", "/openwaba/pricing-model", { pricing_model: "FREE" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 100 });
    expect((await s.call("POST", "/openwaba/pricing-model", { pricing_model: "CBP" })).body).toMatchObject({
      pricing_model: "CBP",
      in_force: "CBP",
    });
  });
});

describe("conversation-based pricing", () => {
  it("opens one conversation per category for 24 h, lets later messages join it, and charges it once", async () => {
    const u = "919800000001";
    const first = await template(u, "spring_sale");
    const sent = await status(first, "sent");
    expect(sent.pricing).toEqual({ billable: true, pricing_model: "CBP", category: "marketing" });
    expect(sent.conversation.origin).toEqual({ type: "marketing" });
    const expires = Number(sent.conversation.expiration_timestamp);
    expect(expires - Number(sent.timestamp)).toBeGreaterThanOrEqual(24 * 3600 - 1);
    const second = await template(u, "spring_sale");
    expect((await status(second, "sent")).conversation.id).toBe(sent.conversation.id);
    const utility = await template(u, "order_ready");
    const u1 = await status(utility, "sent");
    expect(u1.conversation.id).not.toBe(sent.conversation.id);
    expect(u1.pricing.category).toBe("utility");
    // A free-form answer rides on an open conversation.
    await write(u);
    const reply = await text(u);
    expect((await status(reply, "sent")).pricing.pricing_model).toBe("CBP");
    for (const id of [first, second, utility, reply]) await status(id, "delivered");
    const bill = (await s.call("GET", "/openwaba/billing")).body;
    // IN conversation rates: marketing 0.0099 + utility 0.0042, each conversation once.
    expect(bill).toMatchObject({
      charges: 2,
      total: "0.014100",
      by_category: { marketing: "0.009900", utility: "0.004200" },
      by_pricing_model: { CBP: "0.014100" },
    });
  });

  it("opens a new conversation after the 24th hour", async () => {
    const u = "919800000001";
    const before = await status(await template(u, "spring_sale"), "sent");
    await advance(24 * HOUR);
    const after = await status(await template(u, "spring_sale"), "sent");
    expect(after.conversation.id).not.toBe(before.conversation.id);
    await waitFor(
      async () => (await s.call("GET", "/openwaba/billing")).body.charges === 3 || undefined,
      5000,
      "third charge",
    );
  });
});

describe("free entry points", () => {
  it("carries the ad's referral on the inbound message and refuses a malformed one", async () => {
    const bad = await write("919800000002", { referral: { source_type: "billboard" } });
    expect(bad.status).toBe(400);
    await s.call("POST", "/openwaba/pricing-model", { pricing_model: null });
    expect((await write("919800000002", { referral: { source_type: "ad", headline: "Spring sale" } })).status).toBe(
      201,
    );
    const inbound = await waitFor(
      () => s.receiver.messages().find((m: any) => m.from === "919800000002" && m.referral),
      5000,
      "inbound with referral",
    );
    expect(inbound.referral).toMatchObject({
      source_type: "ad",
      headline: "Spring sale",
      source_id: expect.any(String),
      ctwa_clid: expect.any(String),
    });
  });

  it("makes every message free for 72 h from the business's answer, then charges again", async () => {
    const u = "919800000002";
    const answer = await status(await text(u), "sent");
    expect(answer.pricing).toEqual({
      billable: false,
      pricing_model: "PMP",
      type: "free_entry_point",
      category: "referral_conversion",
    });
    expect(Number(answer.conversation.expiration_timestamp) - Number(answer.timestamp)).toBeGreaterThanOrEqual(
      72 * 3600 - 1,
    );
    await advance(72 * HOUR - 2000);
    const inside = await template(u, "spring_sale");
    expect((await status(inside, "sent")).pricing).toMatchObject({ billable: false, type: "free_entry_point" });
    await advance(3000);
    const outside = await template(u, "spring_sale");
    expect((await status(outside, "sent")).pricing).toEqual({
      billable: true,
      pricing_model: "PMP",
      type: "regular",
      category: "marketing",
    });
    await status(outside, "delivered");
    await status(inside, "delivered");
    const bill = (await s.call("GET", "/openwaba/billing")).body;
    expect(bill.by_pricing_model.PMP).toBe("0.010700"); // only the message after the window (IN marketing)
  });
});
