import type { RateCard } from "@openwaba/contracts";
import type { Db, JobQueue, OutboundHttp, Jobs } from "@openwaba/store";
import type { Clock } from "./clock";
import type { PlatformClient } from "./client/platform-client";
import type { RealtimeFanout } from "./realtime/fanout/realtime-fanout";
import type { SuiteModule } from "./module";
import type { EventFeed } from "./realtime/feed";
import type { SuiteJobs } from "./suite-jobs";

export interface SuiteLog {
  info(o: unknown, m?: string): void;
  warn(o: unknown, m?: string): void;
  error(o: unknown, m?: string): void;
}

/** What every suite command needs: its store, the clock, the realtime bus and a Cloud API client per connection. */
export interface Suite {
  db: Db;
  dialect: "sqlite" | "postgres";
  /** The world's time: windows, schedules, reports. It travels with the simulator's clock. */
  clock: Clock;
  /**
   * Security time: sessions, sign-in lockouts, invitations, API keys. Always the wall clock, so
   * that travelling the simulated world signs nobody out and lifts no lock.
   */
  securityClock: Clock;
  bus: RealtimeFanout;
  /** Recent realtime events, shared by this process's streams. */
  feed: EventFeed;
  /** Requests to the business's own systems (flows' HTTP nodes, business webhooks). */
  http: OutboundHttp;
  /** The Cloud API client of a connection (ours in-process over HTTP, or Meta's). */
  client(connectionId: string): Promise<PlatformClient>;
  log: SuiteLog;
  /** The store's job queue. */
  queue: JobQueue;
  /** The suite's job kinds (suite-jobs.ts): typed enqueues, whose workers are woken. */
  jobs: Jobs<SuiteJobs>;
  /** Wakes a worker of the process (a queue's, or the campaign dispatcher) to look for work now. */
  wake(worker: string): void;
  /** The rate card campaigns are estimated and costed with (Meta's prices, or the deployment's). */
  rateCard?: RateCard;
  /** A deployment's own campaign pace (messages per second), instead of the number's throughput level. */
  campaignMps?: number;
  /** How long a send whose outcome a crash hid may wait for its status before it counts as failed. */
  unconfirmedGraceMs: number;
  /** Session cookies carry `Secure` (set when the console is served over HTTPS). */
  secureCookies: boolean;
  /** The features whose hooks the intake runs, in order (modules.ts). */
  modules: readonly SuiteModule[];
}
