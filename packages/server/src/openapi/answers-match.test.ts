import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWindow, startTestServer, text, type TestServer } from "../testing/harness";
import { signInAdmin, type SuiteSession } from "../testing/suite-session";

// The registry's answers are written by hand from the handlers: these calls check a sample of
// them against what the server really answers (required fields there, types as documented).

let s: TestServer;
let doc: any;
let admin: SuiteSession;
beforeAll(async () => {
  s = await startTestServer();
  doc = (await s.call("GET", "/openapi.json")).body;
  admin = await signInAdmin(s);
});
afterAll(() => s.stop());

const TYPES: Record<string, (v: unknown) => boolean> = {
  object: (v) => typeof v === "object" && v !== null && !Array.isArray(v),
  array: Array.isArray,
  string: (v) => typeof v === "string",
  integer: Number.isInteger,
  number: (v) => typeof v === "number",
  boolean: (v) => typeof v === "boolean",
  null: (v) => v === null,
};

/** Where a value departs from the subset of JSON Schema the registry writes in; [] when it conforms. */
function departures(schema: any, value: unknown, at = "$"): string[] {
  if (schema.$ref) return departures(doc.components.schemas[schema.$ref.split("/").pop()], value, at);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches)
    return branches.some((b: any) => departures(b, value, at).length === 0) ? [] : [`${at}: matches no branch`];
  if ("const" in schema && value !== schema.const) return [`${at}: not ${JSON.stringify(schema.const)}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in ${schema.enum}`];
  if (schema.type && !TYPES[schema.type](value)) return [`${at}: ${JSON.stringify(value)} is not ${schema.type}`];
  if (schema.type === "array" && schema.items)
    return (value as unknown[]).flatMap((v, i) => departures(schema.items, v, `${at}[${i}]`));
  if (schema.type !== "object") return [];
  const o = value as Record<string, unknown>;
  const out = (schema.required ?? []).filter((k: string) => !(k in o)).map((k: string) => `${at}.${k}: missing`);
  for (const [k, v] of Object.entries(o)) {
    const p =
      schema.properties?.[k] ?? (typeof schema.additionalProperties === "object" ? schema.additionalProperties : null);
    if (p) out.push(...departures(p, v, `${at}.${k}`));
  }
  return out;
}

/** The documented JSON answer for this call's status, found by matching the concrete path to a template. */
function documented(method: string, url: string, status: number) {
  const path = url.split("?")[0];
  // The most literal template first, as Fastify routes: /openwaba/billing before /{version}/{id}.
  const params = (t: string) => t.split("{").length;
  const template = Object.keys(doc.paths)
    .filter((t) => new RegExp(`^${t.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path))
    .sort((a, b) => params(a) - params(b))[0];
  const op = template && doc.paths[template][method.toLowerCase()];
  const schema = op?.responses[String(status)]?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`no documented ${status} JSON answer for ${method} ${path}`);
  return schema;
}

async function expectDocumented(
  call: (m: string, p: string, b?: unknown) => Promise<{ status: number; body: any }>,
  method: string,
  path: string,
  body?: unknown,
) {
  const r = await call(method, path, body);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  const full = path.startsWith("/") && !/^\/(simulator|openwaba|health|suite)/.test(path) ? `/v23.0${path}` : path;
  expect(departures(documented(method, full, r.status), r.body), `${method} ${path}`).toEqual([]);
  return r.body;
}

describe("documented answers match the real ones", () => {
  it("on the Graph surface", async () => {
    const g = (m: string, p: string, b?: unknown) => s.call(m, p, b);
    const { waba_id, app_id } = s.credentials;
    await openWindow(s, "4860011100");
    const sent = await expectDocumented(g, "POST", `/${s.phone}/messages`, text("4860011100"));
    await expectDocumented(g, "GET", `/openwaba/messages/${sent.messages[0].id}`);
    await expectDocumented(g, "GET", `/${s.phone}`);
    await expectDocumented(g, "GET", `/${waba_id}`);
    await expectDocumented(g, "GET", `/${waba_id}/phone_numbers`);
    await expectDocumented(g, "GET", `/${waba_id}/message_templates`);
    await expectDocumented(g, "GET", `/${waba_id}/subscribed_apps`);
    await expectDocumented(g, "GET", `/${app_id}/subscriptions`);
    await expectDocumented(g, "GET", "/app");
    await expectDocumented(g, "GET", `/${s.phone}/whatsapp_business_profile`);
    const qr = await expectDocumented(g, "POST", `/${s.phone}/message_qrdls`, { prefilled_message: "Hi there" });
    await expectDocumented(g, "GET", `/${s.phone}/message_qrdls/${qr.code}`);
  });

  it("on /openwaba and the simulator", async () => {
    const g = (m: string, p: string, b?: unknown) => s.call(m, p, b);
    await expectDocumented(g, "GET", "/health");
    await expectDocumented(g, "GET", "/openwaba/messaging-limit");
    await expectDocumented(g, "GET", "/openwaba/billing");
    await expectDocumented(g, "GET", "/openwaba/pricing-model");
    await expectDocumented(g, "GET", "/openwaba/webhooks/subscribers");
    const test = await expectDocumented(g, "POST", "/openwaba/webhooks/test", {});
    await expectDocumented(g, "GET", `/openwaba/webhooks/deliveries/${test.results[0].delivery_id}`);
    await expectDocumented(g, "GET", "/openwaba/webhooks/deliveries");
    await expectDocumented(g, "GET", "/openwaba/webhooks/dead-letters");
    await expectDocumented(g, "GET", "/openwaba/messages");
    await expectDocumented(g, "POST", "/openwaba/consents", {
      wa_id: "4860011101",
      scope: "marketing",
      status: "granted",
    });
    await expectDocumented(g, "GET", "/openwaba/consents/4860011101");
    await expectDocumented(g, "POST", "/simulator/users", { wa_id: "4860011102", name: "Ada" });
    await expectDocumented(g, "GET", "/simulator/users/4860011102");
    await expectDocumented(g, "GET", "/simulator/users");
    await expectDocumented(g, "POST", "/simulator/users/4860011102/messages", {
      to: s.phone,
      type: "text",
      text: { body: "hello" },
    });
    await expectDocumented(g, "GET", `/simulator/users/4860011102/chats/${s.phone}`);
    await expectDocumented(g, "POST", "/simulator/users/4860011102/device", { online: false });
    await expectDocumented(g, "POST", "/simulator/clock/advance", { ms: 1 });
    await expectDocumented(g, "GET", "/simulator/clock");
  });

  it("on the suite API", async () => {
    const a = (m: string, p: string, b?: unknown) => admin.call(m, p, b);
    await openWindow(s, "4860011103");
    let list: any;
    for (let i = 0; i < 100 && !list?.data?.length; i++) {
      list = await expectDocumented(a, "GET", "/suite/api/conversations");
      if (!list.data.length) await new Promise((r) => setTimeout(r, 50));
    }
    const id = list.data[0].id;
    await expectDocumented(a, "GET", `/suite/api/conversations/${id}`);
    await expectDocumented(a, "GET", `/suite/api/conversations/${id}/profile`);
    await expectDocumented(a, "POST", `/suite/api/conversations/${id}/notes`, { body: "A note" });
    await expectDocumented(a, "POST", `/suite/api/conversations/${id}/messages`, {
      type: "text",
      text: { body: "Hi" },
    });
    await expectDocumented(a, "GET", "/suite/api/me");
    await expectDocumented(a, "POST", "/suite/api/me/availability", { availability: "online" });
    await expectDocumented(a, "POST", "/suite/api/api-keys", { name: "CI" });
    await expectDocumented(a, "GET", "/suite/api/api-keys");
    await expectDocumented(a, "GET", "/suite/api/users");
    await expectDocumented(a, "POST", "/suite/api/teams", { name: "Sales" });
    await expectDocumented(a, "GET", "/suite/api/teams");
    const c = await expectDocumented(a, "POST", "/suite/api/contacts", { phone: "+48600111104", tags: ["vip"] });
    await expectDocumented(a, "GET", `/suite/api/contacts/${c.id}`);
    await expectDocumented(a, "PATCH", `/suite/api/contacts/${c.id}`, { name: "Grace" });
    await expectDocumented(a, "GET", "/suite/api/contacts");
    await expectDocumented(a, "POST", "/suite/api/canned-responses", { shortcut: "hi", title: "Hi", body: "Hello!" });
    await expectDocumented(a, "GET", "/suite/api/canned-responses");
    await expectDocumented(a, "POST", "/suite/api/faq", { question: "Opening hours?", answer: "9 to 5" });
    await expectDocumented(a, "GET", "/suite/api/faq");
    await expectDocumented(a, "POST", "/suite/api/faq/try", { question: "When are you open?" });
    await expectDocumented(a, "GET", "/suite/api/settings");
    await expectDocumented(a, "GET", "/suite/api/routing-rules");
    await expectDocumented(a, "PUT", "/suite/api/settings/business-hours", {
      business_hours: { timezone: "Europe/Warsaw", days: { mon: [["09:00", "17:00"]] } },
    });
    await expectDocumented(a, "GET", "/suite/api/faq/unanswered");
    await expectDocumented(a, "GET", "/suite/api/reports/live");
    await expectDocumented(a, "GET", "/suite/api/reports");
    await expectDocumented(a, "GET", "/suite/api/numbers");
    await expectDocumented(a, "GET", "/suite/api/templates");
    await expectDocumented(a, "GET", "/suite/api/campaigns");
    await expectDocumented(a, "GET", "/suite/api/flows");
    await expectDocumented(a, "GET", "/suite/api/alerts");
    await expectDocumented(a, "GET", "/suite/api/settings/widget");
    await expectDocumented(a, "GET", "/suite/api/settings/auto-messages");
    await expectDocumented(a, "POST", "/suite/api/entry-points", { prefilled_message: "Sign me up", opt_in: true });
    await expectDocumented(a, "GET", "/suite/api/entry-points");
    await expectDocumented(a, "GET", "/suite/api/webhooks");
    await expectDocumented(a, "GET", "/suite/api/webhooks/messages");
    await expectDocumented(a, "GET", "/suite/api/webhooks/deliveries");
    await expectDocumented(a, "GET", "/suite/api/phone/numbers");
    await expectDocumented(a, "GET", "/suite/api/sign-in");
  });
  it("on the suite's campaigns, flows and settings", async () => {
    const a = (m: string, p: string, b?: unknown) => admin.call(m, p, b);
    const g = (m: string, p: string, b?: unknown) => s.call(m, p, b);
    const t = await expectDocumented(g, "POST", `/${s.credentials.waba_id}/message_templates`, {
      name: "spring_sale",
      language: "en_US",
      category: "MARKETING",
      components: [{ type: "BODY", text: "Spring is here" }],
    });
    await expectDocumented(g, "POST", `/openwaba/templates/${t.id}/review`, { event: "APPROVED" });
    await expectDocumented(a, "POST", "/suite/api/contacts", { phone: "+48600111105", consent: "granted" });
    const spec = {
      name: "Spring",
      phone_number_id: s.phone,
      template: { name: "spring_sale", language: "en_US" },
      audience: { phones: ["+48600111105"] },
    };
    await expectDocumented(a, "POST", "/suite/api/campaigns/estimate", spec);
    const c = await expectDocumented(a, "POST", "/suite/api/campaigns", spec);
    await expectDocumented(a, "GET", `/suite/api/campaigns/${c.id}/estimate`);
    await expectDocumented(a, "PUT", `/suite/api/campaigns/${c.id}`, { ...spec, name: "Spring sale" });
    await expectDocumented(a, "POST", `/suite/api/campaigns/${c.id}/send`);
    await expectDocumented(a, "GET", `/suite/api/campaigns/${c.id}`);
    await expectDocumented(a, "GET", `/suite/api/campaigns/${c.id}/recipients`);

    const document = {
      name: "Goodbye",
      trigger: { type: "keyword", keywords: ["bye"] },
      start: "end",
      nodes: { end: { type: "end", message: "Bye!" } },
    };
    const f = await expectDocumented(a, "POST", "/suite/api/flows", { document });
    await expectDocumented(a, "PUT", `/suite/api/flows/${f.id}`, { document: { ...document, name: "Farewell" } });
    await expectDocumented(a, "POST", `/suite/api/flows/${f.id}/publish`, {});
    await expectDocumented(a, "PATCH", `/suite/api/flows/${f.id}`, { enabled: false });
    await expectDocumented(a, "GET", `/suite/api/flows/${f.id}`);
    await expectDocumented(a, "GET", `/suite/api/flows/${f.id}/versions/1`);
    await expectDocumented(a, "GET", `/suite/api/flows/${f.id}/runs`);
    await expectDocumented(a, "POST", "/suite/api/flows/events", { event: "order_shipped", phone: "+48600111105" });

    await expectDocumented(a, "POST", "/suite/api/settings/widget/preview", { prefilled_message: "Hello!" });
    await expectDocumented(a, "PUT", "/suite/api/settings/widget", { prefilled_message: "Hello!" });
    await expectDocumented(a, "GET", "/suite/api/settings/widget");
    await expectDocumented(a, "PUT", "/suite/api/routing-rules", { rules: [] });
    await expectDocumented(a, "PUT", "/suite/api/settings/faq-bot", { enabled: true });
    await expectDocumented(a, "PUT", "/suite/api/settings/business-webhook", { url: "https://example.com/hook" });
    await expectDocumented(a, "PUT", "/suite/api/settings/auto-messages", { greeting: { enabled: true, text: "Hi" } });
    const team = await expectDocumented(a, "POST", "/suite/api/teams", { name: "Support" });
    await expectDocumented(a, "PATCH", `/suite/api/teams/${team.id}`, { assignment: "manual" });
    await expectDocumented(a, "PUT", `/suite/api/teams/${team.id}/members`, { user_ids: [admin.user.id] });
    const invited = await expectDocumented(a, "POST", "/suite/api/users", {
      email: "ada@example.com",
      name: "Ada",
      role: "agent",
    });
    await expectDocumented(a, "PATCH", `/suite/api/users/${invited.user.id}`, { capacity: 3 });
  });
});
