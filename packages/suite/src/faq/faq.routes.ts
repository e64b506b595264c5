import type { FastifyInstance } from "fastify";
import { faqBotRequest, faqEntryChangeRequest, faqEntryRequest, faqTryRequest } from "@openwaba/contracts/suite";
import { requireUser } from "../auth/sessions";
import { parseBody } from "../errors";
import type { Suite } from "../suite";
import { saveTenantSettings } from "../tenant/commands/save-tenant-settings";
import { addFaqEntry, deleteFaqEntry, editFaqEntry } from "./commands/faq-entries";
import { DEFAULT_FAQ_BOT, faqBotSettings } from "./faq-bot";
import { FaqIndex, presentEntry } from "./faq-index";

/** The knowledge base, the bot's switch and threshold, what it could not answer, and a way to try a question. */
export function registerFaqRoutes(app: FastifyInstance, suite: Suite): void {
  const all = async (tenantId: string) =>
    (
      await suite.db
        .selectFrom("suite_faq")
        .select(["id", "question", "alternatives", "answer", "language"])
        .where("tenant_id", "=", tenantId)
        .orderBy("created_at")
        .execute()
    ).map(presentEntry);

  app.get("/suite/api/faq", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    return reply.send({ data: await all(user.tenant_id), bot: await faqBotSettings(suite.db, user.tenant_id) });
  });
  app.post("/suite/api/faq", async (req, reply) => {
    const { user } = await requireUser(suite, req, "faq.manage");
    const b = parseBody(faqEntryRequest, req.body);
    const row = await addFaqEntry(suite, suite.db, { tenantId: user.tenant_id, entry: b });
    return reply.code(201).send(row);
  });
  app.patch<{ Params: { id: string } }>("/suite/api/faq/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "faq.manage");
    const b = parseBody(faqEntryChangeRequest, req.body);
    const next = await editFaqEntry(suite.db, { tenantId: user.tenant_id, entryId: req.params.id, change: b });
    return reply.send(next);
  });
  app.delete<{ Params: { id: string } }>("/suite/api/faq/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "faq.manage");
    await deleteFaqEntry(suite.db, { tenantId: user.tenant_id, entryId: req.params.id });
    return reply.send({ ok: true });
  });
  app.get("/suite/api/faq/unanswered", async (req, reply) => {
    const { user } = await requireUser(suite, req, "faq.manage");
    const rows = await suite.db
      .selectFrom("suite_faq_misses")
      .selectAll()
      .where("tenant_id", "=", user.tenant_id)
      .orderBy("at", "desc")
      .limit(200)
      .execute();
    return reply.send({
      data: rows.map((r) => ({
        id: r.id,
        conversation_id: r.conversation_id,
        question: r.question,
        confidence: r.confidence,
        at: new Date(r.at).toISOString(),
      })),
    });
  });
  app.post("/suite/api/faq/try", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const b = parseBody(faqTryRequest, req.body);
    const m = new FaqIndex(await all(user.tenant_id)).best(b.question, b.language ?? null);
    const { threshold } = await faqBotSettings(suite.db, user.tenant_id);
    return reply.send({
      match: m
        ? {
            id: m.entry.id,
            question: m.entry.question,
            matched: m.phrasing,
            answer: m.entry.answer,
            confidence: m.confidence,
          }
        : null,
      would_answer: !!m && m.confidence >= threshold,
      threshold,
    });
  });
  app.put("/suite/api/settings/faq-bot", async (req, reply) => {
    const { user } = await requireUser(suite, req, "faq-bot.configure");
    const b = parseBody(faqBotRequest, req.body);
    const s = await saveTenantSettings(suite.db, {
      tenantId: user.tenant_id,
      change: (current) => ({ faq_bot: { ...DEFAULT_FAQ_BOT, ...(current.faq_bot ?? {}), ...b } }),
    });
    return reply.send(s.faq_bot);
  });
}
