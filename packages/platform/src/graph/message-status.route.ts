import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { GraphError, parseParams, webhookError } from "@openwaba/contracts";
import type { Platform } from "../platform";
import { authenticate } from "./graph-request";

const listQuery = z.strictObject({
  phone_number_id: z.string().max(32).optional(),
  wa_id: z
    .string()
    .regex(/^\d{5,20}$/, "wa_id must be digits")
    .optional(),
  direction: z.enum(["in", "out"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  access_token: z.string().optional(),
});

type Row = {
  id: string;
  phone_number_id: string;
  wa_id: string;
  direction: string;
  type: string;
  status: string;
  error_code: number | null;
  pricing_category: string | null;
  created_at: number | string;
  updated_at: number | string;
};

const present = (m: Row) => ({
  id: m.id,
  phone_number_id: m.phone_number_id,
  wa_id: m.wa_id,
  direction: m.direction,
  type: m.type,
  status: m.status,
  errors: m.error_code ? [webhookError(m.error_code)] : [],
  pricing_category: m.pricing_category,
  created_at: new Date(Number(m.created_at)).toISOString(),
  updated_at: new Date(Number(m.updated_at)).toISOString(),
});

/**
 * OpenWABA's extension (Meta answers a message's fate only by webhook): a message's current
 * status and, once failed, its error code with the catalog's title and details (131047,
 * 131026…; a details text written for one message, such as 131053's media id, is not kept), so a
 * developer can see it without writing a receiver. Only the token's WABA's messages.
 */
export function registerMessageStatusRoutes(app: FastifyInstance, platform: Platform): void {
  const columns = [
    "messages.id",
    "messages.phone_number_id",
    "messages.wa_id",
    "messages.direction",
    "messages.type",
    "messages.status",
    "messages.error_code",
    "messages.pricing_category",
    "messages.created_at",
    "messages.updated_at",
  ] as const;

  app.get<{ Params: { id: string } }>("/openwaba/messages/:id", async (req, reply) => {
    const p = await authenticate(platform, req);
    const m = await platform.db
      .selectFrom("messages")
      .innerJoin("phone_numbers", "phone_numbers.id", "messages.phone_number_id")
      .select(columns)
      .where("messages.id", "=", req.params.id)
      .where("phone_numbers.waba_id", "=", p.wabaId)
      .executeTakeFirst();
    if (!m) throw new GraphError(100, `No message ${req.params.id} on this WABA's numbers.`, { http: 404 });
    return reply.send(present(m as Row));
  });

  app.get("/openwaba/messages", async (req, reply) => {
    const p = await authenticate(platform, req);
    const q = parseParams(listQuery, req.query ?? {});
    let sel = platform.db
      .selectFrom("messages")
      .innerJoin("phone_numbers", "phone_numbers.id", "messages.phone_number_id")
      .select(columns)
      .where("phone_numbers.waba_id", "=", p.wabaId);
    if (q.phone_number_id) sel = sel.where("messages.phone_number_id", "=", q.phone_number_id);
    if (q.wa_id) sel = sel.where("messages.wa_id", "=", q.wa_id);
    if (q.direction) sel = sel.where("messages.direction", "=", q.direction);
    const rows = await sel
      .orderBy("messages.created_at", "desc")
      .limit(q.limit ?? 50)
      .execute();
    return reply.send({ data: rows.map((r) => present(r as Row)) });
  });
}
