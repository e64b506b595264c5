import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { requireUser } from "../auth/sessions";
import { SuiteError, notFound, parseBody } from "../errors";
import { newId } from "../ids";
import type { Suite } from "../suite";
import { faqBotSettings } from "./faq-bot";
import { FaqIndex, presentEntry } from "./faq-index";

/** The index is rebuilt for each question: a bounded base keeps that cheap. */
const MAX_FAQ_ENTRIES = 2000;
/** Other ways to ask one entry: each is matched on its own, so a few cost little; the words of each are the customer's. */
const MAX_ALTERNATIVES = 20;
const question = z.string().trim().min(3).max(500);
const fields = {
  question,
  answer: z.string().trim().min(1).max(4096),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .nullable()
    .optional(),
  alternatives: z.array(question).max(MAX_ALTERNATIVES).optional(),
};
/** An entry's phrasings must differ (ignoring case and spaces): a repeat is a typo the team should see. */
const distinctPhrasings = (e: { question?: string; alternatives?: string[] }, ctx: z.RefinementCtx) => {
  const seen = new Set(e.question ? [e.question.toLocaleLowerCase().replace(/\s+/g, " ")] : []);
  (e.alternatives ?? []).forEach((a, i) => {
    const k = a.toLocaleLowerCase().replace(/\s+/g, " ");
    if (seen.has(k))
      ctx.addIssue({
        code: "custom",
        path: ["alternatives", i],
        message: "this way of asking is already in the entry",
      });
    seen.add(k);
  });
};
const entry = z.strictObject(fields).superRefine(distinctPhrasings);
const entryChange = z
  .strictObject(fields)
  .partial()
  .superRefine(distinctPhrasings)
  .refine((e) => Object.keys(e).length > 0, "send at least one of question, alternatives, answer, language");
const settings = z.strictObject({ enabled: z.boolean(), threshold: z.number().min(0.1).max(1).optional() });
const tryIt = z.strictObject({
  question: z.string().trim().min(1).max(1000),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .nullable()
    .optional(),
});

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
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    const b = parseBody(entry, req.body);
    const n = await suite.db
      .selectFrom("suite_faq")
      .select((e) => e.fn.countAll<number>().as("n"))
      .where("tenant_id", "=", user.tenant_id)
      .executeTakeFirstOrThrow();
    if (Number(n.n) >= MAX_FAQ_ENTRIES)
      throw new SuiteError(409, "too_many_entries", `A knowledge base holds at most ${MAX_FAQ_ENTRIES} entries.`);
    const row = {
      id: newId(),
      tenant_id: user.tenant_id,
      question: b.question,
      alternatives: JSON.stringify(b.alternatives ?? []),
      answer: b.answer,
      language: b.language ?? null,
      created_at: suite.clock.now(),
    };
    await suite.db.insertInto("suite_faq").values(row).execute();
    return reply.code(201).send(presentEntry(row));
  });
  app.patch<{ Params: { id: string } }>("/suite/api/faq/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    const b = parseBody(entryChange, req.body);
    const current = await suite.db
      .selectFrom("suite_faq")
      .select(["id", "question", "alternatives", "answer", "language"])
      .where("id", "=", req.params.id)
      .where("tenant_id", "=", user.tenant_id)
      .executeTakeFirst();
    if (!current) throw notFound("FAQ entry");
    // A new question must not repeat a kept alternative either.
    const next = { ...presentEntry(current), ...b, language: b.language === undefined ? current.language : b.language };
    parseBody(entry, {
      question: next.question,
      alternatives: next.alternatives,
      answer: next.answer,
      language: next.language,
    });
    await suite.db
      .updateTable("suite_faq")
      .set({
        question: next.question,
        alternatives: JSON.stringify(next.alternatives),
        answer: next.answer,
        language: next.language,
      })
      .where("id", "=", current.id)
      .where("tenant_id", "=", user.tenant_id)
      .execute();
    return reply.send(next);
  });
  app.delete<{ Params: { id: string } }>("/suite/api/faq/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    const r = await suite.db
      .deleteFrom("suite_faq")
      .where("id", "=", req.params.id)
      .where("tenant_id", "=", user.tenant_id)
      .executeTakeFirst();
    if (!Number(r.numDeletedRows)) throw notFound("FAQ entry");
    return reply.send({ ok: true });
  });
  app.get("/suite/api/faq/unanswered", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
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
    const b = parseBody(tryIt, req.body);
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
    const { user } = await requireUser(suite, req, ["admin"]);
    const b = parseBody(settings, req.body);
    const t = await suite.db
      .selectFrom("suite_tenants")
      .select("settings")
      .where("id", "=", user.tenant_id)
      .executeTakeFirstOrThrow();
    const s = JSON.parse(t.settings);
    s.faq_bot = { ...(await faqBotSettings(suite.db, user.tenant_id)), ...b };
    await suite.db
      .updateTable("suite_tenants")
      .set({ settings: JSON.stringify(s) })
      .where("id", "=", user.tenant_id)
      .execute();
    return reply.send(s.faq_bot);
  });
}
