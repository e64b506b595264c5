import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTenant, startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const DAY = 24 * 3600 * 1000;
const templatesPath = () => `/${s.credentials.waba_id}/message_templates`;
const orderUpdate = (name: string, language = "en_US", extra: Record<string, unknown> = {}) => ({
  name,
  language,
  category: "UTILITY",
  components: [
    { type: "HEADER", format: "TEXT", text: "Order {{1}}", example: { header_text: ["#860198"] } },
    {
      type: "BODY",
      text: "Hi {{1}}, your order {{2}} ships today from our shop.",
      example: { body_text: [["Pablo", "860198"]] },
    },
    { type: "FOOTER", text: "Lucky Shrub" },
    { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Stop" }] },
  ],
  ...extra,
});
const create = (body: unknown) => s.call("POST", templatesPath(), body);
const review = (id: string, event: "APPROVED" | "REJECTED", extra: Record<string, unknown> = {}) =>
  s.call("POST", `/openwaba/templates/${id}/review`, { event, ...extra });
const travel = (ms: number) => s.call("POST", "/simulator/clock/advance", { ms });

describe("POST /{waba-id}/message_templates", () => {
  it("creates a template as PENDING and shows it by id and in the list", async () => {
    const r = await create(orderUpdate("order_update"));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: expect.stringMatching(/^\d+$/), status: "PENDING", category: "UTILITY" });
    const one = await s.call("GET", `/${r.body.id}`);
    expect(one.body).toMatchObject({
      id: r.body.id,
      name: "order_update",
      language: "en_US",
      status: "PENDING",
      category: "UTILITY",
      parameter_format: "POSITIONAL",
    });
    expect(one.body.components).toHaveLength(4);
    const fields = await s.call("GET", `/${r.body.id}?fields=status,quality_score`);
    expect(fields.body).toEqual({
      status: "PENDING",
      quality_score: { score: "UNKNOWN", date: expect.any(Number) },
      id: r.body.id,
    });
  });

  it("refuses structural problems with Meta's subcode and user-facing title", async () => {
    const r = await create({
      name: "bad_start",
      language: "en_US",
      category: "UTILITY",
      components: [{ type: "BODY", text: "{{1}} is your code for today", example: { body_text: [["1234"]] } }],
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      message: "Invalid parameter",
      type: "OAuthException",
      code: 100,
      error_subcode: 2388299,
      is_transient: false,
      error_user_title: "Leading or trailing params not allowed",
      error_user_msg: "Variables can't be at the start or end of the template.",
    });
    const shape = await create({
      name: "Bad Name",
      language: "en_US",
      category: "UTILITY",
      components: [{ type: "BODY", text: "hello" }],
    });
    expect([shape.status, shape.body.error.code]).toEqual([400, 100]);
    expect(shape.body.error.error_data.details).toMatch(/name/);
    const category = await create({ ...orderUpdate("x"), category: "PROMO" });
    expect(category.body.error.error_data.details).toMatch(/category/);
  });

  it("refuses the same name and language twice (2388024) but takes another language", async () => {
    const again = await create(orderUpdate("order_update"));
    expect([again.status, again.body.error.error_subcode]).toEqual([400, 2388024]);
    expect((await create(orderUpdate("order_update", "pl"))).status).toBe(200);
  });

  it("lists with filters and cursor paging", async () => {
    await create(orderUpdate("welcome_back"));
    const byName = await s.call("GET", `${templatesPath()}?name=order_update`);
    expect(byName.body.data.map((t: any) => t.language).sort()).toEqual(["en_US", "pl"]);
    const byLanguage = await s.call("GET", `${templatesPath()}?language=pl`);
    expect(byLanguage.body.data.map((t: any) => t.name)).toEqual(["order_update"]);
    expect((await s.call("GET", `${templatesPath()}?status=APPROVED`)).body.data).toEqual([]);
    const first = await s.call("GET", `${templatesPath()}?limit=2&fields=name,language`);
    expect(first.body.data).toHaveLength(2);
    expect(Object.keys(first.body.data[0]).sort()).toEqual(["id", "language", "name"]);
    const second = await s.call("GET", `${templatesPath()}?limit=2&after=${first.body.paging.cursors.after}`);
    expect(second.body.data).toHaveLength(1);
    expect(second.body.paging.next).toBeUndefined();
  });

  it("keeps another WABA's templates out of reach", async () => {
    const other = await addTenant(s, 7);
    const mine = (await s.call("GET", `${templatesPath()}?name=order_update`)).body.data[0].id;
    const r = await fetch(`${s.url}/v23.0/${mine}`, { headers: { authorization: `Bearer ${other.token}` } });
    expect([r.status, ((await r.json()) as any).error.error_subcode]).toEqual([400, 33]);
    const list = await fetch(`${s.url}/v23.0${templatesPath()}`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(list.status).toBe(400);
  });

  it("blocks more than 250 templates per WABA (2388019), on both sides of the cap", async () => {
    const live = (await s.call("GET", `${templatesPath()}?limit=1000`)).body.data.length;
    for (let i = live; i < 250; i++) expect((await create(orderUpdate(`bulk_${i}`))).status).toBe(200);
    const over = await create(orderUpdate("one_too_many"));
    expect([over.status, over.body.error.error_subcode]).toEqual([400, 2388019]);
    expect((await s.call("DELETE", `${templatesPath()}?name=bulk_249`)).body).toEqual({ success: true });
    expect((await create(orderUpdate("one_too_many"))).status).toBe(200);
    for (let i = live; i < 249; i++) await s.call("DELETE", `${templatesPath()}?name=bulk_${i}`);
  });
});

describe("review decisions, edits and deletion", () => {
  beforeAll(async () => {
    // The harness subscribed to `messages` only; template events need their own field.
    const r = await s.call("POST", `/${s.credentials.app_id}/subscriptions`, {
      object: "whatsapp_business_account",
      callback_url: s.receiver.url,
      verify_token: s.credentials.verify_token,
      fields: "messages,message_template_status_update",
    });
    expect(r.status).toBe(200);
  });

  it("an approval arrives as Meta's message_template_status_update webhook", async () => {
    const {
      body: { id },
    } = await create(orderUpdate("shipping_notice"));
    const r = await review(id, "APPROVED");
    expect(r.body).toMatchObject({ id, status: "APPROVED" });
    const change = await waitFor(
      () =>
        s.receiver.deliveries
          .map((d) => d.json.entry[0])
          .find(
            (e: any) =>
              e.changes[0].field === "message_template_status_update" &&
              e.changes[0].value.message_template_id === Number(id),
          ),
      5000,
      "status webhook",
    );
    expect(change.time).toEqual(expect.any(Number));
    expect(change.changes[0].value).toEqual({
      event: "APPROVED",
      message_template_id: Number(id),
      message_template_name: "shipping_notice",
      message_template_language: "en-US",
      reason: "NONE",
      message_template_category: "UTILITY",
    });
    const rejected = await create(orderUpdate("shipping_notice", "it"));
    await review(rejected.body.id, "REJECTED", {
      reason: "INVALID_FORMAT",
      explanation: { reason: "Adjacent parameters.", recommendation: "Separate them with text." },
    });
    const rej = await waitFor(
      () => s.receiver.values().find((v: any) => v.message_template_id === Number(rejected.body.id)),
      5000,
      "rejection webhook",
    );
    expect(rej).toMatchObject({
      event: "REJECTED",
      reason: "INVALID_FORMAT",
      rejection_info: { reason: "Adjacent parameters.", recommendation: "Separate them with text." },
    });
    expect((await review(id, "REJECTED")).status).toBe(400); // only pending templates are reviewed
  });

  it("edits only approved, rejected or paused templates; an approved one once a day, category locked", async () => {
    const {
      body: { id },
    } = await create(orderUpdate("edit_me"));
    const components = orderUpdate("edit_me").components.slice(1, 2);
    const pending = await s.call("POST", `/${id}`, { components });
    expect(pending.body.error.error_user_title).toBe("Template can't be edited");
    await review(id, "APPROVED");
    expect((await s.call("POST", `/${id}`, { category: "MARKETING" })).body.error.error_user_title).toBe(
      "Category can't be changed",
    );
    expect((await s.call("POST", `/${id}`, { components })).body).toEqual({ success: true, id });
    expect((await s.call("GET", `/${id}`)).body).toMatchObject({ status: "PENDING", components });
    await review(id, "APPROVED");
    await travel(DAY - 60_000);
    expect((await s.call("POST", `/${id}`, { components })).body.error.error_user_msg).toMatch(/once in 24 hours/);
    await travel(120_000);
    expect((await s.call("POST", `/${id}`, { components })).body).toEqual({ success: true, id });
  });

  it("deletes by name (every language) or by name and id; a missing one is a 404", async () => {
    const en = await create(orderUpdate("bye_bye"));
    const pl = await create(orderUpdate("bye_bye", "pl"));
    expect((await s.call("DELETE", `${templatesPath()}?name=bye_bye&hsm_id=${pl.body.id}`)).body).toEqual({
      success: true,
    });
    expect((await s.call("GET", `${templatesPath()}?name=bye_bye`)).body.data.map((t: any) => t.id)).toEqual([
      en.body.id,
    ]);
    expect((await s.call("DELETE", `${templatesPath()}?name=bye_bye`)).body).toEqual({ success: true });
    const missing = await s.call("DELETE", `${templatesPath()}?name=bye_bye`);
    expect(missing.status).toBe(404);
    expect((await s.call("GET", `/${en.body.id}`)).body.error.error_subcode).toBe(33);
    const gone = await waitFor(
      () => s.receiver.values().find((v: any) => v.message_template_id === Number(en.body.id) && v.event === "DELETED"),
      5000,
      "deleted webhook",
    );
    expect(gone.reason).toBeNull();
  });

  it("keeps an approved template's name blocked for 30 days after deletion", async () => {
    const {
      body: { id },
    } = await create(orderUpdate("seasonal_offer"));
    await review(id, "APPROVED");
    await s.call("DELETE", `${templatesPath()}?name=seasonal_offer`);
    await travel(30 * DAY - 60_000);
    expect((await create(orderUpdate("seasonal_offer"))).body.error.error_subcode).toBe(2388023);
    await travel(120_000);
    expect((await create(orderUpdate("seasonal_offer"))).status).toBe(200);
  });
});
