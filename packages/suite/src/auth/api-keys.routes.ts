import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { notFound, parseBody } from "../errors";
import { newId, randomSecret } from "../ids";
import type { Suite } from "../suite";
import { hashApiKey, requireUser } from "./sessions";

// API keys for the business's own systems (events that start flows, campaigns from a script) and
// the command line: `Authorization: Bearer owk_…`. A key acts as the admin who made it; the key
// itself is shown once, only its hash is kept.

const create = z.strictObject({ name: z.string().trim().min(1).max(80) });
/** A key never makes, lists or revokes keys: a leaked one cannot make itself a successor. */
const SESSION_ONLY = { sessionOnly: true };
const present = (k: {
  id: string;
  name: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  created_at: new Date(k.created_at).toISOString(),
  last_used_at: k.last_used_at === null ? null : new Date(k.last_used_at).toISOString(),
  revoked: k.revoked_at !== null,
});

export function registerApiKeyRoutes(app: FastifyInstance, suite: Suite): void {
  app.get("/suite/api/api-keys", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin"], SESSION_ONLY);
    const rows = await suite.db
      .selectFrom("suite_api_keys")
      .selectAll()
      .where("tenant_id", "=", user.tenant_id)
      .orderBy("created_at", "desc")
      .execute();
    return reply.send({ data: rows.map(present) });
  });

  app.post("/suite/api/api-keys", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin"], SESSION_ONLY);
    const b = parseBody(create, req.body);
    const key = `owk_${randomSecret(30)}`;
    const row = {
      id: newId(),
      tenant_id: user.tenant_id,
      user_id: user.id,
      name: b.name,
      key_hash: hashApiKey(key),
      prefix: key.slice(0, 10),
      created_at: suite.securityClock.now(),
      last_used_at: null,
      revoked_at: null,
    };
    await suite.db.insertInto("suite_api_keys").values(row).execute();
    return reply.code(201).send({ ...present(row), key });
  });

  app.delete<{ Params: { id: string } }>("/suite/api/api-keys/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin"], SESSION_ONLY);
    const r = await suite.db
      .updateTable("suite_api_keys")
      .set({ revoked_at: suite.securityClock.now() })
      .where("id", "=", req.params.id)
      .where("tenant_id", "=", user.tenant_id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw notFound("API key");
    return reply.send({ ok: true });
  });
}
