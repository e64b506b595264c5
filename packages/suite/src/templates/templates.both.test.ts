import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PNG_1x1,
  signIn,
  signInAdmin,
  startTestServer,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// Templates as the console manages them through the Cloud API: a media header's sample uploaded
// for a handle, a template with it created, edited under Meta's rules and deleted; what the Cloud
// API refuses comes back with Meta's title and message for the form to show.
let s: TestServer;
let admin: SuiteSession, agent: SuiteSession;

beforeAll(async () => {
  s = await startTestServer({ subscribe: false });
  admin = await signInAdmin(s);
  const invited = await admin.call("POST", "/suite/api/users", {
    email: "olek@shop.test",
    name: "Olek",
    role: "agent",
  });
  await fetch(`${s.url}/suite/api/invitations/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: invited.body.invitation.token, password: "a long enough password" }),
  });
  agent = await signIn(s, "olek@shop.test", "a long enough password");
});
afterAll(() => s.stop());

/** Uploads a header sample as the console does (multipart, field "file"). */
async function sample(who: SuiteSession, bytes: Buffer, type: string, name: string) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${s.url}/suite/api/templates/header-samples`, {
    method: "POST",
    headers: { cookie: who.cookie, "x-csrf-token": who.csrf },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

const components = (handle: string, body = "Hi {{1}}, the shoes you liked are back in stock.") => [
  { type: "HEADER", format: "IMAGE", example: { header_handle: [handle] } },
  { type: "BODY", text: body, example: { body_text: [["Ola"]] } },
  { type: "FOOTER", text: "Reply STOP to opt out" },
  {
    type: "BUTTONS",
    buttons: [
      { type: "QUICK_REPLY", text: "Show me" },
      { type: "URL", text: "Open the shop", url: "https://shop.test/p/{{1}}", example: ["shoes-42"] },
    ],
  },
];

describe("templates through the suite", () => {
  let id = "";
  let handle = "";

  it("uploads a header sample and creates a template with it", async () => {
    const up = await sample(admin, PNG_1x1, "image/png", "shoes.png");
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({
      handle: expect.stringMatching(/^4::/),
      mime_type: "image/png",
      filename: "shoes.png",
      file_size: PNG_1x1.length,
    });
    handle = up.body.handle;
    const r = await admin.call("POST", "/suite/api/templates", {
      name: "back_in_stock",
      language: "pl",
      category: "MARKETING",
      components: components(handle),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ status: "PENDING", category: "MARKETING" });
    id = r.body.id;
    const listed = (await agent.call("GET", "/suite/api/templates")).body.data.find((t: any) => t.id === id);
    expect(listed.components[0]).toEqual({ type: "HEADER", format: "IMAGE", example: { header_handle: [handle] } });
  });

  it("answers what the Cloud API refuses with Meta's title and message", async () => {
    const r = await admin.call("POST", "/suite/api/templates", {
      name: "no_examples",
      language: "pl",
      category: "UTILITY",
      components: [{ type: "BODY", text: "Hi {{1}}, your order is ready." }],
    });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({
      code: "platform_refused",
      message: "BODY: add an example value for each of the 1 variable(s).",
      graph: { error_subcode: 2388042, error_user_title: "Examples required" },
    });
    const pending = await admin.call("POST", `/suite/api/templates/${id}`, { components: components(handle) });
    expect(pending.status).toBe(422);
    expect(pending.body.error.graph).toMatchObject({
      error_subcode: 2388025,
      error_user_title: "Template can't be edited",
    });
  });

  it("edits an approved template (it goes back to review) but not its category", async () => {
    await s.call("POST", `/openwaba/templates/${id}/review`, { event: "APPROVED" });
    const category = await admin.call("POST", `/suite/api/templates/${id}`, { category: "UTILITY" });
    expect(category.body.error.graph.error_user_title).toBe("Category can't be changed");
    const r = await admin.call("POST", `/suite/api/templates/${id}`, {
      components: components(handle, "Hi {{1}}, the shoes you liked are back, in every size."),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ id, status: "PENDING", name: "back_in_stock", language: "pl" });
    expect(r.body.components[1].text).toBe("Hi {{1}}, the shoes you liked are back, in every size.");
  });

  it("deletes one language of a template; then it is gone", async () => {
    const other = await admin.call("POST", "/suite/api/templates", {
      name: "back_in_stock",
      language: "en_US",
      category: "MARKETING",
      components: components(handle),
    });
    expect(other.status).toBe(201);
    const r = await admin.call("DELETE", `/suite/api/templates/${id}`);
    expect(r.body).toEqual({ deleted: true, id, name: "back_in_stock", language: "pl" });
    const left = (await admin.call("GET", "/suite/api/templates")).body.data.filter(
      (t: any) => t.name === "back_in_stock",
    );
    expect(left.map((t: any) => t.language)).toEqual(["en_US"]);
    expect((await admin.call("DELETE", `/suite/api/templates/${id}`)).status).toBe(404);
    expect((await admin.call("POST", `/suite/api/templates/${id}`, { components: components(handle) })).status).toBe(
      404,
    );
  });

  it("lets only admins and supervisors change templates, and refuses bad requests plainly", async () => {
    expect(
      (
        await agent.call("POST", "/suite/api/templates", {
          name: "x",
          language: "pl",
          category: "UTILITY",
          components: [],
        })
      ).status,
    ).toBe(403);
    expect((await sample(agent, PNG_1x1, "image/png", "a.png")).status).toBe(403);
    expect((await agent.call("DELETE", "/suite/api/templates/123")).status).toBe(403);
    expect((await admin.call("DELETE", "/suite/api/templates/not-an-id")).body.error.code).toBe("not_found");
    expect((await admin.call("POST", "/suite/api/templates/999999999", { components: [] })).status).toBe(404);
    const json = await admin.call("POST", "/suite/api/templates/header-samples", { file: "x" });
    expect(json.status).toBe(400);
    expect(json.body.error).toMatchObject({ code: "invalid_request", field: "file" });
    const gif = await sample(admin, Buffer.from("GIF89a0000000000"), "image/gif", "a.gif");
    expect(gif.status).toBe(422);
    expect(gif.body.error.message).toMatch(/file_type must be one of/);
  });
});
