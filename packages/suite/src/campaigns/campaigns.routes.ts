import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { requireUser } from "../auth/sessions";
import { SuiteError, notFound, parseBody } from "../errors";
import { newId } from "../ids";
import { toCsv } from "../reports/metrics";
import type { Suite } from "../suite";
import { tenantNumber } from "../tenant/tenant-number";
import { CAMPAIGN_DISPATCHER } from "./campaign-dispatcher";
import { approvedTemplate, numberFacts } from "./campaign-setup";
import { campaignProgress, presentCampaign } from "./campaign-progress";
import { campaignSpecSchema, type CampaignSpec } from "./campaign-spec";
import { estimateCampaign } from "./estimate";
import { materialiseRecipients } from "./materialise";
import { iso } from "../inbox/present";

// The campaigns API: define (a draft), estimate, send (the audience is fixed then), pause,
// resume, cancel; progress and per-recipient status, as JSON or CSV.

const LEADS = ["admin", "supervisor"] as const;
const recipientsQuery = z.strictObject({
  state: z
    .enum(["pending", "sending", "unconfirmed", "accepted", "sent", "delivered", "read", "failed", "cancelled"])
    .optional(),
  replied: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export function registerCampaignRoutes(app: FastifyInstance, suite: Suite): void {
  const currency = () => suite.rateCard?.currency ?? "USD";
  const own = async (tenantId: string, id: string) => {
    const c = await suite.db
      .selectFrom("suite_campaigns")
      .selectAll()
      .where("id", "=", id)
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst();
    if (!c) throw notFound("Campaign");
    return c;
  };
  const detail = async (id: string) => {
    const c = await suite.db.selectFrom("suite_campaigns").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    return {
      ...presentCampaign(c),
      progress: c.state === "draft" ? null : await campaignProgress(suite.db, c, suite.clock.now(), currency()),
    };
  };
  /** Checks a definition against the Cloud API: the number is the tenant's, the template approved with matching parameters. */
  const checked = async (tenantId: string, raw: unknown) => {
    const spec = parseBody(campaignSpecSchema, raw);
    const n = await tenantNumber(suite.db, tenantId, spec.phone_number_id);
    const template = await approvedTemplate(suite, spec, n);
    return { spec: { ...spec, phone_number_id: n.id } as CampaignSpec, n, template };
  };
  const move = async (id: string, from: string[], set: Record<string, unknown>) => {
    const r = await suite.db
      .updateTable("suite_campaigns")
      .set({ ...set, updated_at: suite.clock.now() })
      .where("id", "=", id)
      .where("state", "in", from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  };

  app.get("/suite/api/campaigns", async (req, reply) => {
    const { user } = await requireUser(suite, req, [...LEADS]);
    const rows = await suite.db
      .selectFrom("suite_campaigns")
      .selectAll()
      .where("tenant_id", "=", user.tenant_id)
      .orderBy("created_at", "desc")
      .limit(200)
      .execute();
    const now = suite.clock.now();
    return reply.send({
      data: await Promise.all(
        rows.map(async (c) => ({
          ...presentCampaign(c),
          progress: c.state === "draft" ? null : await campaignProgress(suite.db, c, now, currency()),
        })),
      ),
    });
  });

  app.post("/suite/api/campaigns", async (req, reply) => {
    const { user } = await requireUser(suite, req, [...LEADS]);
    const { spec, n, template } = await checked(user.tenant_id, req.body);
    const now = suite.clock.now();
    const id = newId();
    await suite.db
      .insertInto("suite_campaigns")
      .values({
        id,
        tenant_id: user.tenant_id,
        name: spec.name,
        phone_number_id: n.id,
        spec: JSON.stringify(spec),
        state: "draft",
        category: template.category,
        totals: null,
        hold_until: null,
        hold_reason: null,
        pause_reason: null,
        lease_owner: null,
        lease_until: null,
        created_by: user.id,
        created_at: now,
        updated_at: now,
        started_at: null,
        completed_at: null,
      })
      .execute();
    return reply.code(201).send(await detail(id));
  });

  // An estimate of a definition not saved yet (the console's form), or of a saved draft.
  app.post("/suite/api/campaigns/estimate", async (req, reply) => {
    const { user } = await requireUser(suite, req, [...LEADS]);
    const { spec, n, template } = await checked(user.tenant_id, req.body);
    return reply.send(await estimateCampaign(suite, user.tenant_id, spec, template, await numberFacts(suite, n)));
  });

  app.get<{ Params: { id: string } }>("/suite/api/campaigns/:id/estimate", async (req, reply) => {
    const { user } = await requireUser(suite, req, [...LEADS]);
    const c = await own(user.tenant_id, req.params.id);
    const { spec, n, template } = await checked(user.tenant_id, JSON.parse(c.spec));
    return reply.send(await estimateCampaign(suite, user.tenant_id, spec, template, await numberFacts(suite, n)));
  });

  app.get<{ Params: { id: string } }>("/suite/api/campaigns/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, [...LEADS]);
    await own(user.tenant_id, req.params.id);
    return reply.send(await detail(req.params.id));
  });

  app.put<{ Params: { id: string } }>("/suite/api/campaigns/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, [...LEADS]);
    await own(user.tenant_id, req.params.id);
    const { spec, n, template } = await checked(user.tenant_id, req.body);
    if (
      !(await move(req.params.id, ["draft"], {
        name: spec.name,
        phone_number_id: n.id,
        spec: JSON.stringify(spec),
        category: template.category,
      }))
    ) {
      throw new SuiteError(409, "invalid_transition", "Only a draft can be edited.");
    }
    return reply.send(await detail(req.params.id));
  });

  app.delete<{ Params: { id: string } }>("/suite/api/campaigns/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, [...LEADS]);
    const c = await own(user.tenant_id, req.params.id);
    if (!["draft", "completed", "cancelled"].includes(c.state))
      throw new SuiteError(409, "invalid_transition", "Cancel the campaign before deleting it.");
    await suite.db.transaction().execute(async (tx) => {
      await tx.deleteFrom("suite_campaign_recipients").where("campaign_id", "=", c.id).execute();
      await tx.deleteFrom("suite_campaigns").where("id", "=", c.id).execute();
    });
    return reply.send({ ok: true });
  });

  // Send: the template is checked again, the audience fixed into recipients, and the dispatcher woken.
  app.post<{ Params: { id: string } }>("/suite/api/campaigns/:id/send", async (req, reply) => {
    const { user } = await requireUser(suite, req, [...LEADS]);
    const c = await own(user.tenant_id, req.params.id);
    if (c.state !== "draft")
      throw new SuiteError(409, "invalid_transition", `A ${c.state} campaign cannot be sent again.`);
    const { spec, template } = await checked(user.tenant_id, JSON.parse(c.spec));
    if (!(await move(c.id, ["draft"], { state: "preparing", category: template.category })))
      throw new SuiteError(409, "invalid_transition", "The campaign is being sent already.");
    try {
      const totals = await materialiseRecipients(suite, c, spec, template.category);
      const first = await suite.db
        .selectFrom("suite_campaign_recipients")
        .select((e) => e.fn.min<number>("due_at").as("t"))
        .where("campaign_id", "=", c.id)
        .executeTakeFirst();
      const now = suite.clock.now();
      const state = !totals.recipients
        ? "completed"
        : first?.t != null && Number(first.t) > now
          ? "scheduled"
          : "running";
      const moved = await move(c.id, ["preparing"], {
        state,
        totals: JSON.stringify(totals),
        ...(state === "running" ? { started_at: now } : {}),
        ...(state === "completed" ? { completed_at: now } : {}),
      });
      // Cancelled while its audience was being fixed: what was written meanwhile goes nowhere.
      if (!moved)
        await suite.db
          .updateTable("suite_campaign_recipients")
          .set({ state: "cancelled", updated_at: now })
          .where("campaign_id", "=", c.id)
          .where("state", "=", "pending")
          .execute();
    } catch (err) {
      await suite.db.deleteFrom("suite_campaign_recipients").where("campaign_id", "=", c.id).execute();
      await move(c.id, ["preparing"], { state: "draft" });
      throw err;
    }
    suite.wake(CAMPAIGN_DISPATCHER);
    return reply.send(await detail(c.id));
  });

  app.post<{ Params: { id: string } }>("/suite/api/campaigns/:id/pause", async (req, reply) => {
    const { user } = await requireUser(suite, req, [...LEADS]);
    await own(user.tenant_id, req.params.id);
    if (
      !(await move(req.params.id, ["scheduled", "running"], {
        state: "paused",
        pause_reason: `paused by ${user.email}`,
      }))
    )
      throw new SuiteError(409, "invalid_transition", "Only a scheduled or running campaign can be paused.");
    return reply.send(await detail(req.params.id));
  });

  app.post<{ Params: { id: string } }>("/suite/api/campaigns/:id/resume", async (req, reply) => {
    const { user } = await requireUser(suite, req, [...LEADS]);
    await own(user.tenant_id, req.params.id);
    if (!(await move(req.params.id, ["paused"], { state: "running", pause_reason: null })))
      throw new SuiteError(409, "invalid_transition", "Only a paused campaign can be resumed.");
    suite.wake(CAMPAIGN_DISPATCHER);
    return reply.send(await detail(req.params.id));
  });

  app.post<{ Params: { id: string } }>("/suite/api/campaigns/:id/cancel", async (req, reply) => {
    const { user } = await requireUser(suite, req, [...LEADS]);
    const c = await own(user.tenant_id, req.params.id);
    const now = suite.clock.now();
    const done = await suite.db.transaction().execute(async (tx) => {
      const r = await tx
        .updateTable("suite_campaigns")
        .set({ state: "cancelled", completed_at: now, updated_at: now })
        .where("id", "=", c.id)
        .where("state", "in", ["draft", "preparing", "scheduled", "running", "paused"])
        .executeTakeFirst();
      if (!Number(r.numUpdatedRows)) return false;
      // What has not gone stays unsent; what is on its way is recorded as it answers.
      await tx
        .updateTable("suite_campaign_recipients")
        .set({ state: "cancelled", updated_at: now })
        .where("campaign_id", "=", c.id)
        .where("state", "=", "pending")
        .execute();
      return true;
    });
    if (!done) throw new SuiteError(409, "invalid_transition", `A ${c.state} campaign cannot be cancelled.`);
    return reply.send(await detail(c.id));
  });

  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
    "/suite/api/campaigns/:id/recipients",
    async (req, reply) => {
      const { user } = await requireUser(suite, req, [...LEADS]);
      await own(user.tenant_id, req.params.id);
      const q = parseBody(recipientsQuery, req.query);
      let rows = suite.db.selectFrom("suite_campaign_recipients").selectAll().where("campaign_id", "=", req.params.id);
      if (q.state) rows = rows.where("state", "=", q.state);
      if (q.replied) rows = rows.where("replied_at", q.replied === "true" ? "is not" : "is", null);
      const list = await rows.orderBy("seq").limit(q.limit).offset(q.offset).execute();
      return reply.send({ data: list.map(presentRecipient) });
    },
  );

  app.get<{ Params: { id: string } }>("/suite/api/campaigns/:id/recipients.csv", async (req, reply) => {
    const { user } = await requireUser(suite, req, [...LEADS]);
    const c = await own(user.tenant_id, req.params.id);
    const list = await suite.db
      .selectFrom("suite_campaign_recipients")
      .selectAll()
      .where("campaign_id", "=", c.id)
      .orderBy("seq")
      .limit(200_000)
      .execute();
    const flat = list.map((r) => {
      const p = presentRecipient(r);
      return {
        ...p,
        error: p.error ? `${p.error.code ?? ""} ${p.error.title ?? p.error.retry ?? ""}`.trim() : "",
        cost: p.cost ?? "",
      };
    });
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="campaign-${c.id}.csv"`)
      .send(toCsv(flat as any) || "phone,state\n");
  });
}

function presentRecipient(r: {
  seq: number;
  wa_id: string;
  country: string;
  state: string;
  message_id: string | null;
  error: string | null;
  cost_micros: number | null;
  due_at: number;
  sent_at: number | null;
  delivered_at: number | null;
  read_at: number | null;
  replied_at: number | null;
  opted_out_at: number | null;
}) {
  return {
    seq: r.seq,
    phone: `+${r.wa_id}`,
    country: r.country,
    state: r.state,
    message_id: r.message_id,
    error: r.error ? JSON.parse(r.error) : null,
    cost: r.cost_micros === null ? null : r.cost_micros / 1e6,
    due_at: iso(r.due_at),
    sent_at: iso(r.sent_at),
    delivered_at: iso(r.delivered_at),
    read_at: iso(r.read_at),
    replied_at: iso(r.replied_at),
    opted_out_at: iso(r.opted_out_at),
  };
}
