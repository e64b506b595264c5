import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWindow, startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// Graph-compatible analytics on GET /{waba-id}?fields=…, from the message history and the ledger.
let s: TestServer;
let templateId: string;
let display: string;
const t0 = Math.floor(Date.now() / 1000) - 3600;
const t1 = Math.floor(Date.now() / 1000) + 3600;

beforeAll(async () => {
  s = await startTestServer({ env: { OPENWABA_MARKETING_CONSENT: "off" } });
  const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
    name: "spring_sale",
    language: "en_US",
    category: "MARKETING",
    components: [{ type: "BODY", text: "Spring sale: everything 20% off this week only!" }],
  });
  templateId = t.body.id;
  await s.call("POST", `/openwaba/templates/${templateId}/review`, { event: "APPROVED" });
  await openWindow(s, "48600500001");
  await s.call("POST", "/simulator/users", { wa_id: "919812345001" });
  const ids = [
    (
      await s.call("POST", `/${s.phone}/messages`, {
        messaging_product: "whatsapp",
        to: "48600500001",
        text: { body: "hello" },
      })
    ).body.messages[0].id,
    (
      await s.call("POST", `/${s.phone}/messages`, {
        messaging_product: "whatsapp",
        to: "919812345001",
        type: "template",
        template: { name: "spring_sale", language: { code: "en_US" } },
      })
    ).body.messages[0].id,
    (
      await s.call("POST", `/${s.phone}/messages`, {
        messaging_product: "whatsapp",
        to: "48600500001",
        type: "template",
        template: { name: "spring_sale", language: { code: "en_US" } },
      })
    ).body.messages[0].id,
  ];
  for (const id of ids)
    await waitFor(() => s.receiver.statuses().some((x) => x.id === id && x.status === "delivered"), 5000, "delivered");
  display = (
    await s.store.db
      .selectFrom("phone_numbers")
      .select("display_phone_number")
      .where("id", "=", s.phone)
      .executeTakeFirstOrThrow()
  ).display_phone_number;
});
afterAll(() => s.stop());

const get = (fields: string) => s.call("GET", `/${s.credentials.waba_id}?fields=${encodeURIComponent(fields)}`);

describe("WABA analytics", () => {
  it("analytics: sent and delivered per bucket, filtered by product type and country", async () => {
    const all = await get(`analytics.start(${t0}).end(${t1}).granularity(DAY)`);
    expect(all.status).toBe(200);
    const total = all.body.analytics.data_points.reduce((n: number, p: any) => n + p.sent, 0);
    expect(total).toBe(3);
    expect(all.body.analytics).toMatchObject({ granularity: "DAY", phone_numbers: [display] });
    const templates = await get(
      `analytics.start(${t0}).end(${t1}).granularity(DAY).product_types([0]).country_codes(["PL"])`,
    );
    expect(templates.body.analytics.data_points.reduce((n: number, p: any) => n + p.delivered, 0)).toBe(1);
    expect(templates.body.id).toBe(s.credentials.waba_id);
  });

  it("pricing_analytics: volume and cost by country and category", async () => {
    const r = await get(
      `pricing_analytics.start(${t0}).end(${t1}).granularity(DAILY).dimensions(["COUNTRY","PRICING_CATEGORY"])`,
    );
    const points = r.body.pricing_analytics.data[0].data_points;
    const find = (country: string, cat: string) =>
      points.find((p: any) => p.country === country && p.pricing_category === cat);
    expect(find("IN", "MARKETING")).toMatchObject({ volume: 1, cost: 0.0107 });
    expect(find("PL", "MARKETING")).toMatchObject({ volume: 1, cost: 0.086 });
    expect(find("PL", "SERVICE")).toMatchObject({ volume: 1, cost: 0 });
  });

  it("template_analytics: sent, delivered and cost per template", async () => {
    const r = await get(`template_analytics.start(${t0}).end(${t1}).granularity(DAILY).template_ids([${templateId}])`);
    const points = r.body.template_analytics.data[0].data_points.filter((p: any) => p.sent > 0);
    expect(points).toEqual([
      expect.objectContaining({
        template_id: templateId,
        sent: 2,
        delivered: 2,
        cost: [{ type: "amount_spent", value: 0.0967 }],
      }),
    ]);
  });

  it("conversation_analytics counts conversations by category", async () => {
    const r = await get(
      `conversation_analytics.start(${t0}).end(${t1}).granularity(DAILY).dimensions(["CONVERSATION_CATEGORY"])`,
    );
    const points = r.body.conversation_analytics.data[0].data_points;
    expect(points.find((p: any) => p.conversation_category === "MARKETING").conversation).toBe(2);
  });

  it("refuses bad expressions and unknown fields with Graph's error", async () => {
    expect((await get("analytics.start(1")).body.error.code).toBe(100);
    expect((await get(`analytics.start(${t1}).end(${t0})`)).body.error.error_data.details).toMatch(
      /end must be after start/,
    );
    expect((await get("nope")).body.error.message).toMatch(/nonexisting field \(nope\)/);
    expect((await get(`template_analytics.start(${t0}).end(${t1})`)).body.error.error_data.details).toMatch(
      /template_ids/,
    );
    expect((await get("name,currency")).body).toEqual({
      name: expect.any(String),
      currency: "USD",
      id: s.credentials.waba_id,
    });
  });
});
