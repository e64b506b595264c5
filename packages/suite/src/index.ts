import type { FastifyInstance } from "fastify";
import { Jobs, type Db, type JobQueue, type OutboundHttp, type WorkerRegistry } from "@openwaba/store";
import { GraphClient, type PlatformClient } from "./client/platform-client";
import type { Clock } from "./clock";
import { registerSuiteErrors } from "./errors";
import { MODULES } from "./modules";
import { suiteTransaction } from "./unit-of-work";
import { EventFeed } from "./realtime/feed";
import type { RealtimeFanout } from "./realtime/fanout/realtime-fanout";
import { announceClockTravel } from "./realtime/clock-travel";
import { SUITE_JOBS } from "./suite-jobs";
import type { RateCard } from "@openwaba/contracts";
import type { Suite, SuiteLog } from "./suite";

export type { Suite } from "./suite";
export { requireUser } from "./auth/sessions";
export { SuiteError } from "./errors";
export { LocalFanout } from "./realtime/fanout/local-fanout";
export type { EphemeralEvent, RealtimeFanout } from "./realtime/fanout/realtime-fanout";
export type { PlatformClient } from "./client/platform-client";
export { connectTenant, type ConnectionSpec } from "./tenant/connect-tenant";
export { ensureDevAdmin, DEV_ADMIN_EMAIL } from "./tenant/dev-admin";
export { hashPassword } from "./auth/password";

/**
 * The business suite: its context, its HTTP API (in an encapsulated scope with its own error
 * envelope), its timers, and its workers (added to `workers` as the "suite" group, for the
 * composition to start once the suite's clients can reach the Cloud API).
 */
export function createSuite(o: {
  db: Db;
  dialect: "sqlite" | "postgres";
  queue: JobQueue;
  workers: WorkerRegistry;
  clock: Clock;
  securityClock?: Clock;
  log: SuiteLog;
  secureCookies?: boolean;
  client?: (connectionId: string) => Promise<PlatformClient>;
  rateCard?: RateCard;
  campaignMps?: number;
  unconfirmedGraceMs?: number;
  /** How the streams hear of commits (the composition's choice: this process's, or every node's). */
  fanout: RealtimeFanout;
  http: OutboundHttp;
}) {
  const clients = new Map<string, PlatformClient>();
  const bus = o.fanout;
  const feed = new EventFeed(o.db);
  bus.onNotify(() => feed.invalidate());
  const suite: Suite = {
    db: o.db,
    dialect: o.dialect,
    modules: MODULES,
    queue: o.queue,
    // An enqueue wakes its queue's worker at once, and the commit's notify (below) again: on
    // SQLite the worker's claim waits for the one connection, so it sees the commit; on PostgreSQL
    // it may look before the commit and find nothing.
    jobs: new Jobs(SUITE_JOBS, o.queue, o.clock, (queue) => o.workers.wake(queue)),
    wake: (worker) => o.workers.wake(worker),
    clock: o.clock,
    securityClock: o.securityClock ?? { now: () => Date.now() },
    log: o.log,
    bus,
    feed,
    http: o.http,
    secureCookies: o.secureCookies ?? false,
    rateCard: o.rateCard,
    campaignMps: o.campaignMps,
    unconfirmedGraceMs: o.unconfirmedGraceMs ?? 5 * 60_000,
    client:
      o.client ??
      (async (id) => {
        const hit = clients.get(id);
        if (hit) return hit;
        const c = await o.db.selectFrom("suite_connections").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
        const client = new GraphClient(c);
        clients.set(id, client);
        return client;
      }),
  };
  o.workers.add("suite", ...suite.modules.flatMap((m) => m.workers?.(suite) ?? []));
  // Jobs are queued inside transactions: a worker woken before the commit would find nothing and
  // sleep. Every commit the suite announces wakes the workers of its queues again.
  bus.onNotify(() => {
    for (const q of suite.jobs.queues()) o.workers.wake(q.name);
  });
  let timer: NodeJS.Timeout | null = null;
  let poll: NodeJS.Timeout | null = null;
  return {
    suite,
    /** Connections changed (a new URL or token): clients are made again. */
    forgetClients: () => clients.clear(),
    /**
     * The clock this suite was given has travelled to `now`: every tenant's consoles hear of it.
     * `alongside` writes the composition's own record of the travel in the same transaction.
     */
    async clockTravelled(now: number, alongside?: (tx: Db) => Promise<void>) {
      await suiteTransaction(suite, async (tx) => {
        // The tenants' locks first, as every suite transaction takes them (no deadlocks).
        await announceClockTravel(suite, tx, now);
        await alongside?.(tx);
      });
    },
    /** The suite's routes; `extra` adds routes of the composition (the phone view) under the same error envelope. */
    async register(app: FastifyInstance, extra?: (scope: FastifyInstance) => void) {
      await app.register(async (scope) => {
        registerSuiteErrors(scope);
        for (const m of suite.modules) m.routes?.(scope, suite);
        extra?.(scope);
      });
    },
    /** The suite's timers; its workers are started by the composition (see `workers`). */
    async start(everyMs = 2000) {
      for (const m of suite.modules) await m.recover?.(suite);
      timer = setInterval(() => {
        for (const m of suite.modules)
          void m.periodic?.(suite).catch((err) => o.log.warn({ err, module: m.name }, "periodic work failed"));
      }, everyMs);
      // Other nodes' commits never reach this process's bus: every second, streams look anyway.
      poll = setInterval(() => bus.notify(), 1000);
    },
    /** Stops its timers and streams (its workers are stopped by the composition, before this). */
    async stop() {
      if (timer) clearInterval(timer);
      if (poll) clearInterval(poll);
      suite.bus.close();
    },
  };
}
