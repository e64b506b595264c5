import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTenant, startTestServer, type OtherTenant, type TestServer } from "@openwaba/server/testing";

let s: TestServer;
let other: OtherTenant;
let waba: string;
let numbers: string[];
beforeAll(async () => {
  s = await startTestServer({ subscribe: false });
  other = await addTenant(s);
  waba = s.credentials.waba_id;
  numbers = s.credentials.phone_number_ids;
});
afterAll(() => s.stop());

const LIST_DEFAULTS = [
  "verified_name",
  "code_verification_status",
  "display_phone_number",
  "quality_rating",
  "platform_type",
  "throughput",
  "last_onboarded_time",
  "id",
];
const NODE_DEFAULTS = [
  "verified_name",
  "code_verification_status",
  "display_phone_number",
  "quality_rating",
  "platform_type",
  "throughput",
  "id",
];
const digitsOf = async (id: string) =>
  (
    await s.store.db
      .selectFrom("phone_numbers")
      .select("display_phone_number")
      .where("id", "=", id)
      .executeTakeFirstOrThrow()
  ).display_phone_number;
/** +1 555-123-4567, as Meta shows a North American number. */
const shown = (digits: string) => `+1 ${digits.slice(1, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
const objectMissing = (r: { status: number; body: any }, id: string) => {
  expect(r.status).toBe(400);
  expect(r.body.error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" });
  expect(r.body.error.message).toContain(`Object with ID '${id}' does not exist`);
};
/** Follows a paging link as a client does: the URL as given, the token in the header. */
const follow = async (link: string) => {
  const r = await fetch(link, { headers: { authorization: `Bearer ${s.credentials.access_token}` } });
  return { status: r.status, body: (await r.json()) as any };
};

describe("GET /{waba-id}/phone_numbers", () => {
  it("lists both dev numbers with the default fields; cursors always, no next or previous when all fit", async () => {
    const r = await s.call("GET", `/${waba}/phone_numbers`);
    expect(r.status).toBe(200);
    expect(r.body.data.map((p: any) => p.id)).toEqual(numbers);
    for (const p of r.body.data) expect(Object.keys(p).sort()).toEqual([...LIST_DEFAULTS].sort());
    expect(r.body.data[0]).toMatchObject({
      verified_name: "OpenWABA Dev Shop",
      display_phone_number: shown(await digitsOf(numbers[0])),
      quality_rating: "GREEN",
      code_verification_status: "VERIFIED",
      platform_type: "CLOUD_API",
      throughput: { level: "STANDARD" },
      last_onboarded_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
    });
    expect(r.body.data[1].verified_name).toBe("OpenWABA Dev Support");
    expect(r.body.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
    expect(r.body.paging.cursors.before).not.toBe(r.body.paging.cursors.after);
    expect(r.body.paging).not.toHaveProperty("next");
    expect(r.body.paging).not.toHaveProperty("previous");
  });

  it("with limit=1: one number and a next link; following it (or the after cursor) gives the second, the last page has no next", async () => {
    const first = await s.call("GET", `/${waba}/phone_numbers?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.data.map((p: any) => p.id)).toEqual([numbers[0]]);
    expect(first.body.paging.next).toEqual(expect.any(String));
    expect(first.body.paging).not.toHaveProperty("previous");

    const viaNext = await follow(first.body.paging.next);
    expect(viaNext.status).toBe(200);
    expect(viaNext.body.data.map((p: any) => p.id)).toEqual([numbers[1]]);
    expect(viaNext.body.paging).not.toHaveProperty("next");
    expect(viaNext.body.paging.previous).toEqual(expect.any(String));

    const viaAfter = await s.call(
      "GET",
      `/${waba}/phone_numbers?limit=1&after=${encodeURIComponent(first.body.paging.cursors.after)}`,
    );
    expect(viaAfter.body.data.map((p: any) => p.id)).toEqual([numbers[1]]);
    expect(viaAfter.body.paging).not.toHaveProperty("next");

    const back = await follow(viaNext.body.paging.previous);
    expect(back.body.data.map((p: any) => p.id)).toEqual([numbers[0]]);
  });

  it("keeps fields= on the next link", async () => {
    const first = await s.call("GET", `/${waba}/phone_numbers?limit=1&fields=id,status`);
    const second = await follow(first.body.paging.next);
    expect(second.body.data).toEqual([{ id: numbers[1], status: "CONNECTED" }]);
  });

  it('sort=["last_onboarded_time_descending"] reverses the order', async () => {
    const r = await s.call(
      "GET",
      `/${waba}/phone_numbers?sort=${encodeURIComponent('["last_onboarded_time_descending"]')}`,
    );
    expect(r.body.data.map((p: any) => p.id)).toEqual([...numbers].reverse());
  });

  it("fields=id,status returns only those", async () => {
    const r = await s.call("GET", `/${waba}/phone_numbers?fields=id,status`);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual(numbers.map((id) => ({ id, status: "CONNECTED" })));
  });

  it("fields=status adds the id, as Graph always does", async () => {
    const r = await s.call("GET", `/${waba}/phone_numbers?fields=status`);
    expect(r.body.data).toEqual(numbers.map((id) => ({ status: "CONNECTED", id })));
  });

  it("an unknown field: 400, code 100 naming the field", async () => {
    const r = await s.call("GET", `/${waba}/phone_numbers?fields=id,favourite_colour`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe(100);
    expect(r.body.error.message).toContain("favourite_colour");
  });

  it("a cursor that is not one: 400, code 100", async () => {
    const r = await s.call("GET", `/${waba}/phone_numbers?after=not-a-cursor`);
    expect([r.status, r.body.error.code]).toEqual([400, 100]);
  });

  it("another WABA's id: 400, 100/33, none of its numbers shown", async () => {
    const r = await s.call("GET", `/${other.wabaId}/phone_numbers`);
    objectMissing(r, other.wabaId);
    expect(JSON.stringify(r.body)).not.toContain(other.phone);
    const theirs = await fetch(`${s.url}/${s.credentials.graph_version}/${waba}/phone_numbers`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    objectMissing({ status: theirs.status, body: await theirs.json() }, waba);
  });

  it("without a token: 401/104", async () => {
    const r = await fetch(`${s.url}/${s.credentials.graph_version}/${waba}/phone_numbers`);
    expect([r.status, ((await r.json()) as any).error.code]).toEqual([401, 104]);
  });
});

describe("GET /{phone-number-id}", () => {
  it("answers the default fields", async () => {
    const r = await s.call("GET", `/${numbers[1]}`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual([...NODE_DEFAULTS].sort());
    expect(r.body).toEqual({
      id: numbers[1],
      verified_name: "OpenWABA Dev Support",
      display_phone_number: shown(await digitsOf(numbers[1])),
      quality_rating: "GREEN",
      code_verification_status: "VERIFIED",
      platform_type: "CLOUD_API",
      throughput: { level: "STANDARD" },
    });
  });

  it("answers the fields asked for, and only those (plus id)", async () => {
    const fields =
      "display_phone_number,verified_name,quality_rating,status,whatsapp_business_manager_messaging_limit,throughput";
    const r = await s.call("GET", `/${numbers[0]}?fields=${fields}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      display_phone_number: shown(await digitsOf(numbers[0])),
      verified_name: "OpenWABA Dev Shop",
      quality_rating: "GREEN",
      status: "CONNECTED",
      whatsapp_business_manager_messaging_limit: expect.stringMatching(/^TIER_(250|2K|10K|100K|UNLIMITED)$/),
      throughput: { level: expect.stringMatching(/^(STANDARD|HIGH|NOT_APPLICABLE)$/) },
      id: numbers[0],
    });
  });

  it("shows a status change", async () => {
    await s.store.db
      .updateTable("phone_numbers")
      .set({ status: "DISCONNECTED" })
      .where("id", "=", numbers[1])
      .execute();
    s.platform.directory.forget();
    try {
      expect((await s.call("GET", `/${numbers[1]}?fields=status`)).body).toEqual({
        status: "DISCONNECTED",
        id: numbers[1],
      });
    } finally {
      await s.store.db.updateTable("phone_numbers").set({ status: "CONNECTED" }).where("id", "=", numbers[1]).execute();
      s.platform.directory.forget();
    }
  });

  it("an unknown field: 400, code 100 naming it and the node type", async () => {
    const r = await s.call("GET", `/${numbers[0]}?fields=verified_name,pin`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe(100);
    expect(r.body.error.message).toMatch(/\(pin\).*WhatsAppBusinessPhoneNumber/);
  });

  it("another WABA's number: 400, 100/33 — and the other tenant cannot read ours", async () => {
    objectMissing(await s.call("GET", `/${other.phone}`), other.phone);
    const r = await fetch(`${s.url}/${s.credentials.graph_version}/${numbers[0]}`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    objectMissing({ status: r.status, body: await r.json() }, numbers[0]);
  });
});
