import type { FastifyInstance } from "fastify";
import {
  contactEditRequest,
  contactImportQuery,
  contactListQuery,
  contactRequest,
  type ContactListQuery,
} from "@openwaba/contracts/suite";
import { requireUser } from "../auth/sessions";
import { SuiteError, notFound, parseBody } from "../errors";
import type { Suite } from "../suite";
import { toCsv } from "../reports/metrics";
import { contactFromRow, type ContactInput } from "./contact-row";
import { importContacts } from "./contacts-import";
import { saveContact } from "./commands/save-contact";
import { presentContact } from "./contacts-store";
import { stoppedInWhatsApp } from "./consent";
import { segmentQuery } from "./segment";
import { contactConversations } from "./contact-conversations";
import { deleteContact } from "./commands/delete-contact";
import { tenantTransaction, suiteTransaction } from "../unit-of-work";

/** Contacts (CRM-lite): list and segment by filters, create, edit, delete, import CSV, export CSV. */
export function registerContactRoutes(app: FastifyInstance, suite: Suite): void {
  app.addContentTypeParser("text/csv", (_req, payload, done) => done(null, payload));

  // attr.<name>=<value> in the query: contacts whose attribute has exactly that value.
  const filtered = (tenantId: string, f: ContactListQuery) =>
    segmentQuery(
      suite.db,
      tenantId,
      {
        q: f.q,
        tag: f.tag,
        consent: f.consent,
        active_since: f.active_since,
        attributes: Object.fromEntries(
          Object.entries(f)
            .filter(([k, v]) => k.startsWith("attr.") && typeof v === "string")
            .map(([k, v]) => [k.slice(5), v as string]),
        ),
      },
      suite.clock.now(),
    );

  app.get<{ Querystring: Record<string, string> }>("/suite/api/contacts", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const f = parseBody(contactListQuery, req.query);
    const rows = await filtered(user.tenant_id, f)
      .orderBy("updated_at", "desc")
      .orderBy("id")
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    const total = await filtered(user.tenant_id, f)
      .clearSelect()
      .select((e) => e.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return reply.send({ data: rows.map(presentContact), total: Number(total.n) });
  });

  app.get<{ Querystring: Record<string, string> }>("/suite/api/contacts/export", async (req, reply) => {
    const { user } = await requireUser(suite, req, "contacts.manage");
    const f = parseBody(contactListQuery, { ...req.query, limit: "1000" });
    const rows = await filtered(user.tenant_id, f).orderBy("wa_id").limit(100_000).execute();
    const keys = [...new Set(rows.flatMap((r) => Object.keys(JSON.parse(r.attributes))))].sort().slice(0, 200);
    // What customers or importers wrote is never read as a spreadsheet formula.
    const cell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    const flat = rows.map((r) => {
      const a = JSON.parse(r.attributes);
      return {
        phone: `+${r.wa_id}`,
        name: cell(r.name),
        language: r.language ?? "",
        timezone: r.timezone ?? "",
        tags: cell(JSON.parse(r.tags).join("; ")),
        consent: r.marketing_consent ?? "",
        ...Object.fromEntries(keys.map((k) => [k, cell(String(a[k] ?? ""))])),
      };
    });
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", 'attachment; filename="contacts.csv"')
      .send(toCsv(flat) || "phone,name,language,timezone,tags,consent\n");
  });

  app.post("/suite/api/contacts", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const b = parseBody(contactRequest, req.body);
    const r = contactFromRow(
      { phone: b.phone, name: b.name, language: b.language, timezone: b.timezone },
      b.default_country,
    );
    if (!r.ok) throw new SuiteError(400, "invalid_request", r.error, { field: "phone" });
    const exists = await suite.db
      .selectFrom("suite_contacts")
      .select("id")
      .where("tenant_id", "=", user.tenant_id)
      .where("wa_id", "=", r.contact.wa_id)
      .executeTakeFirst();
    if (exists)
      throw new SuiteError(409, "contact_exists", `+${r.contact.wa_id} is a contact already.`, { id: exists.id });
    const input: ContactInput = {
      ...r.contact,
      tags: (b.tags ?? []).map((t) => t.toLowerCase()),
      attributes: b.attributes ?? {},
      consent: b.consent ?? null,
    };
    const { contact } = await suiteTransaction(suite, (tx) =>
      saveContact(suite, tx, { tenantId: user.tenant_id, contact: input, source: `console:${user.email}` }),
    );
    return reply.code(201).send(presentContact(contact));
  });

  app.get<{ Params: { id: string } }>("/suite/api/contacts/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await suite.db
      .selectFrom("suite_contacts")
      .selectAll()
      .where("id", "=", req.params.id)
      .where("tenant_id", "=", user.tenant_id)
      .executeTakeFirst();
    if (!c) throw notFound("Contact");
    return reply.send({ ...presentContact(c), conversations: await contactConversations(suite.db, user, c.wa_id) });
  });

  app.patch<{ Params: { id: string } }>("/suite/api/contacts/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const b = parseBody(contactEditRequest, req.body);
    const c = await suite.db
      .selectFrom("suite_contacts")
      .selectAll()
      .where("id", "=", req.params.id)
      .where("tenant_id", "=", user.tenant_id)
      .executeTakeFirst();
    if (!c) throw notFound("Contact");
    const r = contactFromRow({ phone: `+${c.wa_id}`, language: b.language, timezone: b.timezone });
    if (!r.ok) throw new SuiteError(400, "invalid_request", r.error);
    if (b.consent && stoppedInWhatsApp(c))
      throw new SuiteError(
        409,
        "stopped_in_whatsapp",
        "The customer stopped marketing messages in WhatsApp; only they can resume them there.",
        { field: "consent" },
      );
    const { contact } = await suiteTransaction(suite, (tx) =>
      saveContact(suite, tx, {
        tenantId: user.tenant_id,
        contact: {
          wa_id: c.wa_id,
          name: b.name,
          language: b.language,
          timezone: b.timezone,
          tags: b.tags?.map((t) => t.toLowerCase()),
          attributes: b.attributes,
          consent: b.consent ?? null,
        },
        source: `console:${user.email}`,
        replaceLists: true,
      }),
    );
    return reply.send(presentContact(contact));
  });

  // Deleting a contact forgets what the business recorded (attributes, tags, consent); the
  // conversations stay, as the team's record of what was said (a customer who writes again is a
  // new contact). The business's systems hear of it.
  app.delete<{ Params: { id: string } }>("/suite/api/contacts/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "contacts.manage");
    await tenantTransaction(suite, user.tenant_id, (tx) =>
      deleteContact(suite, tx, { tenantId: user.tenant_id, contactId: req.params.id, source: `console:${user.email}` }),
    );
    return reply.send({ ok: true });
  });

  // CSV import, streamed and checked row by row (contacts-import.ts); dry_run=true answers the
  // same report and a preview without writing anything.
  app.post<{ Querystring: Record<string, string> }>("/suite/api/contacts/import", async (req, reply) => {
    const { user } = await requireUser(suite, req, "contacts.manage");
    const q = parseBody(contactImportQuery, req.query);
    if (!String(req.headers["content-type"] ?? "").startsWith("text/csv"))
      throw new SuiteError(415, "unsupported_media_type", "Send the file as text/csv.");
    const report = await importContacts(suite, user.tenant_id, req.body as AsyncIterable<Uint8Array>, {
      dryRun: q.dry_run === "true" || q.dry_run === "1",
      defaultCountry: q.default_country,
    });
    return reply.send(report);
  });
}
