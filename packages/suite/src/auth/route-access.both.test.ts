import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PDF_DOC,
  addTenant,
  signIn,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
  signInOtherTenantAdmin,
} from "@openwaba/server/testing";
import type { UserRole } from "@openwaba/store";
import { POLICIES, needsSession, type Action } from "./policies";

// Who may call which suite route, for every route the server registers: signed out (401), without
// the session's CSRF header on a write (403), a role the policy leaves out (403), an API key where
// the action needs a person at the console (403), the least role the policy lets in (passes: any
// answer but 401 and 403, as an empty body may well be refused), and another tenant's admin naming
// this tenant's real object (404: another tenant's id looks like none).

/** Objects of a tenant a route names by id; one real one of each is made in the first tenant. */
type Kind =
  | "api-key"
  | "campaign"
  | "canned-response"
  | "contact"
  | "conversation"
  | "entry-point"
  | "faq-entry"
  | "flow"
  | "flow-run"
  | "media"
  | "number"
  | "sent-message"
  | "team"
  | "template"
  | "user"
  | "webhook-delivery";

interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** As /openapi.json spells it; the first parameter is the `owned` object's id. */
  path: string;
  /** public: no sign-in asked; signed-in: any person of the tenant; else the policy's action. */
  access: "public" | "signed-in" | Action;
  owned?: Kind;
  /** A body the route takes, where an empty one is refused before the object is looked up. */
  body?: unknown;
}

const ROUTES: Route[] = [
  // Signing in and out
  { method: "GET", path: "/suite/api/sign-in", access: "public" },
  { method: "POST", path: "/suite/api/login", access: "public" },
  { method: "POST", path: "/suite/api/invitations/accept", access: "public" },
  { method: "POST", path: "/suite/api/logout", access: "signed-in" },
  { method: "GET", path: "/suite/api/me", access: "signed-in" },
  { method: "POST", path: "/suite/api/me/availability", access: "signed-in" },
  { method: "GET", path: "/suite/api/api-keys", access: "api-keys.manage" },
  { method: "POST", path: "/suite/api/api-keys", access: "api-keys.manage" },
  { method: "DELETE", path: "/suite/api/api-keys/{id}", access: "api-keys.manage", owned: "api-key" },
  // People and teams
  { method: "GET", path: "/suite/api/users", access: "people.list" },
  { method: "POST", path: "/suite/api/users", access: "people.manage" },
  { method: "PATCH", path: "/suite/api/users/{id}", access: "people.manage", owned: "user", body: { capacity: 3 } },
  { method: "GET", path: "/suite/api/teams", access: "signed-in" },
  { method: "POST", path: "/suite/api/teams", access: "teams.manage" },
  { method: "PATCH", path: "/suite/api/teams/{id}", access: "teams.manage", owned: "team", body: { name: "Sales" } },
  {
    method: "PUT",
    path: "/suite/api/teams/{id}/members",
    access: "teams.manage",
    owned: "team",
    body: { user_ids: [] },
  },
  // The inbox
  { method: "GET", path: "/suite/api/conversations", access: "signed-in" },
  { method: "POST", path: "/suite/api/conversations", access: "signed-in" },
  { method: "GET", path: "/suite/api/conversations/{id}", access: "signed-in", owned: "conversation" },
  { method: "PATCH", path: "/suite/api/conversations/{id}", access: "signed-in", owned: "conversation" },
  { method: "POST", path: "/suite/api/conversations/{id}/messages", access: "signed-in", owned: "conversation" },
  { method: "POST", path: "/suite/api/conversations/{id}/notes", access: "signed-in", owned: "conversation" },
  { method: "POST", path: "/suite/api/conversations/{id}/claim", access: "signed-in", owned: "conversation" },
  { method: "POST", path: "/suite/api/conversations/{id}/assign", access: "signed-in", owned: "conversation" },
  { method: "POST", path: "/suite/api/conversations/{id}/state", access: "signed-in", owned: "conversation" },
  { method: "POST", path: "/suite/api/conversations/{id}/typing", access: "signed-in", owned: "conversation" },
  { method: "POST", path: "/suite/api/conversations/{id}/read", access: "signed-in", owned: "conversation" },
  { method: "POST", path: "/suite/api/conversations/{id}/media", access: "signed-in", owned: "conversation" },
  { method: "GET", path: "/suite/api/conversations/{id}/profile", access: "signed-in", owned: "conversation" },
  { method: "POST", path: "/suite/api/conversations/{id}/flow", access: "signed-in", owned: "conversation" },
  { method: "GET", path: "/suite/api/media/{id}", access: "signed-in", owned: "media" },
  { method: "GET", path: "/suite/api/canned-responses", access: "signed-in" },
  { method: "POST", path: "/suite/api/canned-responses", access: "canned-responses.manage" },
  {
    method: "DELETE",
    path: "/suite/api/canned-responses/{id}",
    access: "canned-responses.manage",
    owned: "canned-response",
  },
  { method: "GET", path: "/suite/api/stream", access: "signed-in" },
  // Routing and settings
  { method: "GET", path: "/suite/api/routing-rules", access: "routing-rules.read" },
  { method: "PUT", path: "/suite/api/routing-rules", access: "routing-rules.manage" },
  { method: "GET", path: "/suite/api/settings", access: "signed-in" },
  { method: "PUT", path: "/suite/api/settings/business-hours", access: "business-hours.configure" },
  { method: "PUT", path: "/suite/api/settings/business-webhook", access: "business-webhook.configure" },
  { method: "GET", path: "/suite/api/settings/auto-messages", access: "signed-in" },
  { method: "PUT", path: "/suite/api/settings/auto-messages", access: "flows.manage" },
  { method: "GET", path: "/suite/api/settings/widget", access: "widget.manage" },
  { method: "PUT", path: "/suite/api/settings/widget", access: "widget.manage" },
  { method: "POST", path: "/suite/api/settings/widget/preview", access: "widget.manage" },
  { method: "PUT", path: "/suite/api/settings/faq-bot", access: "faq-bot.configure" },
  // The Cloud API: numbers, webhooks, templates
  { method: "GET", path: "/suite/api/numbers", access: "signed-in" },
  { method: "GET", path: "/suite/api/numbers/{id}/profile", access: "signed-in", owned: "number" },
  { method: "POST", path: "/suite/api/numbers/{id}/profile", access: "whatsapp.manage", owned: "number" },
  { method: "GET", path: "/suite/api/webhooks", access: "webhooks.inspect" },
  { method: "GET", path: "/suite/api/webhooks/deliveries", access: "webhooks.inspect" },
  {
    method: "POST",
    path: "/suite/api/webhooks/deliveries/{id}/resend",
    access: "webhooks.inspect",
    owned: "webhook-delivery",
  },
  { method: "POST", path: "/suite/api/webhooks/test", access: "webhooks.inspect" },
  { method: "POST", path: "/suite/api/webhooks/redrive", access: "webhooks.inspect" },
  { method: "GET", path: "/suite/api/webhooks/messages", access: "webhooks.inspect" },
  { method: "GET", path: "/suite/api/webhooks/messages/{id}", access: "webhooks.inspect", owned: "sent-message" },
  { method: "GET", path: "/suite/api/templates", access: "signed-in" },
  { method: "POST", path: "/suite/api/templates", access: "templates.manage" },
  { method: "POST", path: "/suite/api/templates/header-samples", access: "templates.manage" },
  { method: "POST", path: "/suite/api/templates/{id}", access: "templates.manage", owned: "template" },
  { method: "DELETE", path: "/suite/api/templates/{id}", access: "templates.manage", owned: "template" },
  // Reports and alerts
  { method: "GET", path: "/suite/api/reports/live", access: "reports.read" },
  { method: "GET", path: "/suite/api/reports", access: "reports.read" },
  { method: "GET", path: "/suite/api/alerts", access: "alerts.manage" },
  { method: "POST", path: "/suite/api/alerts/read", access: "alerts.manage" },
  // Contacts
  { method: "GET", path: "/suite/api/contacts", access: "signed-in" },
  { method: "POST", path: "/suite/api/contacts", access: "signed-in" },
  { method: "GET", path: "/suite/api/contacts/export", access: "contacts.manage" },
  { method: "POST", path: "/suite/api/contacts/import", access: "contacts.manage" },
  { method: "GET", path: "/suite/api/contacts/{id}", access: "signed-in", owned: "contact" },
  { method: "PATCH", path: "/suite/api/contacts/{id}", access: "signed-in", owned: "contact", body: { name: "Ola" } },
  { method: "DELETE", path: "/suite/api/contacts/{id}", access: "contacts.manage", owned: "contact" },
  // The FAQ bot
  { method: "GET", path: "/suite/api/faq", access: "signed-in" },
  { method: "POST", path: "/suite/api/faq", access: "faq.manage" },
  {
    method: "PATCH",
    path: "/suite/api/faq/{id}",
    access: "faq.manage",
    owned: "faq-entry",
    body: { answer: "9 to 6" },
  },
  { method: "DELETE", path: "/suite/api/faq/{id}", access: "faq.manage", owned: "faq-entry" },
  { method: "GET", path: "/suite/api/faq/unanswered", access: "faq.manage" },
  { method: "POST", path: "/suite/api/faq/try", access: "signed-in" },
  // Entry points and the widget
  { method: "GET", path: "/suite/api/entry-points", access: "signed-in" },
  { method: "POST", path: "/suite/api/entry-points", access: "entry-points.manage" },
  { method: "DELETE", path: "/suite/api/entry-points/{code}", access: "entry-points.manage", owned: "entry-point" },
  { method: "GET", path: "/widget/{file}", access: "public" },
  // Flows
  { method: "GET", path: "/suite/api/flows", access: "signed-in" },
  { method: "POST", path: "/suite/api/flows", access: "flows.manage" },
  { method: "POST", path: "/suite/api/flows/import", access: "flows.manage" },
  { method: "POST", path: "/suite/api/flows/events", access: "flows.manage" },
  { method: "GET", path: "/suite/api/flows/{id}", access: "flows.manage", owned: "flow" },
  { method: "PUT", path: "/suite/api/flows/{id}", access: "flows.manage", owned: "flow" },
  { method: "PATCH", path: "/suite/api/flows/{id}", access: "flows.manage", owned: "flow" },
  { method: "DELETE", path: "/suite/api/flows/{id}", access: "flows.manage", owned: "flow" },
  { method: "POST", path: "/suite/api/flows/{id}/publish", access: "flows.manage", owned: "flow" },
  { method: "GET", path: "/suite/api/flows/{id}/versions/{version}", access: "flows.manage", owned: "flow" },
  { method: "GET", path: "/suite/api/flows/{id}/export", access: "flows.manage", owned: "flow" },
  { method: "GET", path: "/suite/api/flows/{id}/runs", access: "signed-in", owned: "flow" },
  { method: "GET", path: "/suite/api/flow-runs/{id}", access: "signed-in", owned: "flow-run" },
  { method: "POST", path: "/suite/api/flow-runs/{id}/stop", access: "signed-in", owned: "flow-run" },
  // Campaigns
  { method: "GET", path: "/suite/api/campaigns", access: "campaigns.manage" },
  { method: "POST", path: "/suite/api/campaigns", access: "campaigns.manage" },
  { method: "POST", path: "/suite/api/campaigns/estimate", access: "campaigns.manage" },
  { method: "GET", path: "/suite/api/campaigns/{id}", access: "campaigns.manage", owned: "campaign" },
  { method: "PUT", path: "/suite/api/campaigns/{id}", access: "campaigns.manage", owned: "campaign" },
  { method: "DELETE", path: "/suite/api/campaigns/{id}", access: "campaigns.manage", owned: "campaign" },
  { method: "GET", path: "/suite/api/campaigns/{id}/estimate", access: "campaigns.manage", owned: "campaign" },
  { method: "POST", path: "/suite/api/campaigns/{id}/send", access: "campaigns.manage", owned: "campaign" },
  { method: "POST", path: "/suite/api/campaigns/{id}/pause", access: "campaigns.manage", owned: "campaign" },
  { method: "POST", path: "/suite/api/campaigns/{id}/resume", access: "campaigns.manage", owned: "campaign" },
  { method: "POST", path: "/suite/api/campaigns/{id}/cancel", access: "campaigns.manage", owned: "campaign" },
  { method: "GET", path: "/suite/api/campaigns/{id}/recipients", access: "campaigns.manage", owned: "campaign" },
  { method: "GET", path: "/suite/api/campaigns/{id}/recipients.csv", access: "campaigns.manage", owned: "campaign" },
  // The development tenant's phone view (another tenant's people get 403: it is not theirs)
  { method: "GET", path: "/suite/api/phone/numbers", access: "signed-in" },
  { method: "GET", path: "/suite/api/phone/users", access: "signed-in" },
  { method: "POST", path: "/suite/api/phone/users", access: "signed-in" },
  { method: "GET", path: "/suite/api/phone/users/{wa_id}/chat", access: "signed-in" },
  { method: "POST", path: "/suite/api/phone/users/{wa_id}/messages", access: "signed-in" },
  // What the Cloud API calls (signed with the app's secret, no sign-in), and any other path
  { method: "GET", path: "/suite/webhooks/{connection_id}", access: "public" },
  { method: "POST", path: "/suite/webhooks/{connection_id}", access: "public" },
  { method: "GET", path: "/suite/api/{path}", access: "public" },
];

// Least to most: the first role a policy lets in passes, the last it leaves out is refused.
const RANK: UserRole[] = ["agent", "supervisor", "admin"];
const rolesOf = (r: Route): readonly UserRole[] =>
  r.access === "public" || r.access === "signed-in" ? RANK : POLICIES[r.access].roles;
const allowedRole = (r: Route) => RANK.find((role) => rolesOf(r).includes(role)) as UserRole;
const refusedRole = (r: Route) => RANK.findLast((role) => !rolesOf(r).includes(role));
const isWrite = (r: Route) => r.method !== "GET";
const shape = (path: string) => path.replace(/\{[^}]*\}/g, "{}");
const label = (r: Route) => `${r.method} ${r.path}`;

let s: TestServer;
const customer = "393400500600";
const callers = {} as Record<UserRole, SuiteSession> & { otherAdmin: SuiteSession; key: string };
const ids = {} as Record<Kind, string>;
let connectionId: string;

/** The path with the row's object (or a harmless value) in its parameters. */
function fill(r: Route, id?: string): string {
  const [first] = r.path.match(/\{[^}]*\}/) ?? [];
  const values: Record<string, string> = {
    "{version}": "1",
    "{wa_id}": customer,
    "{connection_id}": connectionId,
    "{file}": "nobody.js",
    "{path}": "no-such-route",
  };
  return r.path.replace(/\{[^}]*\}/g, (p) => (p === first && id !== undefined ? id : values[p]));
}

type Who = SuiteSession | { key: string } | null;

/** One call as `who` (null: signed out) with the row's body, or an empty one, on writes. */
async function send(who: Who, r: Route, o: { csrf?: boolean } = {}) {
  const headers: Record<string, string> = isWrite(r) ? { "content-type": "application/json" } : {};
  if (who && "key" in who) headers.authorization = `Bearer ${who.key}`;
  else if (who) {
    headers.cookie = who.cookie;
    if (o.csrf !== false) headers["x-csrf-token"] = who.csrf;
  }
  const ac = new AbortController();
  const res = await fetch(`${s.url}${fill(r, r.owned && ids[r.owned])}`, {
    method: r.method,
    headers,
    body: isWrite(r) ? JSON.stringify(r.body ?? {}) : undefined,
    signal: ac.signal,
  });
  // The realtime stream never ends: its status is the answer.
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
    ac.abort();
    return { status: res.status, code: undefined, message: undefined };
  }
  const text = await res.text();
  let code: string | undefined;
  let message: string | undefined;
  try {
    ({ code, message } = JSON.parse(text)?.error ?? {});
  } catch {
    /* not JSON (a CSV, a script) */
  }
  return { status: res.status, code, message };
}

async function invite(admin: SuiteSession, email: string, role: UserRole): Promise<SuiteSession> {
  const r = await admin.call("POST", "/suite/api/users", { email, name: role, role });
  expect(r.status).toBe(201);
  const accepted = await fetch(`${s.url}/suite/api/invitations/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: r.body.invitation.token, password: "a long enough password" }),
  });
  expect(accepted.status).toBe(200);
  return signIn(s, email, "a long enough password");
}

/** A second tenant, on a WABA of its own on the same platform, with its own admin signed in. */
async function otherTenantAdmin(): Promise<SuiteSession> {
  const waba = await addTenant(s);
  return signInOtherTenantAdmin(s, {
    waba_id: waba.wabaId,
    graph_url: s.url,
    graph_version: s.credentials.graph_version,
    access_token: waba.token,
    app_secret: waba.appSecret,
    verify_token: "other-verify-token",
    numbers: [{ id: waba.phone, display_phone_number: "15550000010", verified_name: "Other" }],
  });
}

/** One real object of each kind in the first tenant, made as its admin would. */
async function makeOneOfEach(admin: SuiteSession) {
  const ok = async (method: string, path: string, body?: unknown) => {
    const r = await admin.call(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  ids.user = callers.agent.user.id;
  ids.number = s.phone;
  ids["api-key"] = (await ok("POST", "/suite/api/api-keys", { name: "to revoke" })).id;
  ids.team = (await ok("POST", "/suite/api/teams", { name: "Sales" })).id;
  ids.contact = (await ok("POST", "/suite/api/contacts", { phone: "+48600111105", consent: "granted" })).id;
  ids["canned-response"] = (
    await ok("POST", "/suite/api/canned-responses", { shortcut: "hi", title: "Hi", body: "Hello!" })
  ).id;
  ids["faq-entry"] = (await ok("POST", "/suite/api/faq", { question: "Opening hours?", answer: "9 to 5" })).id;
  ids["entry-point"] = (await ok("POST", "/suite/api/entry-points", { prefilled_message: "Hello!" })).code;

  // A conversation the agent works on: the customer writes, the admin hands it to the agent.
  await s.call("POST", "/simulator/users", { wa_id: customer, name: "Marco" });
  await s.call("POST", `/simulator/users/${customer}/messages`, { to: s.phone, type: "text", text: { body: "Hi" } });
  const c = await waitFor(
    async () => (await admin.call("GET", "/suite/api/conversations")).body.data.find((x: any) => x.wa_id === customer),
    5000,
    "conversation",
  );
  ids.conversation = c.id;
  await ok("POST", `/suite/api/conversations/${c.id}/assign`, { assignee_id: callers.agent.user.id });
  const sent = await ok("POST", `/suite/api/conversations/${c.id}/messages`, { type: "text", text: { body: "Hello" } });
  ids["sent-message"] = sent.id; // its wamid
  // A file in the conversation: uploaded through the suite and sent by id.
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(PDF_DOC)], { type: "application/pdf" }), "invoice.pdf");
  const up = await fetch(`${s.url}/suite/api/conversations/${c.id}/media`, {
    method: "POST",
    headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
    body: form,
  });
  if (up.status !== 201) throw new Error(`media upload: ${up.status} ${await up.text()}`);
  ids.media = ((await up.json()) as { id: string }).id;
  await ok("POST", `/suite/api/conversations/${c.id}/messages`, { type: "document", document: { id: ids.media } });

  const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
    name: "spring_sale",
    language: "en_US",
    category: "MARKETING",
    components: [{ type: "BODY", text: "Spring is here" }],
  });
  ids.template = t.body.id;
  await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
  ids.campaign = (
    await ok("POST", "/suite/api/campaigns", {
      name: "Spring",
      phone_number_id: s.phone,
      template: { name: "spring_sale", language: "en_US" },
      audience: { phones: ["+48600111105"] },
    })
  ).id;

  const document = {
    name: "Ping",
    trigger: { type: "event", event: "ping" },
    start: "a",
    nodes: { a: { type: "end" } },
  };
  ids.flow = (await ok("POST", "/suite/api/flows", { document, publish: true })).id;
  ids["flow-run"] = (
    await ok("POST", "/suite/api/flows/events", { event: "ping", phone: "+48600111105" })
  ).started[0].run_id;

  ids["webhook-delivery"] = (await ok("GET", "/suite/api/webhooks/deliveries")).data[0].id;
}

beforeAll(async () => {
  s = await startTestServer();
  callers.admin = await signInAdmin(s);
  callers.supervisor = await invite(callers.admin, "sue@shop.test", "supervisor");
  callers.agent = await invite(callers.admin, "ana@shop.test", "agent");
  callers.otherAdmin = await otherTenantAdmin();
  callers.key = (await callers.admin.call("POST", "/suite/api/api-keys", { name: "crm" })).body.key;
  connectionId = (
    await s.store.db
      .selectFrom("suite_connections")
      .select("id")
      .where("waba_id", "=", s.credentials.waba_id)
      .executeTakeFirstOrThrow()
  ).id;
  await makeOneOfEach(callers.admin);
});
afterAll(() => s.stop());

describe("who may call each suite route", () => {
  it("lists every route the suite registers, and no route it does not", async () => {
    const doc = (await s.call("GET", "/openapi.json")).body;
    const registered = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith("/suite/") || path.startsWith("/widget/"))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${shape(path)}`));
    // The document leaves out the catch-all (no endpoint of its own); Fastify knows it.
    if (s.app.hasRoute({ method: "GET", url: "/suite/api/*" })) registered.push("GET /suite/api/{}");
    const listed = ROUTES.map((r) => `${r.method} ${shape(r.path)}`);
    expect(registered.filter((k) => !listed.includes(k))).toEqual([]);
    expect(listed.filter((k) => !registered.includes(k))).toEqual([]);
  });

  it("asks a signed-out caller to sign in, except on public routes", async () => {
    const wrong: string[] = [];
    for (const r of ROUTES) {
      const { status, code } = await send(null, r);
      const signIn = status === 401 && code === "not_signed_in";
      if (signIn === (r.access === "public")) wrong.push(`${label(r)}: ${status} ${code}`);
    }
    expect(wrong).toEqual([]);
  });

  it("refuses a write without the session's CSRF header", async () => {
    const wrong: string[] = [];
    for (const r of ROUTES.filter((r) => r.access !== "public" && isWrite(r))) {
      const { status, code } = await send(callers.admin, r, { csrf: false });
      if (status !== 403 || code !== "csrf") wrong.push(`${label(r)}: ${status} ${code}`);
    }
    expect(wrong).toEqual([]);
  });

  it("refuses a role the action's policy leaves out", async () => {
    const wrong: string[] = [];
    for (const r of ROUTES) {
      const role = refusedRole(r);
      if (!role) continue;
      const { status, code } = await send(callers[role], r);
      if (status !== 403 || code !== "forbidden") wrong.push(`${label(r)} as ${role}: ${status} ${code}`);
    }
    expect(wrong).toEqual([]);
  });

  it("refuses an API key the actions that need a person at the console", async () => {
    const wrong: string[] = [];
    for (const r of ROUTES.filter((r) => r.access !== "public" && r.access !== "signed-in" && needsSession(r.access))) {
      const { status, code } = await send({ key: callers.key }, r);
      if (status !== 403) wrong.push(`${label(r)}: ${status} ${code}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers another tenant's admin naming this tenant's object as if there were none", async () => {
    const wrong: string[] = [];
    for (const r of ROUTES.filter((r) => r.owned)) {
      const { status, code, message } = await send(callers.otherAdmin, r);
      if (status !== 404) wrong.push(`${label(r)} (${r.owned}): ${status} ${code}: ${message}`);
    }
    expect(wrong).toEqual([]);
  });

  // Last: these calls change things (a draft sent, an object deleted, the agent signed out).
  it("lets in the least role the policy allows", async () => {
    const consequence = (r: Route) => (r.path === "/suite/api/logout" ? 2 : r.method === "DELETE" ? 1 : 0);
    const wrong: string[] = [];
    const order = ROUTES.filter((r) => r.access !== "public").sort((a, b) => consequence(a) - consequence(b));
    for (const r of order) {
      const role = allowedRole(r);
      const { status, code, message } = await send(callers[role], r);
      // Its own tenant's object is found (so another tenant's 404 above says something).
      const refused = status === 401 || status === 403 || status >= 500 || (r.owned !== undefined && status === 404);
      if (refused) wrong.push(`${label(r)} as ${role}: ${status} ${code}: ${message}`);
    }
    expect(wrong).toEqual([]);
  });
});
