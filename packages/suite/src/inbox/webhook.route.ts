import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { SuiteError } from "../errors";
import type { Suite } from "../suite";
import { applyMessagesChange, type MessagesValue } from "./intake";
import { applyEchoes, type EchoesValue } from "./echoes";
import { applyPreferences, type PreferencesValue } from "./preferences";
import { recordAlert } from "../alerts/commands/record-alert";
import { tenantTransaction } from "../unit-of-work";

/**
 * The suite's webhook endpoint for one connection: the Cloud API's handshake (GET) and its signed
 * events (POST), exactly as a business receives them from Meta; an answer other than 200 makes
 * the platform retry.
 */
export function registerWebhookRoute(app: FastifyInstance, suite: Suite): void {
  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
    "/suite/webhooks/:id",
    async (req, reply) => {
      const c = await suite.db
        .selectFrom("suite_connections")
        .select("verify_token")
        .where("id", "=", req.params.id)
        .executeTakeFirst();
      if (!c || req.query["hub.mode"] !== "subscribe" || req.query["hub.verify_token"] !== c.verify_token)
        throw new SuiteError(403, "forbidden", "Verification failed.");
      return reply.type("text/plain").send(req.query["hub.challenge"] ?? "");
    },
  );

  app.post<{ Params: { id: string } }>("/suite/webhooks/:id", async (req, reply) => {
    const c = await suite.db
      .selectFrom("suite_connections")
      .select(["tenant_id", "app_secret"])
      .where("id", "=", req.params.id)
      .executeTakeFirst();
    if (!c) throw new SuiteError(404, "not_found", "No such connection.");
    const raw = (req as { rawBody?: Buffer }).rawBody;
    const sig = String(req.headers["x-hub-signature-256"] ?? "").replace(/^sha256=/, "");
    const want = createHmac("sha256", c.app_secret)
      .update(raw ?? Buffer.alloc(0))
      .digest();
    const got = Buffer.from(sig, "hex");
    if (!raw || got.length !== want.length || !timingSafeEqual(got, want))
      throw new SuiteError(401, "bad_signature", "X-Hub-Signature-256 does not match the body.");
    const body = req.body as { entry?: { changes?: { field: string; value: unknown }[] }[] };
    // Each change in a transaction of its own, announced as soon as it commits: the first customer
    // of a large batch does not wait for the last. A failure answers 500 and the platform retries
    // the batch; what was applied is recognised and skipped (message ids, forward-only ticks).
    for (const entry of body.entry ?? [])
      for (const change of entry.changes ?? []) {
        await tenantTransaction(suite, c.tenant_id, async (tx) => {
          if (change.field === "messages")
            await applyMessagesChange(suite, tx, c.tenant_id, change.value as MessagesValue);
          else if (change.field === "smb_message_echoes")
            await applyEchoes(suite, tx, c.tenant_id, change.value as EchoesValue);
          else if (change.field === "user_preferences")
            await applyPreferences(suite, tx, c.tenant_id, change.value as PreferencesValue);
          else
            await recordAlert(suite, tx, {
              tenantId: c.tenant_id,
              field: change.field,
              value: change.value as Record<string, unknown>,
            });
        });
      }
    return reply.send({ ok: true });
  });
}
