import { GroupCommit, type Db, type JobQueue, type QueueWorker } from "@openwaba/store";
import type { Clock } from "./clock";
import { Directory } from "./directory";
import type { BlobStore } from "./media/blob-store";
import { createMetrics } from "./metrics";
import { RateLimits } from "./limits/rate-limits";
import { DEFAULT_RATE_CARD_FILE, loadRateCard } from "./pricing/rate-card";
import { createNetworkWorker, type Network } from "./network-worker";
import type { Platform, PlatformConfig } from "./platform";
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
  throughputMps: 80,
  pairRate: true,
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

/** Wires the platform: commands' context plus its two workers (network hand-off, webhooks). */
export function createPlatform(o: {
  db: Db;
  queue: JobQueue;
  clock: Clock;
  blobs: BlobStore;
  config: PlatformConfig;
  log?: Log;
}) {
  const workers = new Map<string, QueueWorker>();
  const platform: Platform = {
    db: o.db,
    commits: new GroupCommit(o.db),
    queue: o.queue,
    clock: o.clock,
    blobs: o.blobs,
    config: o.config,
    rateCard: loadRateCard(o.config.rateCardFile ?? DEFAULT_RATE_CARD_FILE),
    limits: new RateLimits({ throughputMps: o.config.throughputMps, pairRate: o.config.pairRate }),
    directory: new Directory(o.db),
    metrics: createMetrics(o.queue, o.clock),
    deliveries: new DeliveryLog(),
    wake: (queue) => workers.get(queue)?.wake(),
  };
  return {
    platform,
    /** Starts the workers; `network` receives accepted messages (null: report them sent). */
    start(network: Network | null, extra: QueueWorker[] = []) {
      const all = [
        createNetworkWorker(platform, network, o.log),
        ...createWebhookDispatcher(platform, o.log),
        createTemplateReviewer(platform, o.log),
        createQualityWorker(platform, o.log),
        ...extra,
      ];
      for (const w of all) {
        workers.set(w.name, w);
        w.start();
      }
    },
    register(worker: QueueWorker) {
      workers.set(worker.name, worker);
    },
    wakeAll() {
      for (const w of workers.values()) w.wake();
    },
    async stop() {
      await Promise.all([...workers.values()].map((w) => w.stop()));
    },
  };
}
