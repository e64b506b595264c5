import { createHmac } from "node:crypto";
import type { Answer } from "../answer";
import type { TestServer } from "../harness";
import type { SuiteSession } from "../suite-session";
import { waitFor } from "../webhook-receiver";
import type { Chat, ChatMessage } from "./chat-message";

// What the campaign tests set up again and again: approved templates, contacts (by CSV, as a
// business would) with simulated phones that are on WhatsApp, and a campaign sent and watched.
// Campaigns, send answers and recipients come back as the suite answers them (Answer): the
// tests read the fields they check.

export function campaignKit(s: TestServer, admin: SuiteSession) {
  const kit = {
    async template(
      name: string,
      category: "MARKETING" | "UTILITY",
      text: string,
      examples: string[] = [],
      buttons: string[] = [],
    ) {
      const t = await s.call<{ id: string }>("POST", `/${s.credentials.waba_id}/message_templates`, {
        name,
        language: "en_US",
        category,
        components: [
          { type: "BODY", text, ...(examples.length ? { example: { body_text: [examples] } } : {}) },
          ...(buttons.length
            ? [{ type: "BUTTONS", buttons: buttons.map((b) => ({ type: "QUICK_REPLY", text: b })) }]
            : []),
        ],
      });
      if (t.status !== 200) throw new Error(`template: ${JSON.stringify(t.body)}`);
      await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
    },
    /** Contacts from CSV rows (phone first), each with a phone on WhatsApp that reads what it gets. */
    async contacts(header: string, rows: string[], phones = true) {
      const r = await fetch(`${s.url}/suite/api/contacts/import`, {
        method: "POST",
        headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "text/csv" },
        body: [header, ...rows].join("\n"),
      });
      const body = (await r.json()) as { errors: unknown[] };
      if (r.status !== 200 || body.errors.length) throw new Error(`import: ${JSON.stringify(body)}`);
      if (phones) {
        const numbers = rows.map((row) => row.split(",")[0].replace(/\D/g, ""));
        for (let i = 0; i < numbers.length; i += 20) {
          await Promise.all(
            numbers
              .slice(i, i + 20)
              .map((wa) => s.call("POST", "/simulator/users", { wa_id: wa, on_whatsapp: true, read_probability: 1 })),
          );
        }
      }
    },
    async create(spec: Record<string, unknown>): Promise<string> {
      const r = await admin.call<{ id: string }>("POST", "/suite/api/campaigns", { phone_number_id: s.phone, ...spec });
      if (r.status !== 201) throw new Error(`campaign: ${JSON.stringify(r.body)}`);
      return r.body.id;
    },
    async send(id: string): Promise<Answer> {
      const r = await admin.call("POST", `/suite/api/campaigns/${id}/send`);
      if (r.status !== 200) throw new Error(`send: ${JSON.stringify(r.body)}`);
      return r.body;
    },
    async get(id: string): Promise<Answer> {
      return (await admin.call("GET", `/suite/api/campaigns/${id}`)).body;
    },
    async recipients(id: string, query = "limit=1000"): Promise<Answer[]> {
      return (await admin.call<{ data: Answer[] }>("GET", `/suite/api/campaigns/${id}/recipients?${query}`)).body.data;
    },
    async until(id: string, pred: (c: Answer) => boolean, what: string, ms = 20_000): Promise<Answer> {
      return waitFor(
        async () => {
          const c = await kit.get(id);
          return pred(c) ? c : null;
        },
        ms,
        what,
      );
    },
    /** Delivers a `messages` status to the suite as the platform would (signed with the suite app's secret). */
    async status(status: Record<string, unknown>) {
      const c = await s.store.db.selectFrom("suite_connections").select(["id", "app_secret"]).executeTakeFirstOrThrow();
      const body = JSON.stringify({
        object: "whatsapp_business_account",
        entry: [
          {
            id: s.credentials.waba_id,
            changes: [
              {
                field: "messages",
                value: { messaging_product: "whatsapp", metadata: { phone_number_id: s.phone }, statuses: [status] },
              },
            ],
          },
        ],
      });
      const sig = `sha256=${createHmac("sha256", c.app_secret).update(body).digest("hex")}`;
      const r = await fetch(`${s.url}/suite/webhooks/${c.id}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": sig },
        body,
      });
      if (r.status !== 200) throw new Error(`status webhook: ${r.status}`);
    },
    async received(wa: string): Promise<ChatMessage[]> {
      const chat = await s.call<Chat>("GET", `/simulator/users/${wa}/chats/${s.phone}`);
      return (chat.body.messages ?? []).filter((m) => m.direction === "received");
    },
  };
  return kit;
}
