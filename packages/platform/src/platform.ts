import type { Db, GroupCommit, JobQueue, Jobs, OutboundHttp } from "@openwaba/store";
import type { Clock } from "./clock";
import type { Directory } from "./directory";
import type { BlobStore } from "./media/blobs/blob-store";
import type { RateLimiter } from "./limits/rate-limiter";
import type { RateCard } from "./pricing/rate-card";
import type { PlatformMetrics } from "./metrics";
import type { DeliveryLog } from "./webhooks/delivery-log";
import type { PlatformJobs } from "./platform-jobs";

export interface PlatformConfig {
  /** Graph version written into webhooks' conversation rules and dev credentials. */
  graphVersion: string;
  /** Webhook retries stop (dead letter) once the event is older than this. */
  webhookMaxAgeMs: number;
  /** Longest wait between two webhook retries. */
  webhookMaxBackoffMs: number;
  webhookTimeoutMs: number;
  /** How long the dispatcher lets events gather after a small batch: latency traded for fewer POSTs. */
  webhookLingerMs: number;
  /** A claimed job not finished in this time is handed out again (its worker is presumed dead). */
  claimTimeoutMs: number;
  /** Largest accepted JSON body. */
  bodyLimitBytes: number;
  /** Secret for signing short-lived media download URLs. */
  mediaUrlSecret: string;
  /** How long after creation or edit the review engine decides; null: only the admin override does. */
  templateReviewDelayMs: number | null;
  /** "required": marketing templates need a recorded grant (OpenWABA's check; Meta has none). */
  marketingConsent: "required" | "off";
  /** Whose messaging limit applies: the business portfolio's (since Oct 2025) or each number's. */
  messagingLimitModel: "portfolio" | "per_number";
  /**
   * "off" skips the policy checks of the send path (window, consent, messaging limit, throughput,
   * pair rate): only for measuring what they cost (npm run bench). Never for real traffic.
   */
  rules: "on" | "off";
  /** The pricing model of WABAs that pin none: "auto" (by date), "CBP" or "PMP". */
  pricingModel: "auto" | "CBP" | "PMP";
  /** A replacement rate card (JSON); the example card otherwise. */
  rateCardFile?: string;
}

/** What every command needs: the store, its queue, the clock, cached lookups and metrics. */
export interface Platform {
  db: Db;
  /** Shared transactions for the hot write paths (sends): one commit for a burst. */
  commits: GroupCommit;
  queue: JobQueue;
  /** The platform's job kinds (platform-jobs.ts): typed enqueues over `queue`. */
  jobs: Jobs<PlatformJobs>;
  clock: Clock;
  directory: Directory;
  blobs: BlobStore;
  limits: RateLimiter;
  /** Every request to an address outside the deployment: webhooks, the callback handshake, media by link. */
  http: OutboundHttp;
  rateCard: RateCard;
  metrics: PlatformMetrics;
  /** Recent webhook deliveries per WABA (GET /openwaba/webhooks/deliveries). */
  deliveries: DeliveryLog;
  config: PlatformConfig;
  /** Wakes the workers of a queue after a commit that enqueued work for them. */
  wake(queue: string): void;
}

/**
 * Queues of the platform's workers; `webhook-backlog` holds what each subscriber has yet to take;
 * `templates` the reviews of new templates; `quality` the scheduled reviews (quality, templates, tiers).
 */
export const QUEUES = {
  network: "network",
  webhook: "webhook",
  webhookBacklog: "webhook-backlog",
  templates: "templates",
  quality: "quality",
} as const;
