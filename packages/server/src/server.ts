import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import multipart from "@fastify/multipart";
import {
  DEFAULT_PLATFORM_CONFIG,
  INBOUND_MEDIA_TTL_MS,
  MAX_MEDIA_BYTES,
  TravellingClock,
  authenticate,
  createPlatform,
  ensureDevTenant,
  receiveInbound,
  recordUserSignal,
  registerGraph,
  registerJsonBody,
  reportStatus,
  setDevWebhook,
  storeMedia,
  verifyCallback,
  type DevCredentials,
  type Platform,
} from "@openwaba/platform";
import {
  SimulatorNetwork,
  createUser,
  population,
  registerSimulatorRoutes,
  simulatorJobs,
  type PlatformPort,
  type SimulatorSettings,
} from "@openwaba/simulator";
import { JobQueue, Jobs, WorkerRegistry, openStore, type Db, type Store } from "@openwaba/store";
import { createSuite } from "@openwaba/suite";
import { platformConfig, type ServerConfig } from "./config";
import { createAdapters } from "./adapters";
import { connectDevSuite, type ConsoleLogin } from "./suite-wiring";
import { registerConsoleFiles } from "./console-files";
import { registerPhoneBridge } from "./phone-bridge";
import { credentialsFileWords, registerSignInHints } from "./sign-in-hints";
import { registerOperations } from "./operations";
import { collectRoutes, registerOpenApi } from "./openapi";

export interface RunningServer {
  app: FastifyInstance;
  platform: Platform;
  store: Store;
  credentials: DevCredentials;
  /** The console's first admin (null in platform-only mode). */
  consoleLogin: ConsoleLogin | null;
  clock: TravellingClock;
  url: string;
  close(): Promise<void>;
}

async function setting(db: Db, key: string, make: () => string): Promise<string> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  if (row) return row.value;
  const value = make();
  await db
    .insertInto("settings")
    .values({ key, value })
    .onConflict((c) => c.column("key").doNothing())
    .execute();
  return (await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirstOrThrow()).value;
}

/** The composition root: store, platform, simulator and HTTP surface in one process. */
export async function startServer(
  config: ServerConfig,
  opts: {
    listen?: boolean /** Tests move security time themselves (sessions, lockouts). */;
    securityClock?: { now(): number };
  } = {},
): Promise<RunningServer> {
  mkdirSync(config.dataDir, { recursive: true });
  const store = await openStore(config.databaseUrl);
  const { db } = store;
  const clock = new TravellingClock(Number(await setting(db, "clock_offset_ms", () => "0")));
  const queue = new JobQueue(db, store.dialect);
  // One process owns a SQLite file, so whatever it had claimed when it died is free again now.
  if (store.dialect === "sqlite") await queue.releaseAllClaims();

  const app = Fastify({
    logger: config.prettyLogs
      ? {
          level: config.logLevel,
          transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" } },
        }
      : { level: config.logLevel },
    // Request ids double as fbtrace_id: a per-process random prefix and a counter, no syscall each.
    genReqId: (
      (prefix: string, n = 0) =>
      () =>
        `${prefix}${(n++).toString(36)}`
    )(randomBytes(6).toString("base64url")),
    bodyLimit: DEFAULT_PLATFORM_CONFIG.bodyLimitBytes,
  });
  // Before any route: /openapi.json documents every route the server registers.
  const routes = collectRoutes(app);
  const log = app.log;
  // Every background worker of the process, the platform's and the suite's: started, woken and
  // stopped here.
  const workers = new WorkerRegistry();
  const adapters = createAdapters(config);
  const built = createPlatform({
    db,
    queue,
    wake: (q) => workers.wake(q),
    clock,
    blobs: adapters.blobs,
    limits: adapters.limits,
    http: adapters.http,
    log,
    config: platformConfig(config, await setting(db, "media_url_secret", () => randomBytes(32).toString("hex"))),
  });
  const { platform } = built;
  const credentials = await ensureDevTenant(platform, config.dataDir, { sampleTemplate: config.sampleTemplate });

  const settings: SimulatorSettings = { seed: config.seed, latency: config.simLatency, notOnWhatsappShare: 0.05 };
  const port: PlatformPort = {
    db,
    jobs: new Jobs(simulatorJobs({ claimTimeoutMs: config.claimTimeoutMs }), queue, clock),
    clock,
    receiveInbound: (tx, msg) => receiveInbound(platform, tx, msg),
    commit: (fn) => platform.commits.run(fn),
    reportStatus: (tx, u) => reportStatus(platform, tx, u),
    userSignal: (tx, sig) => recordUserSignal(platform, tx, sig),
    async storeInboundMedia(o) {
      const phone = await platform.directory.phoneNumber(o.phoneNumberId);
      if (!phone) throw new Error(`unknown phone number ${o.phoneNumberId}`);
      return storeMedia(platform, { ...o, wabaId: phone.waba_id, origin: "inbound", ttlMs: INBOUND_MEDIA_TTL_MS });
    },
    phoneNumber: (id) => platform.directory.phoneNumber(id),
    qrCode: async (code) =>
      (await db
        .selectFrom("message_qrdls")
        .select(["phone_number_id", "prefilled_message"])
        .where("code", "=", code)
        .executeTakeFirst()) ?? null,
    authenticate: (req) => authenticate(platform, req as any),
    async advanceClock(ms) {
      clock.advance(ms);
      const offset = String(clock.offset);
      const persist = (tx: Db) =>
        tx
          .insertInto("settings")
          .values({ key: "clock_offset_ms", value: offset })
          .onConflict((c) => c.column("key").doUpdateSet({ value: offset }))
          .execute()
          .then(() => undefined);
      // The suite reads the same clock: its consoles hear of the travel with the offset's commit.
      try {
        await (suite ? suite.clockTravelled(clock.now(), persist) : persist(db));
      } catch (err) {
        clock.advance(-ms);
        throw err;
      }
      workers.wakeAll("platform");
      return clock.offset;
    },
    wake: (q) => platform.wake(q),
    http: adapters.http,
  };
  const network = new SimulatorNetwork(port, settings);
  workers.add("platform", ...built.workers(network), network.createWorker(log));
  if ((await setting(db, "sim_population_seeded", () => "no")) === "no") {
    for (const u of population(settings, config.simPopulation))
      await createUser(db, settings, clock.now(), u.waId, { name: u.name });
    await db.updateTable("settings").set({ value: "yes" }).where("key", "=", "sim_population_seeded").execute();
  }

  await app.register(multipart, { limits: { fileSize: MAX_MEDIA_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024 } });
  registerJsonBody(app, DEFAULT_PLATFORM_CONFIG.bodyLimitBytes);
  registerGraph(app, platform);
  registerSimulatorRoutes(app, port, network, settings);
  registerOperations(app, platform, store);
  registerOpenApi(app, routes);
  let devTenantId: string | null = null;
  const suite = config.suite
    ? createSuite({
        db,
        dialect: store.dialect,
        queue,
        workers,
        clock,
        securityClock: opts.securityClock,
        log,
        rateCard: platform.rateCard,
        campaignMps: config.campaignMps,
        unconfirmedGraceMs: config.campaignUnconfirmedMs,
        fanout: adapters.fanout,
        http: adapters.http,
      })
    : null;
  if (suite) {
    await suite.register(app, (scope) => {
      registerPhoneBridge(scope, app, suite.suite, credentials, () => devTenantId);
      registerSignInHints(scope, () =>
        devTenantId && !config.production ? credentialsFileWords(join(config.dataDir, "dev-credentials.json")) : null,
      );
    });
    registerConsoleFiles(app);
  }

  workers.start("platform");

  let url = "";
  let consoleLogin: ConsoleLogin | null = null;
  const stopping = new AbortController();
  if (opts.listen !== false) {
    url = await app.listen({ host: config.host, port: config.port });
    if (config.webhookUrl)
      void setDevWebhook(
        platform,
        credentials,
        config.webhookUrl,
        (url, token) => verifyCallback(platform.http, url, token),
        log,
        stopping.signal,
      );
    if (suite) {
      // The suite calls this server's Cloud API and receives its webhooks on a loopback address.
      const port = (app.server.address() as { port: number }).port;
      const baseUrl = ["0.0.0.0", "::"].includes(config.host) ? `http://127.0.0.1:${port}` : url;
      const dev = await connectDevSuite({
        platform,
        db,
        now: clock.now(),
        credentials,
        baseUrl,
        dataDir: config.dataDir,
      });
      consoleLogin = dev.login;
      devTenantId = dev.tenantId;
      suite.forgetClients();
      await suite.start();
      // The suite's workers call this server's Cloud API: they start once it listens.
      workers.start("suite");
    }
  } else {
    await app.ready();
  }

  let closing: Promise<void> | null = null;
  return {
    app,
    platform,
    store,
    credentials,
    consoleLogin,
    clock,
    url,
    close() {
      // Stop taking requests, finish the work in hand, then close the store. A keep-alive
      // connection whose streamed download ends after close() began is closed as soon as it is
      // idle, not after the keep-alive timeout.
      closing ??= (async () => {
        stopping.abort();
        // The suite's workers first: their work in hand may still need this server's Cloud API.
        await workers.stop("suite");
        await suite?.stop();
        const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
        try {
          await app.close();
        } finally {
          clearInterval(sweep);
        }
        await workers.stop();
        await store.close();
      })();
      return closing;
    },
  };
}
