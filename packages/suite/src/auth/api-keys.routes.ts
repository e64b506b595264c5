import type { FastifyInstance } from "fastify";
import { apiKeyRequest } from "@openwaba/contracts/suite";
import { parseBody } from "../errors";
import type { Suite } from "../suite";
import { createApiKey, revokeApiKey } from "./commands/api-keys";
import { requireUser } from "./sessions";

// API keys for the business's own systems (events that start flows, campaigns from a script) and
// the command line: `Authorization: Bearer owk_…`. A key acts as the admin who made it; the key
// itself is shown once, only its hash is kept.

/** A key never makes, lists or revokes keys: a leaked one cannot make itself a successor. */
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
    const { user } = await requireUser(suite, req, "api-keys.manage");
    const rows = await suite.db
      .selectFrom("suite_api_keys")
      .selectAll()
      .where("tenant_id", "=", user.tenant_id)
      .orderBy("created_at", "desc")
      .execute();
    return reply.send({ data: rows.map(present) });
  });

  app.post("/suite/api/api-keys", async (req, reply) => {
    const { user } = await requireUser(suite, req, "api-keys.manage");
    const b = parseBody(apiKeyRequest, req.body);
    const { row, key } = await createApiKey(suite, suite.db, {
      tenantId: user.tenant_id,
      userId: user.id,
      name: b.name,
    });
    return reply.code(201).send({ ...present(row), key });
  });

  app.delete<{ Params: { id: string } }>("/suite/api/api-keys/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "api-keys.manage");
    await revokeApiKey(suite, suite.db, { tenantId: user.tenant_id, keyId: req.params.id });
    return reply.send({ ok: true });
  });
}
