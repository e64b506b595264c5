import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, signInAdmin, startTestServer, type SuiteSession, type TestServer } from "@openwaba/server/testing";

// The widget's settings refuse bad input with a 400 naming the field (nothing made, nothing
// stored); only admins and supervisors may touch them; the public script answers an unknown or
// malformed id with a 404 JavaScript comment that never echoes what was asked.
let s: TestServer;
let admin: SuiteSession;
const ok = { prefilled_message: "Hello!" };

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
});
afterAll(() => s.stop());

describe("widget settings, bad input", () => {
  const cases: [string, unknown, string | undefined][] = [
    ["no prefilled message", {}, "prefilled_message"],
    ["a blank prefilled message", { prefilled_message: "   " }, "prefilled_message"],
    ["a prefilled message over 140 characters", { prefilled_message: "x".repeat(141) }, "prefilled_message"],
    [
      "a message and opt-in text too long together",
      { prefilled_message: "x".repeat(130), opt_in_text: "Send me offers" },
      "opt_in_text",
    ],
    ["a colour that is not #rrggbb", { ...ok, brand_color: "red" }, "brand_color"],
    ["CSS smuggled in the colour", { ...ok, brand_color: "#25d366;background:url(//x)" }, "brand_color"],
    ["an unknown position", { ...ok, position: "top-left" }, "position"],
    ["an origin with a path", { ...ok, allowed_origins: ["https://shop.example/shop"] }, "allowed_origins.0"],
    ["an origin with a query", { ...ok, allowed_origins: ["https://shop.example?x=1"] }, "allowed_origins.0"],
    ["an origin that is not http(s)", { ...ok, allowed_origins: ["javascript:alert(1)"] }, "allowed_origins.0"],
    [
      "too many origins",
      { ...ok, allowed_origins: Array.from({ length: 21 }, (_, i) => `https://s${i}.example`) },
      "allowed_origins",
    ],
    ["a title over 60 characters", { ...ok, title: "t".repeat(61) }, "title"],
    ["a greeting that is not text", { ...ok, greeting: 42 }, "greeting"],
    ["enabled that is not a boolean", { ...ok, enabled: "yes" }, "enabled"],
    ["another tenant's or no number", { ...ok, phone_number_id: "999999" }, "phone_number_id"],
    ["an unknown key", { ...ok, colour: "#ffffff" }, undefined],
  ];
  it.each(cases)("refuses %s", async (_what, body, field) => {
    const r = await admin.call("PUT", "/suite/api/settings/widget", body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_request");
    if (field) expect(r.body.error.field).toBe(field);
  });

  it("refuses a body that is not JSON, and stored and made nothing for any of the above", async () => {
    const r = await admin.call("PUT", "/suite/api/settings/widget", "{not json", {
      "content-type": "application/json",
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_request");
    expect((await admin.call("GET", "/suite/api/settings/widget")).body.widget).toBeNull();
    expect((await admin.call("GET", "/suite/api/entry-points")).body.data).toEqual([]);
    for (const phone of s.credentials.phone_number_ids)
      expect((await s.call("GET", `/${phone}/message_qrdls`)).body.data).toEqual([]);
  });
});

describe("widget settings, access", () => {
  it("needs a session, and the role of admin or supervisor", async () => {
    const anon = await fetch(`${s.url}/suite/api/settings/widget`);
    expect(anon.status).toBe(401);
    const invited = await admin.call("POST", "/suite/api/users", {
      email: "agent@shop.test",
      name: "Agent",
      role: "agent",
    });
    await fetch(`${s.url}/suite/api/invitations/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: invited.body.invitation.token, password: "a long enough password" }),
    });
    const agent = await signIn(s, "agent@shop.test", "a long enough password");
    expect((await agent.call("GET", "/suite/api/settings/widget")).status).toBe(403);
    expect((await agent.call("PUT", "/suite/api/settings/widget", ok)).body.error.code).toBe("forbidden");
    const noCsrf = await admin.call("PUT", "/suite/api/settings/widget", ok, { "x-csrf-token": "" });
    expect(noCsrf.body.error.code).toBe("csrf");
  });
});

describe("the public script, unknown ids", () => {
  it.each([
    "AAAAAAAAAAAAAAAAAAAA.js",
    "short.js",
    "AAAAAAAAAAAAAAAAAAAA",
    "%3C%2Fscript%3E%2A%2F.js",
    "..%2F..%2Fetc%2Fpasswd",
  ])("answers /widget/%s with a 404 comment", async (file) => {
    const r = await fetch(`${s.url}/widget/${file}`);
    expect(r.status).toBe(404);
    expect(r.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await r.text()).toBe("/* No such OpenWABA chat widget. */\n");
  });
});
