import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { requireUser } from "../auth/sessions";
import { PlatformCallError } from "../client/platform-client";
import { SuiteError, notFound } from "../errors";
import type { Suite } from "../suite";
import { visibleConversation } from "./visible-conversation";

const MAX_UPLOAD = 16 * 1024 * 1024;

/**
 * Media in both directions for the console: a customer's media (or our own) is fetched through
 * the Cloud API for the agents who may see its conversation; an agent's file is uploaded to the
 * Cloud API for the conversation's number and then sent by id.
 */
export function registerMediaRoutes(app: FastifyInstance, suite: Suite): void {
  app.get<{ Params: { id: string } }>("/suite/api/media/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    if (!/^\d{1,32}$/.test(req.params.id)) throw notFound("Media");
    // Only media that appears in a conversation this user may see.
    const m = await suite.db
      .selectFrom("suite_messages")
      .innerJoin("suite_conversations", "suite_conversations.id", "suite_messages.conversation_id")
      .select(["suite_messages.conversation_id"])
      .where("suite_conversations.tenant_id", "=", user.tenant_id)
      .where(sql<boolean>`suite_messages.content like ${`%"id":"${req.params.id}"%`}`)
      .limit(1)
      .executeTakeFirst();
    if (!m) throw notFound("Media");
    const c = await visibleConversation(suite.db, user, m.conversation_id);
    const conn = await suite.db
      .selectFrom("suite_numbers")
      .select("connection_id")
      .where("id", "=", c.phone_number_id)
      .executeTakeFirstOrThrow();
    try {
      const media = await (await suite.client(conn.connection_id)).downloadMedia(req.params.id);
      return reply
        .type(media.mime)
        .header("cache-control", "private, max-age=300")
        .send(Readable.fromWeb(media.body as any));
    } catch (err) {
      if (err instanceof PlatformCallError)
        throw new SuiteError(502, "platform_refused", err.message, { graph: err.graph });
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>("/suite/api/conversations/:id/media", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    const file = await (req as any).file?.({ limits: { fileSize: MAX_UPLOAD } });
    if (!file)
      throw new SuiteError(400, "invalid_request", "Send the file as multipart/form-data in a field named file.", {
        field: "file",
      });
    const bytes: Buffer = await file.toBuffer().catch(() => {
      throw new SuiteError(
        413,
        "too_large",
        `Files up to ${MAX_UPLOAD / 1024 / 1024} MB can be sent from the console.`,
      );
    });
    const conn = await suite.db
      .selectFrom("suite_numbers")
      .select("connection_id")
      .where("id", "=", c.phone_number_id)
      .executeTakeFirstOrThrow();
    try {
      const id = await (await suite.client(conn.connection_id)).uploadMedia(c.phone_number_id, {
        bytes,
        mime: file.mimetype,
        filename: file.filename,
      });
      return reply.code(201).send({ id, mime_type: file.mimetype, filename: file.filename });
    } catch (err) {
      if (err instanceof PlatformCallError)
        throw new SuiteError(422, "platform_refused", err.message, { graph: err.graph });
      throw err;
    }
  });
}
