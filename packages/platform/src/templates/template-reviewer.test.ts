import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// The review engine decides after the configured delay (here 1 hour, travelled in tests).
let s: TestServer;
const HOUR = 3600_000;
beforeAll(async () => {
  s = await startTestServer({ env: { OPENWABA_TEMPLATE_REVIEW_MS: String(HOUR) } });
  await s.call("POST", `/${s.credentials.app_id}/subscriptions`, {
    object: "whatsapp_business_account",
    callback_url: s.receiver.url,
    verify_token: s.credentials.verify_token,
    fields: "messages,message_template_status_update,template_category_update",
  });
});
afterAll(() => s.stop());

const create = (name: string, text: string, category = "UTILITY", extra: unknown[] = []) =>
  s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
    name,
    language: "en_US",
    category,
    components: [
      { type: "BODY", text, ...(/\{\{1\}\}/.test(text) ? { example: { body_text: [["A1"]] } } : {}) },
      ...extra,
    ],
  });
const status = async (id: string) => (await s.call("GET", `/${id}?fields=status,category,rejected_reason,review`)).body;
const events = (id: string) => s.receiver.values().filter((v: any) => v.message_template_id === Number(id));

describe("automatic template review", () => {
  it("decides after the delay, not before, and explains each decision", async () => {
    const ok = await create("order_shipped", "Your order {{1}} has shipped today.");
    const promo = await create("order_promo", "Your order {{1}} has shipped. Enjoy 20% off your next one!");
    const short = await create("order_link", "Track your order {{1}} with the link below.", "UTILITY", [
      { type: "BUTTONS", buttons: [{ type: "URL", text: "Track", url: "https://bit.ly/x" }] },
    ]);
    await s.call("POST", "/simulator/clock/advance", { ms: HOUR - 1000 });
    await new Promise((r) => setTimeout(r, 200));
    expect((await status(ok.body.id)).status).toBe("PENDING");
    await s.call("POST", "/simulator/clock/advance", { ms: 2000 });
    await waitFor(async () => (await status(short.body.id)).status !== "PENDING", 5000, "reviews");

    expect(await status(ok.body.id)).toMatchObject({
      status: "APPROVED",
      category: "UTILITY",
      review: { rule: "none" },
    });
    expect(await status(promo.body.id)).toMatchObject({
      status: "APPROVED",
      category: "MARKETING",
      review: { rule: "promotional-wording", note: expect.stringMatching(/UTILITY to MARKETING/) },
    });
    expect(await status(short.body.id)).toMatchObject({
      status: "REJECTED",
      rejected_reason: "INVALID_FORMAT",
      review: { rule: "url-shortener" },
    });

    await waitFor(() => events(promo.body.id).length === 2 && events(short.body.id).length === 1, 5000, "webhooks");
    expect(events(promo.body.id)).toEqual([
      {
        message_template_id: Number(promo.body.id),
        message_template_name: "order_promo",
        message_template_language: "en-US",
        previous_category: "UTILITY",
        new_category: "MARKETING",
      },
      {
        event: "APPROVED",
        message_template_id: Number(promo.body.id),
        message_template_name: "order_promo",
        message_template_language: "en-US",
        reason: "NONE",
        message_template_category: "MARKETING",
      },
    ]);
    expect(events(short.body.id)[0]).toMatchObject({
      event: "REJECTED",
      reason: "INVALID_FORMAT",
      rejection_info: { reason: expect.stringMatching(/bit\.ly/), recommendation: expect.any(String) },
    });
  });

  it("an edit goes back to review, and an admin decision before the engine's wins", async () => {
    const t = await create("appointment_note", "Your appointment {{1}} is confirmed for tomorrow.");
    await s.call("POST", `/openwaba/templates/${t.body.id}/review`, {
      event: "REJECTED",
      reason: "TAG_CONTENT_MISMATCH",
    });
    await s.call("POST", "/simulator/clock/advance", { ms: 2 * HOUR });
    await new Promise((r) => setTimeout(r, 200));
    expect(await status(t.body.id)).toMatchObject({
      status: "REJECTED",
      rejected_reason: "TAG_CONTENT_MISMATCH",
      review: { rule: "override" },
    });
    const edit = await s.call("POST", `/${t.body.id}`, {
      components: [
        { type: "BODY", text: "Your appointment {{1}} is confirmed for Monday.", example: { body_text: [["A1"]] } },
      ],
    });
    expect(edit.body).toEqual({ success: true, id: t.body.id });
    await s.call("POST", "/simulator/clock/advance", { ms: HOUR + 1000 });
    await waitFor(async () => (await status(t.body.id)).status === "APPROVED", 5000, "re-review");
  });
});
