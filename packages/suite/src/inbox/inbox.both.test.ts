import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openWindow,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// The team inbox end to end, through the real server: the customer's messages arrive as Cloud API
// webhooks, agents answer through the Cloud API, ticks come back as status webhooks.
let s: TestServer;
let admin: SuiteSession;
const HOUR = 3600_000;
const wa = "48600700100";
const conversationOf = async (waId: string) =>
  (await admin.call("GET", "/suite/api/conversations?state=all")).body.data.find((c: any) => c.wa_id === waId);
const timeline = async (id: string) =>
  (await admin.call("GET", `/suite/api/conversations/${id}`)).body.timeline as any[];

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  await s.call("POST", "/simulator/users", { wa_id: wa, name: "Ola Nowak", read_probability: 1 });
});
afterAll(() => s.stop());

describe("the team inbox", () => {
  it("turns a customer's message into a conversation routed to Support and assigned to an online agent", async () => {
    await openWindow(s, wa);
    const c = await waitFor(() => conversationOf(wa), 5000, "conversation");
    expect(c).toMatchObject({
      contact_name: "Ola Nowak",
      state: "open",
      assignee_id: admin.user.id,
      window: { open: true },
    });
    const items = await timeline(c.id);
    expect(items.find((i) => i.kind === "message")).toMatchObject({
      direction: "in",
      type: "text",
      content: { body: "hello" },
    });
    expect(items.filter((i) => i.kind === "event").map((i) => i.type)).toEqual(["routed", "assigned"]);
  });

  it("sends an agent's reply through the Cloud API; the phone shows it and the ticks reach read", async () => {
    const c = await conversationOf(wa);
    const r = await admin.call("POST", `/suite/api/conversations/${c.id}/messages`, {
      type: "text",
      text: { body: "Dzień dobry! How can we help?" },
    });
    expect(r.status).toBe(201);
    expect(r.body.id).toMatch(/^wamid\./);
    await waitFor(
      async () => (await timeline(c.id)).find((i) => i.id === r.body.id)?.status === "read" || undefined,
      5000,
      "read tick",
    );
    const chat = (await s.call("GET", `/simulator/users/${wa}/chats/${s.phone}`)).body;
    expect(JSON.stringify(chat)).toContain("Dzień dobry! How can we help?");
    expect((await conversationOf(wa)).first_response_at).not.toBeNull();
  });

  it("keeps internal notes off the customer's phone", async () => {
    const c = await conversationOf(wa);
    expect(
      (await admin.call("POST", `/suite/api/conversations/${c.id}/notes`, { body: "VIP: order #860198" })).status,
    ).toBe(201);
    expect((await timeline(c.id)).some((i) => i.kind === "note" && i.content.body === "VIP: order #860198")).toBe(true);
    expect(JSON.stringify((await s.call("GET", `/simulator/users/${wa}/chats/${s.phone}`)).body)).not.toContain("VIP");
  });

  it("reopens a resolved conversation as a new cycle when the customer writes again", async () => {
    const c = await conversationOf(wa);
    expect((await admin.call("POST", `/suite/api/conversations/${c.id}/state`, { state: "resolved" })).body.state).toBe(
      "resolved",
    );
    expect(
      (await admin.call("POST", `/suite/api/conversations/${c.id}/state`, { state: "pending" })).body.error.code,
    ).toBe("invalid_transition");
    await s.call("POST", `/simulator/users/${wa}/messages`, {
      to: s.phone,
      type: "text",
      text: { body: "One more question" },
    });
    const again = await waitFor(
      async () => {
        const x = await conversationOf(wa);
        return x.state === "open" ? x : undefined;
      },
      5000,
      "reopened",
    );
    expect(again.id).toBe(c.id);
    expect(again.first_response_at).toBeNull();
    expect((await admin.call("GET", `/suite/api/conversations/${c.id}`)).body.past_cycles).toHaveLength(1);
  });

  it("offers only templates once the window has closed (24 h), and a template still goes", async () => {
    const c = await conversationOf(wa);
    await s.call("POST", "/simulator/clock/advance", { ms: 24 * HOUR + 1000 });
    expect((await admin.call("GET", "/suite/api/me")).status).toBe(200); // sessions run on the wall clock: travel keeps them
    expect((await conversationOf(wa)).window.open).toBe(false);
    const refused = await admin.call("POST", `/suite/api/conversations/${c.id}/messages`, {
      type: "text",
      text: { body: "Still there?" },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("window_closed");
    const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
      name: "follow_up",
      language: "en_US",
      category: "UTILITY",
      components: [{ type: "BODY", text: "We are following up on your question from yesterday at our shop." }],
    });
    await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
    const sent = await admin.call("POST", `/suite/api/conversations/${c.id}/messages`, {
      type: "template",
      template: { name: "follow_up", language: { code: "en_US" } },
    });
    expect(sent.status).toBe(201);
    const unknown = await admin.call("POST", `/suite/api/conversations/${c.id}/messages`, {
      type: "template",
      template: { name: "nope", language: { code: "en_US" } },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: "platform_refused", graph: { code: 132001 } });
  });

  it("refuses a change without the session's CSRF token, and bad input in the suite's envelope", async () => {
    const c = await conversationOf(wa);
    const r = await admin.call(
      "POST",
      `/suite/api/conversations/${c.id}/notes`,
      { body: "x" },
      { "x-csrf-token": "forged" },
    );
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("csrf");
    const bad = await admin.call("POST", `/suite/api/conversations/${c.id}/notes`, { body: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_request", field: "body" });
    expect((await admin.call("GET", "/suite/api/nowhere")).body.error.code).toBe("not_found");
  });
});
