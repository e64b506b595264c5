import { z } from "zod";
import { defineQueue, type JobCatalog } from "@openwaba/store";
import type { RunInput } from "./flows/run-input";
import type { Notice } from "./flows/flow-worker";
import type { BusinessEventKind } from "./outbound/business-events";

// Every job of the suite, each declared once with its queue's claim and retry settings. The row
// kinds are those the suite has always written, so that jobs queued before an upgrade run.

/** Inputs of one conversation one at a time, in order; a run that keeps failing ends (flow-worker.ts). */
const flows = defineQueue({
  name: "suite-flows",
  ordered: true,
  batchSize: 128,
  visibilityMs: 5 * 60_000,
  retry: { maxAttempts: 8, backoff: { baseMs: 1000, capMs: 60_000 }, exhausted: "bury" },
});
/** Timers wait in a queue of their own, so that a run waiting an hour never holds up the replies behind it. */
const flowTimers = defineQueue({
  name: "suite-flow-timers",
  ordered: false,
  batchSize: 100,
  visibilityMs: 60_000,
  retry: { maxAttempts: Number.POSITIVE_INFINITY, backoff: { fixedMs: 1000 }, exhausted: "bury" },
});
/** Events for the business's own systems: at least once, in order per tenant, retried for about a day. */
const businessEvents = defineQueue({
  name: "suite-business-events",
  ordered: true,
  batchSize: 20,
  visibilityMs: 60_000,
  retry: { maxAttempts: 15, backoff: { baseMs: 1000, capMs: 3_600_000 }, exhausted: "bury" },
});
const faqBot = defineQueue({
  name: "suite-faq-bot",
  ordered: true,
  batchSize: 20,
  visibilityMs: 60_000,
  retry: { maxAttempts: 5, backoff: { baseMs: 1000, capMs: 30_000 }, exhausted: "bury" },
});

const runInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("start") }),
  z.object({
    kind: z.literal("reply"),
    messageId: z.string(),
    reply: z.object({ type: z.string(), text: z.string(), id: z.string().nullable() }),
    asksForHuman: z.boolean().optional(),
  }),
  z.object({ kind: z.literal("timer"), token: z.string() }),
]) satisfies z.ZodType<RunInput>;
const flowInput = z.object({ runId: z.string(), input: runInput });

const notice = z.object({
  conversationId: z.string(),
  text: z.string(),
  reason: z.enum(["greeting", "away", "handover"]),
}) satisfies z.ZodType<Notice>;

const BUSINESS_EVENT_KINDS = [
  "contact.created",
  "contact.updated",
  "contact.deleted",
  "conversation.resolved",
  "csat.received",
] as const satisfies readonly BusinessEventKind[];
const businessEvent = z.object({
  event: z.enum(BUSINESS_EVENT_KINDS),
  tenant_id: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const SUITE_JOBS = {
  /** What moves a run on (its start, a reply, a timer due); the row kind is the input's. */
  "flow.input": {
    queue: flows,
    schema: flowInput,
    kind: (p: z.infer<typeof flowInput>) => p.input.kind,
  },
  /** An automatic message (greeting, away, a handover's note), sent after the intake's transaction. */
  "flow.notice": { queue: flows, schema: notice, kind: "notice" },
  /** A page of a scheduled flow's audience to start it for (`after`: the last contact of the page before). */
  "flow.schedule": {
    queue: flows,
    schema: z.object({ flowId: z.string(), tenantId: z.string(), firedAt: z.number(), after: z.string().optional() }),
    kind: "schedule",
  },
  /** A run's wait is over (unless it moved on: `token` names the wait). */
  "flow.timer": {
    queue: flowTimers,
    schema: z.object({ runId: z.string(), conversationId: z.string(), token: z.string() }),
    kind: "timer",
  },
  /** An event POSTed to the tenant's business webhook; the row kind is the event's. */
  "business.event": {
    queue: businessEvents,
    schema: businessEvent,
    kind: (p: z.infer<typeof businessEvent>) => p.event,
  },
  /** A customer's question for the FAQ bot. */
  "faq.question": {
    queue: faqBot,
    schema: z.object({
      conversationId: z.string(),
      messageId: z.string(),
      text: z.string(),
      language: z.string().nullable(),
    }),
    kind: "question",
  },
} satisfies JobCatalog;

export type SuiteJobs = typeof SUITE_JOBS;
