import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  signIn,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
  signInOtherTenantAdmin,
} from "@openwaba/server/testing";

// The business writes first: POST /suite/api/conversations sends an approved template to a number
// from one of the tenant's numbers; the conversation is the sender's and opens in the inbox. A
// refused template leaves nothing behind; another tenant's numbers look like none.
let s: TestServer;
let admin: SuiteSession, agent: SuiteSession;
const ola = "48600111222",
  nowhere = "48600111333";
const order = (
  to: string,
  parameters = ["{{contact.name}}", "{{attr.order}}"],
  extra: Record<string, unknown> = {},
) => ({ to, phone_number_id: s.phone, template: { name: "order_update", language: "en_US", parameters }, ...extra });
const conversationsOf = async (who: SuiteSession, waId: string) =>
  (await who.call("GET", "/suite/api/conversations?state=all")).body.data.filter((c: any) => c.wa_id === waId);

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
    name: "order_update",
    language: "en_US",
    category: "UTILITY",
    components: [
      {
        type: "BODY",
        text: "Hello {{1}}, your order {{2}} has an update for you today.",
        example: { body_text: [["Ola", "860198"]] },
      },
    ],
  });
  await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
  await s.call("POST", "/simulator/users", { wa_id: ola, name: "Ola on WhatsApp" });
  await admin.call("POST", "/suite/api/contacts", { phone: `+${ola}`, name: "Ola", attributes: { order: "860198" } });
  const invited = await admin.call("POST", "/suite/api/users", { email: "ana@shop.test", name: "Ana", role: "agent" });
  await fetch(`${s.url}/suite/api/invitations/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: invited.body.invitation.token, password: "a long enough password" }),
  });
  agent = await signIn(s, "ana@shop.test", "a long enough password");
});
afterAll(() => s.stop());

describe("starting a conversation", () => {
  it("sends the template filled from the contact; the conversation is the sender's, open, and on the phone", async () => {
    const r = await admin.call("POST", "/suite/api/conversations", { ...order(`+${ola}`), to: "+48 600 111 222" });
    expect(r.status).toBe(201);
    expect(r.body.conversation).toMatchObject({
      wa_id: ola,
      phone_number_id: s.phone,
      state: "open",
      assignee_id: admin.user.id,
      contact_name: "Ola",
      window: { open: false },
    });
    expect(r.body.message).toMatchObject({
      direction: "out",
      type: "template",
      sender: { kind: "agent", id: admin.user.id, name: "Admin" },
    });
    const chat = await waitFor(
      async () => {
        const c = JSON.stringify((await s.call("GET", `/simulator/users/${ola}/chats/${s.phone}`)).body);
        return c.includes("860198") ? c : undefined;
      },
      5000,
      "template on the phone",
    );
    expect(chat).toContain("Hello Ola, your order 860198 has an update for you today.");
    const listed = await conversationsOf(admin, ola);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: r.body.conversation.id,
      unread: 0,
      last_message: { type: "template", sender: { kind: "agent", name: "Admin" } },
    });
    const thread = (await admin.call("GET", `/suite/api/conversations/${r.body.conversation.id}`)).body;
    expect(thread.timeline.map((i: any) => (i.kind === "event" ? i.type : i.kind))).toEqual(["message", "started"]);
  });

  it("makes a contact of a number that is none yet", async () => {
    await s.call("POST", "/simulator/users", { wa_id: "48600111444" });
    expect(
      (await admin.call("POST", "/suite/api/conversations", order("+48600111444", ["friend", "A-1"]))).status,
    ).toBe(201);
    expect((await admin.call("GET", "/suite/api/contacts?q=48600111444")).body.data).toMatchObject([
      { wa_id: "48600111444" },
    ]);
  });

  it("writes into the conversation that exists: a resolved one is reopened, an unassigned one taken", async () => {
    const [c] = await conversationsOf(admin, ola);
    expect((await admin.call("POST", `/suite/api/conversations/${c.id}/state`, { state: "resolved" })).status).toBe(
      200,
    );
    await admin.call("POST", `/suite/api/conversations/${c.id}/assign`, { assignee_id: null });
    const r = await agent.call("POST", "/suite/api/conversations", order(`+${ola}`));
    expect(r.status).toBe(201);
    expect(r.body.conversation).toMatchObject({ id: c.id, state: "open", assignee_id: agent.user.id });
    const types = (await admin.call("GET", `/suite/api/conversations/${c.id}`)).body.timeline
      .filter((i: any) => i.kind === "event")
      .map((i: any) => i.type);
    expect(types.slice(-2)).toEqual(["reopened", "claimed"]);
    // Now it is Ana's: the admin may still write, another agent may not.
    expect((await admin.call("POST", "/suite/api/conversations", order(`+${ola}`))).status).toBe(201);
  });

  it("leaves nothing behind when the Cloud API refuses the template", async () => {
    const r = await admin.call("POST", "/suite/api/conversations", {
      to: `+${nowhere}`,
      phone_number_id: s.phone,
      template: { name: "no_such_template", language: "en_US" },
    });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: "platform_refused", graph: { code: 132001 } });
    expect(await conversationsOf(admin, nowhere)).toEqual([]);
    expect((await admin.call("GET", `/suite/api/contacts?q=${nowhere}`)).body.total).toBe(0);
  });
});

describe("bad input", () => {
  it("names the field, in the suite's envelope, and stores nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [order("12"), "to"],
      [order("+1 000"), "to"],
      [order(`+${nowhere}`, ["", "x"]), "template.parameters"],
      [{ to: `+${nowhere}`, phone_number_id: s.phone }, "template"],
      [{ ...order(`+${nowhere}`), template: { name: "Not A Name", language: "en_US" } }, "template.name"],
      [order(`+${nowhere}`, undefined, { phone_number_id: "123456" }), "phone_number_id"],
      [order(`+${nowhere}`, undefined, { text: { body: "hi" } }), ""],
    ];
    for (const [body, field] of cases) {
      const r = await admin.call("POST", "/suite/api/conversations", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe("invalid_request");
      if (field) expect(r.body.error.field).toBe(field);
    }
    expect(
      (await admin.call("POST", "/suite/api/conversations", "not json", { "content-type": "application/json" })).status,
    ).toBe(400);
    expect(await conversationsOf(admin, nowhere)).toEqual([]);
  });

  it("needs a session and its CSRF token", async () => {
    expect(
      (
        await fetch(`${s.url}/suite/api/conversations`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(order(`+${nowhere}`)),
        })
      ).status,
    ).toBe(401);
    expect(
      (await admin.call("POST", "/suite/api/conversations", order(`+${nowhere}`), { "x-csrf-token": "forged" })).body
        .error.code,
    ).toBe("csrf");
  });
});

describe("tenancy and roles", () => {
  it("keeps an agent out of a conversation assigned to someone else", async () => {
    const [c] = await conversationsOf(admin, ola);
    await admin.call("POST", `/suite/api/conversations/${c.id}/assign`, { assignee_id: admin.user.id });
    const r = await agent.call("POST", "/suite/api/conversations", order(`+${ola}`));
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("forbidden");
  });

  it("treats another tenant's number as none, and never shows them this tenant's conversations", async () => {
    const boss = await signInOtherTenantAdmin(s);
    const r = await boss.call("POST", "/suite/api/conversations", order(`+${nowhere}`));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: "invalid_request", field: "phone_number_id" });
    expect((await boss.call("GET", "/suite/api/conversations?state=all")).body.data).toEqual([]);
    expect(await conversationsOf(admin, nowhere)).toEqual([]);
  });
});
