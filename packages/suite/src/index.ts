import type { FastifyInstance } from "fastify";
import { Jobs, type Db, type JobQueue, type OutboundHttp, type WorkerRegistry } from "@openwaba/store";
import { registerAuthRoutes } from "./auth/auth.routes";
import { GraphClient, type PlatformClient } from "./client/platform-client";
import type { Clock } from "./clock";
import { registerSuiteErrors } from "./errors";
import { registerCannedRoutes } from "./inbox/canned.routes";
import { registerConversationRoutes } from "./inbox/conversations.routes";
import { registerPlatformRoutes } from "./inbox/platform.routes";
import { registerWebhookRoutes } from "./webhooks/webhooks.routes";
import { registerTemplateRoutes } from "./templates/templates.routes";
import { wakeSnoozed } from "./inbox/snooze";
import { registerWebhookRoute } from "./inbox/webhook.route";
import { registerPeopleRoutes } from "./people/people.routes";
import { EventFeed } from "./realtime/feed";
import type { RealtimeFanout } from "./realtime/fanout/realtime-fanout";
import { registerStreamRoute } from "./realtime/stream.route";
import { announceClockTravel } from "./realtime/clock-travel";
import { registerRoutingRoutes } from "./routing/routing.routes";
import { registerReportRoutes } from "./reports/reports.routes";
import { registerAlertRoutes } from "./alerts/alerts";
import { registerMediaRoutes } from "./inbox/media.routes";
import { registerProfileRoute } from "./inbox/profile.route";
import { registerContactRoutes } from "./contacts/contacts.routes";
import { createBusinessEventsWorker } from "./outbound/business-events";
import { registerBusinessWebhookRoutes } from "./outbound/business-webhook.routes";
import { createFaqBotWorker } from "./faq/faq-bot";
import { registerFaqRoutes } from "./faq/faq.routes";
import { registerEntryPointRoutes } from "./entry-points/entry-points";
import { registerWidgetRoutes } from "./widget/widget.routes";
import { registerWidgetScriptRoute } from "./widget/widget-script.route";
import { createFlowWorkers } from "./flows/flow-worker";
import { registerFlowRoutes } from "./flows/flows.routes";
import { fireDueSchedules } from "./flows/flow-schedules";
import { registerApiKeyRoutes } from "./auth/api-keys.routes";
import { CampaignDispatcher } from "./campaigns/campaign-dispatcher";
import { SUITE_JOBS } from "./suite-jobs";
import { registerCampaignRoutes } from "./campaigns/campaigns.routes";
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
  const campaigns = new CampaignDispatcher(suite);
  o.workers.add(
    "suite",
    createBusinessEventsWorker(suite),
    createFaqBotWorker(suite),
    ...createFlowWorkers(suite),
    campaigns,
  );
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
      await o.db.transaction().execute(async (tx) => {
        // The tenants' locks first, as every suite transaction takes them (no deadlocks).
        await announceClockTravel(suite, tx, now);
        await alongside?.(tx);
      });
      bus.notify();
    },
    /** The suite's routes; `extra` adds routes of the composition (the phone view) under the same error envelope. */
    async register(app: FastifyInstance, extra?: (scope: FastifyInstance) => void) {
      await app.register(async (scope) => {
        registerSuiteErrors(scope);
        registerAuthRoutes(scope, suite);
        registerPeopleRoutes(scope, suite);
        registerConversationRoutes(scope, suite);
        registerCannedRoutes(scope, suite);
        registerRoutingRoutes(scope, suite);
        registerPlatformRoutes(scope, suite);
        registerWebhookRoutes(scope, suite);
        registerTemplateRoutes(scope, suite);
        registerReportRoutes(scope, suite);
        registerAlertRoutes(scope, suite);
        registerMediaRoutes(scope, suite);
        registerProfileRoute(scope, suite);
        registerContactRoutes(scope, suite);
        registerBusinessWebhookRoutes(scope, suite);
        registerFaqRoutes(scope, suite);
        registerEntryPointRoutes(scope, suite);
        registerFlowRoutes(scope, suite);
        registerApiKeyRoutes(scope, suite);
        registerCampaignRoutes(scope, suite);
        registerWidgetRoutes(scope, suite);
        // Public (no session): the script shops paste into their pages.
        registerWidgetScriptRoute(scope, suite);
        registerStreamRoute(scope, suite);
        registerWebhookRoute(scope, suite);
        extra?.(scope);
      });
    },
    /** The suite's timers; its workers are started by the composition (see `workers`). */
    async start(everyMs = 2000) {
      // A SQLite file has one process: a campaign lease left by a killed one is free at once.
      if (o.dialect === "sqlite") await campaigns.releaseStaleLeases();
      timer = setInterval(() => {
        void wakeSnoozed(suite).catch((err) => o.log.warn({ err }, "snooze check failed"));
        void fireDueSchedules(suite).catch((err) => o.log.warn({ err }, "schedule check failed"));
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
