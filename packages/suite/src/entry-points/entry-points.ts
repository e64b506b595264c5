import type { FastifyInstance } from "fastify";
import { entryPointRequest } from "@openwaba/contracts/suite";
import type { Db } from "@openwaba/store";
import { requireUser } from "../auth/sessions";
import { SuiteError, notFound, parseBody } from "../errors";
import type { Suite } from "../suite";
import { saveContact } from "../contacts/commands/save-contact";
import { makeEntryPoint } from "./commands/make-entry-point";
import { removeEntryPoint } from "./commands/remove-entry-point";

// Consent entry points (issue #5 item 5): QR codes and wa.me links made through the Cloud API
// (message_qrdls). One marked opt-in grants marketing consent to the customer who sends its
// prefilled message, with `<source>:<code>` as the consent's source (a printed QR code or the
// website widget).

/** Where an entry point is shown; it prefixes the source of the consent it grants. */
export type EntryPointSource = "qr" | "widget";
export interface EntryPointSpec {
  phone_number_id?: string;
  prefilled_message: string;
  opt_in: boolean;
  source: EntryPointSource;
  format?: "SVG" | "PNG";
}
export interface EntryPoint {
  code: string;
  phone_number_id: string;
  prefilled_message: string;
  opt_in: boolean;
  source: string;
  deep_link_url: string;
  qr_image_url?: string;
}

export const deepLink = (code: string) => `https://wa.me/message/${code}`;

/** A customer's text that is an opt-in entry point's prefilled message grants consent (in the intake's transaction). */
export async function consentFromEntryPoint(
  suite: Suite,
  tx: Db,
  tenantId: string,
  phoneNumberId: string,
  waId: string,
  text: string,
): Promise<void> {
  const e = await tx
    .selectFrom("suite_entry_points")
    .select(["code", "source"])
    .where("tenant_id", "=", tenantId)
    .where("phone_number_id", "=", phoneNumberId)
    .where("opt_in", "=", 1)
    .where("prefilled_message", "=", text.trim())
    .executeTakeFirst();
  if (e)
    await saveContact(suite, tx, {
      tenantId,
      contact: { wa_id: waId, consent: "granted" },
      source: `${e.source}:${e.code}`,
    });
}

export function registerEntryPointRoutes(app: FastifyInstance, suite: Suite): void {
  app.get("/suite/api/entry-points", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const rows = await suite.db
      .selectFrom("suite_entry_points")
      .selectAll()
      .where("tenant_id", "=", user.tenant_id)
      .orderBy("created_at")
      .execute();
    return reply.send({
      data: rows.map((r) => ({
        code: r.code,
        phone_number_id: r.phone_number_id,
        prefilled_message: r.prefilled_message,
        opt_in: r.opt_in === 1,
        source: r.source,
        deep_link_url: deepLink(r.code),
      })),
    });
  });

  app.post("/suite/api/entry-points", async (req, reply) => {
    const { user } = await requireUser(suite, req, "entry-points.manage");
    const b = parseBody(entryPointRequest, req.body);
    return reply
      .code(201)
      .send(await makeEntryPoint(suite, { tenantId: user.tenant_id, spec: { ...b, source: "qr" } }));
  });

  app.delete<{ Params: { code: string } }>("/suite/api/entry-points/:code", async (req, reply) => {
    const { user } = await requireUser(suite, req, "entry-points.manage");
    // The widget's links are pasted into shops' pages: they go away with the widget's own settings.
    const inUse = await suite.db
      .selectFrom("suite_widgets")
      .select("public_id")
      .where("tenant_id", "=", user.tenant_id)
      .where((w) => w.or([w("plain_code", "=", req.params.code), w("opt_in_code", "=", req.params.code)]))
      .executeTakeFirst();
    if (inUse)
      throw new SuiteError(409, "in_use", "This code is the website widget's; change the widget's message instead.");
    if (!(await removeEntryPoint(suite, { tenantId: user.tenant_id, code: req.params.code })))
      throw notFound("Entry point");
    return reply.send({ ok: true });
  });
}
