import type { FastifyInstance } from "fastify";
import { suiteTransaction } from "../unit-of-work";
import { z } from "zod";
import { requireUser } from "../auth/sessions";
import { SuiteError, notFound, parseBody } from "../errors";
import { toCsv } from "../reports/metrics";
import type { Suite } from "../suite";
import { checkDefinition } from "./campaign-definition";
import { campaignProgress, presentCampaign } from "./campaign-progress";
import { numberFacts } from "./campaign-setup";
import { cancelCampaign } from "./commands/cancel-campaign";
import { createDraft } from "./commands/create-draft";
import { deleteCampaign } from "./commands/delete-campaign";
import { pauseCampaign } from "./commands/pause-campaign";
import { resumeCampaign } from "./commands/resume-campaign";
import { sendCampaign } from "./commands/send-campaign";
import { updateDraft } from "./commands/update-draft";
import { estimateCampaign } from "./estimate";
import { RECIPIENT_STATES } from "./recipient-state";
import { iso } from "../inbox/present";

// The campaigns API: define (a draft), estimate, send (the audience is fixed then), pause,
// resume, cancel; progress and per-recipient status, as JSON or CSV.

const recipientsQuery = z.strictObject({
  state: z.enum(RECIPIENT_STATES).optional(),
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
  app.get("/suite/api/campaigns", async (req, reply) => {
    const { user } = await requireUser(suite, req, "campaigns.manage");
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
    const { user } = await requireUser(suite, req, "campaigns.manage");
    const { spec, n, template } = await checkDefinition(suite, user.tenant_id, req.body);
    const id = await createDraft(suite, suite.db, {
      tenantId: user.tenant_id,
      spec,
      phoneNumberId: n.id,
      category: template.category,
      createdBy: user.id,
    });
    return reply.code(201).send(await detail(id));
  });

  // An estimate of a definition not saved yet (the console's form), or of a saved draft.
  app.post("/suite/api/campaigns/estimate", async (req, reply) => {
    const { user } = await requireUser(suite, req, "campaigns.manage");
    const { spec, n, template } = await checkDefinition(suite, user.tenant_id, req.body);
    return reply.send(await estimateCampaign(suite, user.tenant_id, spec, template, await numberFacts(suite, n)));
  });

  app.get<{ Params: { id: string } }>("/suite/api/campaigns/:id/estimate", async (req, reply) => {
    const { user } = await requireUser(suite, req, "campaigns.manage");
    const c = await own(user.tenant_id, req.params.id);
    const { spec, n, template } = await checkDefinition(suite, user.tenant_id, JSON.parse(c.spec));
    return reply.send(await estimateCampaign(suite, user.tenant_id, spec, template, await numberFacts(suite, n)));
  });

  app.get<{ Params: { id: string } }>("/suite/api/campaigns/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "campaigns.manage");
    await own(user.tenant_id, req.params.id);
    return reply.send(await detail(req.params.id));
  });

  app.put<{ Params: { id: string } }>("/suite/api/campaigns/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "campaigns.manage");
    await own(user.tenant_id, req.params.id);
    const { spec, n, template } = await checkDefinition(suite, user.tenant_id, req.body);
    await updateDraft(suite, suite.db, {
      campaignId: req.params.id,
      spec,
      phoneNumberId: n.id,
      category: template.category,
    });
    return reply.send(await detail(req.params.id));
  });

  app.delete<{ Params: { id: string } }>("/suite/api/campaigns/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "campaigns.manage");
    const c = await own(user.tenant_id, req.params.id);
    await suiteTransaction(suite, (tx) => deleteCampaign(suite, tx, { campaign: c }));
    return reply.send({ ok: true });
  });

  // Send: the template is checked again, the audience fixed into recipients, and the dispatcher woken.
  app.post<{ Params: { id: string } }>("/suite/api/campaigns/:id/send", async (req, reply) => {
    const { user } = await requireUser(suite, req, "campaigns.manage");
    const c = await own(user.tenant_id, req.params.id);
    await sendCampaign(suite, { campaign: c });
    return reply.send(await detail(c.id));
  });

  app.post<{ Params: { id: string } }>("/suite/api/campaigns/:id/pause", async (req, reply) => {
    const { user } = await requireUser(suite, req, "campaigns.manage");
    await own(user.tenant_id, req.params.id);
    const paused = await pauseCampaign(suite, suite.db, {
      campaignId: req.params.id,
      reason: `paused by ${user.email}`,
    });
    if (!paused) throw new SuiteError(409, "invalid_transition", "Only a scheduled or running campaign can be paused.");
    return reply.send(await detail(req.params.id));
  });

  app.post<{ Params: { id: string } }>("/suite/api/campaigns/:id/resume", async (req, reply) => {
    const { user } = await requireUser(suite, req, "campaigns.manage");
    await own(user.tenant_id, req.params.id);
    if (!(await resumeCampaign(suite, suite.db, { campaignId: req.params.id })))
      throw new SuiteError(409, "invalid_transition", "Only a paused campaign can be resumed.");
    return reply.send(await detail(req.params.id));
  });

  app.post<{ Params: { id: string } }>("/suite/api/campaigns/:id/cancel", async (req, reply) => {
    const { user } = await requireUser(suite, req, "campaigns.manage");
    const c = await own(user.tenant_id, req.params.id);
    await suiteTransaction(suite, (tx) => cancelCampaign(suite, tx, { campaign: c }));
    return reply.send(await detail(c.id));
  });

  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
    "/suite/api/campaigns/:id/recipients",
    async (req, reply) => {
      const { user } = await requireUser(suite, req, "campaigns.manage");
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
    const { user } = await requireUser(suite, req, "campaigns.manage");
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
