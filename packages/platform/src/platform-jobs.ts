import { z } from "zod";
import { defineQueue, type JobCatalog, type RetryPolicy } from "@openwaba/store";
import { QUEUES, type PlatformConfig } from "./platform";
import { webhookEvent } from "./webhooks/events";
import { subscriberOf } from "./webhooks/subscriber-backlog";

// Every job of the platform, each declared once with its queue's claim and retry settings. The
// row kinds are those the platform has always written, so that jobs queued before an upgrade run.

const templateId = z.object({ templateId: z.string() });
const readReceipt = z.object({
  phoneNumberId: z.string(),
  waId: z.string(),
  messageId: z.string(),
  typing: z.boolean(),
});

export function platformJobs(config: PlatformConfig) {
  const claim = config.claimTimeoutMs;
  const backoff = (maxAttempts: number): RetryPolicy => ({
    maxAttempts,
    backoff: { baseMs: 1000, capMs: 60_000 },
    exhausted: "bury",
  });
  // Webhooks are retried for the retry period (from when the event arose), then dead letters.
  const webhookRetry: RetryPolicy = {
    maxAttempts: Number.POSITIVE_INFINITY,
    maxAgeMs: config.webhookMaxAgeMs,
    backoff: { baseMs: 1000, capMs: config.webhookMaxBackoffMs },
    exhausted: "bury",
  };
  const webhookVisibility = Math.max(claim, config.webhookTimeoutMs * 2);
  const network = defineQueue({
    name: QUEUES.network,
    ordered: true,
    batchSize: 50,
    visibilityMs: claim,
    retry: backoff(20),
  });
  const webhook = defineQueue({
    name: QUEUES.webhook,
    ordered: true,
    batchSize: 200,
    visibilityMs: webhookVisibility,
    lingerMs: config.webhookLingerMs,
    retry: webhookRetry,
  });
  // An event is in a backlog because its subscriber failed once: its nth failure here waits as the (n+1)th's would.
  const webhookBacklog = defineQueue({
    name: QUEUES.webhookBacklog,
    ordered: true,
    batchSize: 200,
    concurrency: 3,
    visibilityMs: webhookVisibility,
    retry: { ...webhookRetry, priorFailures: 1 },
  });
  const templates = defineQueue({
    name: QUEUES.templates,
    ordered: false,
    batchSize: 20,
    visibilityMs: claim,
    retry: backoff(10),
  });
  const quality = defineQueue({
    name: QUEUES.quality,
    ordered: false,
    batchSize: 50,
    visibilityMs: claim,
    retry: backoff(10),
  });
  return {
    /** An accepted message to hand to the network. */
    "network.message": { queue: network, schema: z.object({ id: z.string() }), kind: "message" },
    /** The business read the user's messages up to `messageId`. */
    "network.read_receipt": { queue: network, schema: readReceipt, kind: "read_receipt" },
    /** A webhook event's first delivery to every subscriber; the row kind is its field. */
    "webhook.event": {
      queue: webhook,
      schema: webhookEvent,
      kind: (e: z.infer<typeof webhookEvent>) => e.field,
    },
    /** An event a subscriber has yet to take; the row kind names the subscriber (to catch it up at once). */
    "webhook.backlog": {
      queue: webhookBacklog,
      schema: z.object({ appId: z.string(), event: webhookEvent }),
      kind: (p: { appId: string; event: { wabaId: string } }) => subscriberOf(p.event.wabaId, p.appId),
    },
    /** The review of a template just created or edited (`version`: its updated_at then). */
    "template.review": {
      queue: templates,
      schema: z.object({ id: z.string(), version: z.number() }),
      kind: "review",
    },
    /** A number's quality looked at again as its signals age. */
    "quality.reassess": { queue: quality, schema: z.object({ phoneNumberId: z.string() }), kind: "reassess" },
    /** A template's quality looked at again as its signals age. */
    "quality.template": { queue: quality, schema: templateId, kind: "template" },
    /** A template's hourly quality review. */
    "quality.template_due": { queue: quality, schema: templateId, kind: "template-due" },
    /** A template's pause runs out. */
    "quality.unpause": { queue: quality, schema: templateId, kind: "unpause" },
    /** A messaging tier's review (a scope without numbers has nothing to review). */
    "quality.tier_review": {
      queue: quality,
      schema: z.object({ phoneNumberId: z.string().optional(), scopeId: z.string() }),
      kind: "tier-review",
    },
    /** A flagged number's week is over: it loses a tier unless it left RED. */
    "quality.flag_review": {
      queue: quality,
      schema: z.object({ phoneNumberId: z.string(), flaggedAt: z.number() }),
      kind: "flag-review",
    },
  } satisfies JobCatalog;
}

export type PlatformJobs = ReturnType<typeof platformJobs>;
