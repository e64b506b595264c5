import { join } from "node:path";
import { FileBlobStore, MemoryRateLimiter, type BlobStore, type RateLimiter } from "@openwaba/platform";
import { NodeOutboundHttp, type OutboundHttp } from "@openwaba/store";
import { LocalFanout, type RealtimeFanout } from "@openwaba/suite";
import type { ServerConfig } from "./config";

/**
 * The implementations behind the platform's and the suite's adapters, picked from the
 * configuration in this one place. Today every one is the single process's own; the settings that
 * choose shared ones (a Redis URL, a bucket) will be read here when those exist.
 */
export interface Adapters {
  /** Media bytes. */
  blobs: BlobStore;
  /** Throughput and pair-rate counters. */
  limits: RateLimiter;
  /** How the suite's streams hear of commits and typing. */
  fanout: RealtimeFanout;
  /** Every request to an address outside the deployment. */
  http: OutboundHttp;
}

export function createAdapters(config: ServerConfig): Adapters {
  return {
    blobs: new FileBlobStore(join(config.dataDir, "media")),
    limits: new MemoryRateLimiter({ throughputMps: config.throughputMps, pairRate: config.pairRate }),
    fanout: new LocalFanout(),
    http: new NodeOutboundHttp(),
  };
}
