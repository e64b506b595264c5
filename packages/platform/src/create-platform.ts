import { GroupCommit, Jobs, type Db, type JobQueue, type OutboundHttp, type Worker } from "@openwaba/store";
import type { Clock } from "./clock";
import { Directory } from "./directory";
import type { BlobStore } from "./media/blobs/blob-store";
import { createMetrics } from "./metrics";
import type { RateLimiter } from "./limits/rate-limiter";
import { DEFAULT_RATE_CARD_FILE, loadRateCard } from "./pricing/rate-card";
import { createNetworkWorker, type Network } from "./network-worker";
import type { Platform, PlatformConfig } from "./platform";
import { platformJobs } from "./platform-jobs";
import { createWebhookDispatcher } from "./webhooks/dispatcher";
import { createTemplateReviewer } from "./templates/template-reviewer";
import { createQualityWorker } from "./quality/record-signal";
import { DeliveryLog } from "./webhooks/delivery-log";

export const DEFAULT_PLATFORM_CONFIG: PlatformConfig = {
  graphVersion: "v23.0",
  webhookMaxAgeMs: 7 * 24 * 3600 * 1000,
  webhookMaxBackoffMs: 10 * 60 * 1000,
  webhookTimeoutMs: 10_000,
  webhookLingerMs: 5,
  templateReviewDelayMs: 5000,
  marketingConsent: "required",
  messagingLimitModel: "portfolio",
  rules: "on",
  pricingModel: "auto",
  claimTimeoutMs: 30_000,
  bodyLimitBytes: 1024 * 1024,
  mediaUrlSecret: "",
};

type Log = {
  error(o: unknown, m?: string): void;
  warn(o: unknown, m?: string): void;
  info(o: unknown, m?: string): void;
};

/**
 * Wires the platform: commands' context plus its workers (network hand-off, webhooks, template
 * reviews, quality reviews). `wake` reaches the workers of a queue (the composition's registry).
 */
export function createPlatform(o: {
  db: Db;
  queue: JobQueue;
  clock: Clock;
  blobs: BlobStore;
  limits: RateLimiter;
  http: OutboundHttp;
  config: PlatformConfig;
  log?: Log;
  wake: (queue: string) => void;
}) {
  const platform: Platform = {
    db: o.db,
    commits: new GroupCommit(o.db),
    queue: o.queue,
    jobs: new Jobs(platformJobs(o.config), o.queue, o.clock),
    clock: o.clock,
    blobs: o.blobs,
    config: o.config,
    rateCard: loadRateCard(o.config.rateCardFile ?? DEFAULT_RATE_CARD_FILE),
    limits: o.limits,
    http: o.http,
    directory: new Directory(o.db),
    metrics: createMetrics(o.queue, o.clock),
    deliveries: new DeliveryLog(),
    wake: o.wake,
  };
  return {
    platform,
    /** The worker of every platform queue; `network` receives accepted messages (null: report them sent). */
    workers(network: Network | null): Worker[] {
      return [
        createNetworkWorker(platform, network, o.log),
        ...createWebhookDispatcher(platform, o.log),
        createTemplateReviewer(platform, o.log),
        createQualityWorker(platform, o.log),
      ];
    },
  };
}
