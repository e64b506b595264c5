import type { FastifyInstance } from "fastify";
import { may } from "../auth/policies";
import { z } from "zod";
import { normaliseNumber } from "@openwaba/contracts";
import { requireUser } from "../auth/sessions";
import { SuiteError, notFound, parseBody } from "../errors";
import { visibleConversation } from "../inbox/visible-conversation";
import { tenantNumber } from "../tenant/tenant-number";
import { tenantTransaction, suiteTransaction } from "../unit-of-work";
import type { Suite } from "../suite";
import { flowDocument, liveFlows } from "./flow-catalog";
import { autoMessagesSchema } from "./flow-intake";
import { launchFlow, type Launch } from "./flow-launch";
import { checkTenantReferences, checkedDocument, ownFlow } from "./flow-store";
import { createFlow } from "./commands/create-flow";
import { deleteFlow } from "./commands/delete-flow";
import { giveBackToPeople } from "./commands/give-back-to-people";
import { publishFlowVersion } from "./commands/publish-flow-version";
import { saveFlowVersion } from "./commands/save-flow-version";
import { setFlowEnabled } from "./commands/set-flow-enabled";
import { iso } from "../inbox/present";
import { saveTenantSettings } from "../tenant/commands/save-tenant-settings";

// The flows API: versioned documents (create, save, publish, enable, import/export as files),
// runs with their traces, events from the business's own systems that start flows, and the
// greeting and away messages.

const withDocument = z.strictObject({ document: z.unknown(), publish: z.boolean().optional() });
const patch = z.strictObject({ enabled: z.boolean() });
const versionNumber = z.coerce.number().int().min(1).max(2_147_483_647);
const publish = z.strictObject({ version: versionNumber.optional() });
const runsQuery = z.strictObject({
  state: z.enum(["active", "completed", "handed_over", "stopped", "expired", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const event = z.strictObject({
  event: z.string().regex(/^[A-Za-z0-9_.:-]{1,60}$/),
  phone: z.string().min(3).max(40),
  name: z.string().trim().min(1).max(120).optional(),
  phone_number_id: z.string().max(40).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  default_country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
const manual = z.strictObject({ flow_id: z.string().min(1) });

export function registerFlowRoutes(app: FastifyInstance, suite: Suite): void {
  app.get("/suite/api/flows", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const flows = await suite.db
      .selectFrom("suite_flows")
      .selectAll()
      .where("tenant_id", "=", user.tenant_id)
      .orderBy("created_at")
      .execute();
    const counts = await suite.db
      .selectFrom("suite_flow_runs")
      .select(["flow_id", "state"])
      .select((e) => e.fn.countAll<number>().as("n"))
      .where("tenant_id", "=", user.tenant_id)
      .groupBy(["flow_id", "state"])
      .execute();
    return reply.send({
      data: flows.map((f) => ({
        id: f.id,
        name: f.name,
        enabled: f.enabled === 1,
        trigger_type: f.trigger_type,
        live_version: f.live_version,
        latest_version: f.latest_version,
        next_fire_at: iso(f.next_fire_at),
        updated_at: iso(f.updated_at),
        runs: Object.fromEntries(counts.filter((c) => c.flow_id === f.id).map((c) => [c.state, Number(c.n)])),
      })),
    });
  });

  app.post("/suite/api/flows", async (req, reply) => {
    const { user } = await requireUser(suite, req, "flows.manage");
    const b = parseBody(withDocument, req.body);
    const { document, warnings } = checkedDocument(b.document);
    await checkTenantReferences(suite.db, user.tenant_id, document);
    const id = await suiteTransaction(suite, async (tx) => {
      const id = await createFlow(suite, tx, { tenantId: user.tenant_id, userId: user.id, document });
      if (b.publish) await publishFlowVersion(suite, tx, { flowId: id, version: 1 });
      return id;
    });
    return reply.code(201).send({ ...(await present(id)), warnings });
  });

  // Import: the exported file as it is; a new flow, or (?flow_id=) the next version of one.
  app.post<{ Querystring: Record<string, string> }>("/suite/api/flows/import", async (req, reply) => {
    const { user } = await requireUser(suite, req, "flows.manage");
    const q = parseBody(
      z.strictObject({ flow_id: z.string().optional(), publish: z.enum(["true", "false"]).optional() }),
      req.query,
    );
    const { document, warnings } = checkedDocument(req.body);
    await checkTenantReferences(suite.db, user.tenant_id, document);
    if (q.flow_id) await ownFlow(suite.db, user.tenant_id, q.flow_id);
    const id = await suiteTransaction(suite, async (tx) => {
      const id = q.flow_id ?? (await createFlow(suite, tx, { tenantId: user.tenant_id, userId: user.id, document }));
      const version = q.flow_id ? await saveFlowVersion(suite, tx, { flowId: id, userId: user.id, document }) : 1;
      if (q.publish === "true") await publishFlowVersion(suite, tx, { flowId: id, version });
      return id;
    });
    return reply.code(q.flow_id ? 200 : 201).send({ ...(await present(id)), warnings });
  });

  // A document may hold the business's secrets (an HTTP node's Authorization header): leads only.
  app.get<{ Params: { id: string } }>("/suite/api/flows/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "flows.manage");
    await ownFlow(suite.db, user.tenant_id, req.params.id);
    const versions = await suite.db
      .selectFrom("suite_flow_versions")
      .select(["version", "created_by", "created_at"])
      .where("flow_id", "=", req.params.id)
      .orderBy("version", "desc")
      .execute();
    return reply.send({
      ...(await present(req.params.id)),
      versions: versions.map((v) => ({ ...v, created_at: iso(v.created_at) })),
    });
  });

  app.put<{ Params: { id: string } }>("/suite/api/flows/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "flows.manage");
    await ownFlow(suite.db, user.tenant_id, req.params.id);
    const b = parseBody(withDocument, req.body);
    const { document, warnings } = checkedDocument(b.document);
    await checkTenantReferences(suite.db, user.tenant_id, document);
    await suiteTransaction(suite, async (tx) => {
      const v = await saveFlowVersion(suite, tx, { flowId: req.params.id, userId: user.id, document });
      if (b.publish) await publishFlowVersion(suite, tx, { flowId: req.params.id, version: v });
    });
    return reply.send({ ...(await present(req.params.id)), warnings });
  });

  app.patch<{ Params: { id: string } }>("/suite/api/flows/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "flows.manage");
    await ownFlow(suite.db, user.tenant_id, req.params.id);
    const b = parseBody(patch, req.body);
    await suiteTransaction(suite, (tx) => setFlowEnabled(suite, tx, { flowId: req.params.id, enabled: b.enabled }));
    return reply.send(await present(req.params.id));
  });

  app.post<{ Params: { id: string } }>("/suite/api/flows/:id/publish", async (req, reply) => {
    const { user } = await requireUser(suite, req, "flows.manage");
    const f = await ownFlow(suite.db, user.tenant_id, req.params.id);
    const b = parseBody(publish, req.body ?? {});
    await suiteTransaction(suite, (tx) =>
      publishFlowVersion(suite, tx, { flowId: f.id, version: b.version ?? f.latest_version }),
    );
    return reply.send(await present(f.id));
  });

  app.delete<{ Params: { id: string } }>("/suite/api/flows/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "flows.manage");
    const f = await ownFlow(suite.db, user.tenant_id, req.params.id);
    // Its active runs stop first (their conversations go back to people), then the flow goes.
    await tenantTransaction(suite, user.tenant_id, (tx) => deleteFlow(suite, tx, { flowId: f.id, actorId: user.id }));
    return reply.send({ ok: true });
  });

  app.get<{ Params: { id: string; version: string } }>("/suite/api/flows/:id/versions/:version", async (req, reply) => {
    const { user } = await requireUser(suite, req, "flows.manage");
    await ownFlow(suite.db, user.tenant_id, req.params.id);
    const version = versionNumber.safeParse(req.params.version);
    const doc = version.success
      ? await flowDocument(suite, suite.db, { flowId: req.params.id, version: version.data })
      : null;
    if (!doc) throw notFound("Version");
    return reply.send({ version: version.data, document: doc });
  });

  // Export: the document as a file (the latest version, or ?version=).
  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
    "/suite/api/flows/:id/export",
    async (req, reply) => {
      const { user } = await requireUser(suite, req, "flows.manage");
      const f = await ownFlow(suite.db, user.tenant_id, req.params.id);
      const version = req.query.version
        ? versionNumber.safeParse(req.query.version)
        : { success: true as const, data: f.latest_version };
      const doc = version.success ? await flowDocument(suite, suite.db, { flowId: f.id, version: version.data }) : null;
      if (!doc) throw notFound("Version");
      const file = `${
        f.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "") || "flow"
      }.flow.json`;
      return reply
        .type("application/json")
        .header("content-disposition", `attachment; filename="${file}"`)
        .send(JSON.stringify(doc, null, 2));
    },
  );

  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
    "/suite/api/flows/:id/runs",
    async (req, reply) => {
      const { user } = await requireUser(suite, req);
      await ownFlow(suite.db, user.tenant_id, req.params.id);
      const q = parseBody(runsQuery, req.query);
      let rows = suite.db.selectFrom("suite_flow_runs").selectAll().where("flow_id", "=", req.params.id);
      if (q.state) rows = rows.where("state", "=", q.state);
      return reply.send({ data: (await rows.orderBy("started_at", "desc").limit(q.limit).execute()).map(presentRun) });
    },
  );

  app.get<{ Params: { id: string } }>("/suite/api/flow-runs/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const run = await suite.db
      .selectFrom("suite_flow_runs")
      .selectAll()
      .where("id", "=", req.params.id)
      .where("tenant_id", "=", user.tenant_id)
      .executeTakeFirst();
    if (!run) throw notFound("Run");
    // An agent sees the traces of conversations they may see; what the bot gathered (answers, the
    // business system's replies) only leads do.
    await visibleConversation(suite.db, user, run.conversation_id);
    const lead = may(user, "flow-runs.inspect");
    const steps = await suite.db
      .selectFrom("suite_flow_steps")
      .selectAll()
      .where("run_id", "=", run.id)
      .orderBy("seq")
      .limit(2000)
      .execute();
    const flow = await suite.db
      .selectFrom("suite_flows")
      .select("name")
      .where("id", "=", run.flow_id)
      .executeTakeFirst();
    return reply.send({
      ...presentRun(run),
      flow_name: flow?.name ?? null,
      vars: lead ? JSON.parse(run.vars) : null,
      steps: steps.map((s) => ({
        seq: s.seq,
        node: s.node,
        kind: s.kind,
        detail: JSON.parse(s.detail),
        at: iso(s.at),
      })),
    });
  });

  app.post<{ Params: { id: string } }>("/suite/api/flow-runs/:id/stop", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const run = await suite.db
      .selectFrom("suite_flow_runs")
      .select(["id", "conversation_id", "tenant_id"])
      .where("id", "=", req.params.id)
      .where("tenant_id", "=", user.tenant_id)
      .executeTakeFirst();
    if (!run) throw notFound("Run");
    await visibleConversation(suite.db, user, run.conversation_id);
    const stopped = await tenantTransaction(suite, user.tenant_id, (tx) =>
      giveBackToPeople(suite, tx, { run, state: "stopped", reason: `stopped by ${user.email}`, actorId: user.id }),
    );
    if (!stopped) throw new SuiteError(409, "run_ended", "This run has ended already.");
    return reply.send({ ok: true });
  });

  // An agent hands the conversation to a flow (a survey, a form) from the inbox.
  app.post<{ Params: { id: string } }>("/suite/api/conversations/:id/flow", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    const b = parseBody(manual, req.body);
    const flow = (await liveFlows(suite, suite.db, { tenantId: user.tenant_id })).find((f) => f.id === b.flow_id);
    if (!flow)
      throw new SuiteError(400, "invalid_request", "flow_id: no published, enabled flow of this tenant has that id.", {
        field: "flow_id",
      });
    const r = await tenantTransaction(suite, user.tenant_id, (tx) =>
      launchFlow(suite, tx, flow, {
        tenantId: user.tenant_id,
        waId: c.wa_id,
        phoneNumberId: c.phone_number_id,
        trigger: { type: "manual", by: user.id },
      }),
    );
    if ("skipped" in r) throw new SuiteError(409, "run_active", `The flow did not start: ${r.skipped}.`);
    return reply.code(201).send(r);
  });

  // An event from the business's own system ("order_shipped" for +48…) starts the flows that wait for it.
  app.post("/suite/api/flows/events", async (req, reply) => {
    const { user } = await requireUser(suite, req, "flows.manage");
    const b = parseBody(event, req.body);
    const waId = normaliseNumber(b.phone, b.default_country);
    if (!waId)
      throw new SuiteError(
        400,
        "invalid_request",
        `phone: "${b.phone}" is not a valid phone number (write it with + and the country code).`,
        { field: "phone" },
      );
    if (b.phone_number_id) await tenantNumber(suite.db, user.tenant_id, b.phone_number_id);
    const flows = (await liveFlows(suite, suite.db, { tenantId: user.tenant_id, triggerTypes: ["event"] })).filter(
      (f) => f.trigger.type === "event" && f.trigger.event === b.event,
    );
    const results: Launch[] = await tenantTransaction(suite, user.tenant_id, async (tx) => {
      const out: Launch[] = [];
      for (const flow of flows)
        out.push(
          await launchFlow(suite, tx, flow, {
            tenantId: user.tenant_id,
            waId,
            phoneNumberId: b.phone_number_id,
            name: b.name,
            trigger: { type: "event", event: b.event },
            event: b.data ?? {},
          }),
        );
      return out;
    });
    return reply.code(202).send({
      event: b.event,
      wa_id: waId,
      started: results.filter((r) => "run_id" in r),
      skipped: results.filter((r) => "skipped" in r),
    });
  });

  app.get("/suite/api/settings/auto-messages", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const t = await suite.db
      .selectFrom("suite_tenants")
      .select("settings")
      .where("id", "=", user.tenant_id)
      .executeTakeFirstOrThrow();
    return reply.send(JSON.parse(t.settings).auto_messages ?? {});
  });

  app.put("/suite/api/settings/auto-messages", async (req, reply) => {
    const { user } = await requireUser(suite, req, "flows.manage");
    const b = parseBody(autoMessagesSchema, req.body);
    await saveTenantSettings(suite.db, { tenantId: user.tenant_id, change: () => ({ auto_messages: b }) });
    return reply.send(b);
  });

  async function present(id: string) {
    const f = await suite.db.selectFrom("suite_flows").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const document = await flowDocument(suite, suite.db, { flowId: f.id, version: f.latest_version });
    return {
      id: f.id,
      name: f.name,
      enabled: f.enabled === 1,
      trigger_type: f.trigger_type,
      live_version: f.live_version,
      latest_version: f.latest_version,
      next_fire_at: iso(f.next_fire_at),
      created_at: iso(f.created_at),
      updated_at: iso(f.updated_at),
      document,
    };
  }
}

function presentRun(r: {
  id: string;
  flow_id: string;
  flow_version: number;
  conversation_id: string;
  wa_id: string;
  state: string;
  node: string;
  waiting: string | null;
  wait_until: number | null;
  started_at: number;
  updated_at: number;
  ended_at: number | null;
  end_reason: string | null;
  trigger: string;
}) {
  return {
    id: r.id,
    flow_id: r.flow_id,
    flow_version: r.flow_version,
    conversation_id: r.conversation_id,
    wa_id: r.wa_id,
    state: r.state,
    node: r.node,
    waiting: r.waiting,
    wait_until: iso(r.wait_until),
    trigger: JSON.parse(r.trigger),
    started_at: iso(r.started_at),
    updated_at: iso(r.updated_at),
    ended_at: iso(r.ended_at),
    end_reason: r.end_reason,
  };
}
