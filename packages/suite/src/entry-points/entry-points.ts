import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "@openwaba/store";
import { requireUser } from "../auth/sessions";
import { PlatformCallError } from "../client/platform-client";
import { SuiteError, notFound, parseBody } from "../errors";
import type { Suite } from "../suite";
import { saveContact } from "../contacts/contacts-store";

// Consent entry points (issue #5 item 5): QR codes and wa.me links made through the Cloud API
// (message_qrdls). One marked opt-in grants marketing consent to the customer who sends its
// prefilled message, with the code as the consent's source.

const create = z.strictObject({
  phone_number_id: z.string().min(1).optional(), prefilled_message: z.string().trim().min(1).max(140),
  opt_in: z.boolean().default(false), format: z.enum(["SVG", "PNG"]).default("PNG"),
});

/** A customer's text that is an opt-in entry point's prefilled message grants consent (in the intake's transaction). */
export async function consentFromEntryPoint(suite: Suite, tx: Db, tenantId: string, phoneNumberId: string, waId: string, text: string): Promise<void> {
  const e = await tx.selectFrom("suite_entry_points").select(["code"]).where("tenant_id", "=", tenantId).where("phone_number_id", "=", phoneNumberId)
    .where("opt_in", "=", 1).where("prefilled_message", "=", text.trim()).executeTakeFirst();
  if (e) await saveContact(suite, tx, tenantId, { wa_id: waId, consent: "granted" }, `qr:${e.code}`);
}

export function registerEntryPointRoutes(app: FastifyInstance, suite: Suite): void {
  app.get("/suite/api/entry-points", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const rows = await suite.db.selectFrom("suite_entry_points").selectAll().where("tenant_id", "=", user.tenant_id).orderBy("created_at").execute();
    return reply.send({ data: rows.map((r) => ({ code: r.code, phone_number_id: r.phone_number_id, prefilled_message: r.prefilled_message, opt_in: r.opt_in === 1, deep_link_url: `https://wa.me/message/${r.code}` })) });
  });

  app.post("/suite/api/entry-points", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    const b = parseBody(create, req.body);
    let q = suite.db.selectFrom("suite_numbers").select(["id", "connection_id"]).where("tenant_id", "=", user.tenant_id);
    if (b.phone_number_id) q = q.where("id", "=", b.phone_number_id);
    const number = await q.orderBy("id").executeTakeFirst();
    if (!number) throw new SuiteError(400, "invalid_request", "phone_number_id: not a number of this tenant.", { field: "phone_number_id" });
    let qr;
    try { qr = await (await suite.client(number.connection_id)).createQrCode(number.id, b.prefilled_message, b.format); } catch (err) {
      if (err instanceof PlatformCallError) throw new SuiteError(422, "platform_refused", err.message, { graph: err.graph });
      throw err;
    }
    await suite.db.insertInto("suite_entry_points").values({ code: qr.code, tenant_id: user.tenant_id, phone_number_id: number.id, prefilled_message: qr.prefilled_message, opt_in: b.opt_in ? 1 : 0, created_at: suite.clock.now() }).execute();
    return reply.code(201).send({ ...qr, phone_number_id: number.id, opt_in: b.opt_in });
  });

  app.delete<{ Params: { code: string } }>("/suite/api/entry-points/:code", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    const e = await suite.db.selectFrom("suite_entry_points").innerJoin("suite_numbers", "suite_numbers.id", "suite_entry_points.phone_number_id")
      .select(["suite_entry_points.code", "suite_numbers.id as phone", "suite_numbers.connection_id"]).where("suite_entry_points.code", "=", req.params.code).where("suite_entry_points.tenant_id", "=", user.tenant_id).executeTakeFirst();
    if (!e) throw notFound("Entry point");
    try {
      await (await suite.client(e.connection_id)).deleteQrCode(e.phone, e.code);
    } catch (err) {
      // Gone there already is fine; anything else leaves both as they are.
      const unknown = err instanceof PlatformCallError && err.graph.code === 100 && err.graph.error_subcode === 33;
      if (!unknown) throw new SuiteError(502, "platform_refused", `The QR code could not be deleted: ${(err as Error).message}`);
    }
    await suite.db.deleteFrom("suite_entry_points").where("code", "=", e.code).execute();
    return reply.send({ ok: true });
  });
}
