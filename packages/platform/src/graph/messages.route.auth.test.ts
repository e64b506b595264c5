import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTenant, startTestServer, text, type TestServer } from "@openwaba/server/testing";

let s: TestServer;
let otherToken: string;
let otherPhone: string;

beforeAll(async () => {
  s = await startTestServer({ subscribe: false });
  // A second business on the same server: its token must not reach the dev tenant's numbers.
  const other = await addTenant(s);
  otherToken = other.token;
  otherPhone = other.phone;
});
afterAll(() => s.stop());

const send = (path: string, headers: Record<string, string>) =>
  fetch(`${s.url}/v23.0${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(text("48600100200")),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

describe("POST /{phone-number-id}/messages — who may send", () => {
  it("without a token: 401, code 104", async () => {
    const r = await send(`/${s.phone}/messages`, {});
    expect(r.status).toBe(401);
    expect(r.body.error).toMatchObject({
      message: "An access token is required to request this resource.",
      type: "OAuthException",
      code: 104,
      fbtrace_id: expect.any(String),
    });
  });
  it("with an unknown token: 401, code 190", async () => {
    const r = await send(`/${s.phone}/messages`, { authorization: "Bearer nope" });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe(190);
  });
  it("with another WABA's token: the number does not exist for it (400, 100/33)", async () => {
    const r = await send(`/${s.phone}/messages`, { authorization: `Bearer ${otherToken}` });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" });
    expect(r.body.error.message).toContain(`Object with ID '${s.phone}' does not exist`);
  });
  it("to an unknown phone-number id: 400, 100/33", async () => {
    const r = await send(`/123456789012345/messages`, { authorization: `Bearer ${s.credentials.access_token}` });
    expect([r.status, r.body.error.code, r.body.error.error_subcode]).toEqual([400, 100, 33]);
  });
  it("accepts the token as ?access_token= too, and the other tenant on its own number", async () => {
    const mine = await send(`/${s.phone}/messages?access_token=${s.credentials.access_token}`, {});
    expect(mine.status).toBe(200);
    const theirs = await send(`/${otherPhone}/messages`, { authorization: `Bearer ${otherToken}` });
    expect(theirs.status).toBe(200);
  });
  it("refuses sends from a number that is not connected: 133010", async () => {
    await s.store.db
      .updateTable("phone_numbers")
      .set({ status: "DISCONNECTED" })
      .where("id", "=", otherPhone)
      .execute();
    s.platform.directory.forget();
    const r = await send(`/${otherPhone}/messages`, { authorization: `Bearer ${otherToken}` });
    expect([r.status, r.body.error.code]).toEqual([400, 133010]);
  });
  it("refuses a message to the business's own number: 131021", async () => {
    const own = (
      await s.store.db
        .selectFrom("phone_numbers")
        .select("display_phone_number")
        .where("id", "=", s.phone)
        .executeTakeFirstOrThrow()
    ).display_phone_number;
    const r = await s.call("POST", `/${s.phone}/messages`, text(own));
    expect([r.status, r.body.error.code]).toEqual([400, 131021]);
  });
  it("answers an unknown Graph version or path with Graph's error", async () => {
    const r = await fetch(`${s.url}/vX/${s.phone}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${s.credentials.access_token}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).error).toMatchObject({ code: 2500, message: "Unknown path components: /vX" });
    const bad = await s.call("GET", "/v23.0/123/nope/more");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Unknown path components/);
  });
});
