// `npm run bench`: OpenWABA's send throughput and webhook latency, against a bare Fastify floor and
// against the same server with its send-path rules off (what the rules cost).
// Numbers are reported, never asserted; the exit code says only whether the bench itself worked.
import { apiClient } from "./api";
import { startBareFastify } from "./bare-process";
import { runCleanup } from "./cleanup";
import { nowMs } from "./clock";
import { measureDelivery } from "./delivery-latency";
import { probeHealth } from "./health-probe";
import { machineInfo } from "./machine";
import { createPacer } from "./paced-sender";
import { procStatusMb, sampleRss } from "./proc-stats";
import { waitForDrain } from "./queues";
import { startReceiver } from "./receiver-process";
import { TARGETS, printSummary, writeResults, type BenchResults } from "./report";
import { rulesCost } from "./rules-cost";
import { measureSaturation, type SendLoad } from "./send-throughput";
import { startOpenWaba, type OpenWabaProcess } from "./server-process";
import { createUsersWithOpenWindows } from "./setup-users";
import { ratio } from "./stats";
import { snapshotStore } from "./store-snapshot";

const CONFIG = {
  // Every rule is on, the pair rate too (one message per user every 6 s): the load rotates over
  // enough users that none of them is written to more often than that (60,000 users cover
  // 10,000 sends/s).
  users: 60_000,
  connections: 50,
  warmupS: 2,
  durationS: 10,
  ratePerS: 1000,
  rateConnections: 100,
  rateDurationS: 10,
  rateWarmupS: 1,
  drainTimeoutMs: 30_000,
  settleTimeoutMs: 15_000,
};

const step = (msg: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const startedAt = new Date();
/** Filled in as the phases finish, so a failed run still leaves what it measured. */
const partial: Record<string, unknown> = {
  date: startedAt.toISOString().slice(0, 10),
  startedAt: startedAt.toISOString(),
};

/** Fails the run, with evidence, if the server no longer answers between phases. */
async function assertServerAnswers(server: OpenWabaProcess, after: string): Promise<void> {
  const exit = server.child.exitStatus;
  if (exit)
    throw new Error(
      `the OpenWABA process exited during ${after} (code ${exit.code}, signal ${exit.signal})\nserver output:\n${server.child.tail()}`,
    );
  const p = await probeHealth(server.url, server.child.pid);
  if (!p.ok)
    throw new Error(`OpenWABA stopped answering during ${after}: ${p.detail}\nserver output:\n${server.child.tail()}`);
}

async function main(): Promise<void> {
  const t0 = nowMs();
  const machine = machineInfo();
  partial.machine = machine;
  partial.config = CONFIG;

  step("starting OpenWABA (production, SQLite, zero simulated latency)");
  const server = await startOpenWaba();
  const rss = sampleRss(server.child.pid, 200);
  const rssAfterPhaseMb: Record<string, number | null> = { startup: procStatusMb(server.child.pid, "VmRSS") };
  const c = server.credentials;
  const phone = c.phone_number_ids[0];
  const call = apiClient(server.url, c.access_token);

  step(`creating ${CONFIG.users} simulated users and opening their windows`);
  const usersStart = nowMs();
  const users = await createUsersWithOpenWindows(call, phone, CONFIG.users);
  const usersSetupMs = Math.round(nowMs() - usersStart);
  // Sanity check before measuring: one send must be accepted.
  await call(
    "POST",
    `/${c.graph_version}/${phone}/messages`,
    { messaging_product: "whatsapp", to: users[0], type: "text", text: { body: "check" } },
    [200],
  );
  await waitForDrain(server.url, CONFIG.drainTimeoutMs);
  rssAfterPhaseMb.setup = procStatusMb(server.child.pid, "VmRSS");
  // The rules-off run starts from this same store (users, open windows, nothing queued).
  const snapshotStart = nowMs();
  const rulesOffDataDir = await snapshotStore(server);
  const storeSnapshotMs = Math.round(nowMs() - snapshotStart);
  partial.setup = { serverStartupMs: server.startupMs, usersSetupMs, users: users.length, storeSnapshotMs };

  const load: SendLoad = {
    url: server.url,
    token: c.access_token,
    phoneNumberId: phone,
    version: c.graph_version,
    users,
    cursor: { next: 1 },
  };
  const saturationFirstUser = load.cursor.next;
  step(`saturation: ${CONFIG.connections} connections, ${CONFIG.warmupS} s warm-up + ${CONFIG.durationS} s measured`);
  const ours = await measureSaturation(load, {
    ...CONFIG,
    serverPid: server.child.pid,
    afterWarmup: () => waitForDrain(server.url, CONFIG.drainTimeoutMs),
  });
  partial.openwabaSaturation = ours;
  rssAfterPhaseMb.saturation = procStatusMb(server.child.pid, "VmRSS");
  await assertServerAnswers(server, "the saturation run");
  step(
    `  ${ours.acceptedPerS} accepted/s; waiting up to ${CONFIG.drainTimeoutMs / 1000} s for the work it queued to drain`,
  );
  const drain = await waitForDrain(server.url, CONFIG.drainTimeoutMs);
  partial.drainAfterSaturation = drain;
  rssAfterPhaseMb.drain = procStatusMb(server.child.pid, "VmRSS");

  step("bare Fastify, same load");
  const bare = await startBareFastify();
  const bareResult = await measureSaturation({ ...load, url: bare.url }, { ...CONFIG, serverPid: bare.child.pid });
  partial.bareFastifySaturation = bareResult;
  await bare.child.stop();

  step(`end-to-end: subscribing a webhook receiver, then ${CONFIG.ratePerS} sends/s for ${CONFIG.rateDurationS} s`);
  await assertServerAnswers(server, "the drain");
  const receiver = await startReceiver(c.verify_token);
  await call(
    "POST",
    `/${c.graph_version}/${c.app_id}/subscriptions`,
    {
      object: "whatsapp_business_account",
      callback_url: receiver.url,
      verify_token: c.verify_token,
      fields: "messages",
    },
    [200],
  );
  // A pool of keep-alive connections, opened before anything is measured; then an unmeasured
  // warm-up of the webhook path at the same rate (its wamids are not in the measured set).
  const pacer = createPacer(load, { connections: CONFIG.rateConnections });
  await pacer.connect();
  await pacer.run({ ratePerS: CONFIG.ratePerS, durationS: CONFIG.rateWarmupS });
  await waitForDrain(server.url, CONFIG.drainTimeoutMs);
  const delivery = await measureDelivery(pacer, receiver, {
    ratePerS: CONFIG.ratePerS,
    durationS: CONFIG.rateDurationS,
    settleTimeoutMs: CONFIG.settleTimeoutMs,
    firstIndex: 0,
    serverPid: server.child.pid,
    connections: CONFIG.rateConnections,
  });
  pacer.close();
  partial.delivery = delivery;
  rssAfterPhaseMb.delivery = procStatusMb(server.child.pid, "VmRSS");
  await assertServerAnswers(server, "the fixed-rate run");

  rss.stop();
  const peakRssMb = procStatusMb(server.child.pid, "VmHWM");
  const logProblems = server.child.logProblems;
  await receiver.child.stop();
  await server.child.stop();

  // Last, alone on the machine as the first server's saturation run was: the same load, the same
  // users in the same order, against a second server whose send path skips its policy checks.
  step("rules off: a second OpenWABA with OPENWABA_RULES=off on the copy of the store, same saturation load");
  const offServer = await startOpenWaba({ rules: "off", dataDir: rulesOffDataDir });
  const offLoad: SendLoad = {
    ...load,
    url: offServer.url,
    token: offServer.credentials.access_token,
    cursor: { next: saturationFirstUser },
  };
  const off = await measureSaturation(offLoad, {
    ...CONFIG,
    serverPid: offServer.child.pid,
    afterWarmup: () => waitForDrain(offServer.url, CONFIG.drainTimeoutMs),
  });
  partial.openwabaRulesOffSaturation = off;
  await assertServerAnswers(offServer, "the rules-off saturation run");
  const offDrain = await waitForDrain(offServer.url, CONFIG.drainTimeoutMs);
  const offLogProblems = offServer.child.logProblems;
  await offServer.child.stop();
  const cost = rulesCost(ours, off);
  step(`  ${off.acceptedPerS} accepted/s with rules off; rules on/off = ${cost.ratioOnToOff}`);

  const results: BenchResults = {
    date: startedAt.toISOString().slice(0, 10),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    totalRunS: Math.round((nowMs() - t0) / 100) / 10,
    machine: {
      cpuModel: machine.cpuModel,
      cores: machine.cores,
      node: machine.node,
      platform: machine.platform,
      totalMemMb: machine.totalMemMb,
      loadavgStart: machine.loadavg,
      loadavgEnd: machineInfo().loadavg,
    },
    config: {
      ...CONFIG,
      server: {
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        OPENWABA_SIM_LATENCY: "zero",
        OPENWABA_THROUGHPUT_MPS: "1000000",
        OPENWABA_RULES: "on",
        database: "sqlite (temp dir)",
        entry: "node --import tsx packages/server/src/main.ts",
      },
      rulesOffServer:
        "OPENWABA_RULES=off, otherwise the same; started after the first server stopped, on an online backup of its store taken after the users setup; same saturation load from the same first user",
      loadGenerator:
        "autocannon 8 in the bench process (saturation); node:http keep-alive open-loop pacer in the bench process (fixed rate)",
      receiver: "node:http server in a child process",
      clock: "process.hrtime (CLOCK_MONOTONIC, shared by the bench and receiver processes)",
    },
    setup: {
      serverStartupMs: server.startupMs,
      usersSetupMs,
      users: users.length,
      storeSnapshotMs,
      rulesOffServerStartupMs: offServer.startupMs,
    },
    throughput: {
      openwaba: ours,
      bareFastify: bareResult,
      ratioOursToBare: {
        perS: ratio(ours.acceptedPerS, bareResult.acceptedPerS),
        p50: ratio(ours.latencyMs.p50, bareResult.latencyMs.p50),
        p99: ratio(ours.latencyMs.p99, bareResult.latencyMs.p99),
      },
      drainAfterSaturation: drain,
      openwabaRulesOff: off,
      drainAfterRulesOffSaturation: offDrain,
    },
    rulesCost: cost,
    delivery,
    memory: { peakRssMb, maxSampledRssMb: rss.maxMb, rssSamples: rss.samples, rssAfterPhaseMb },
    serverWarnOrErrorLogLines: logProblems,
    rulesOffServerWarnOrErrorLogLines: offLogProblems,
    targets: TARGETS,
  };
  const file = writeResults(results);
  printSummary(results);
  console.log(`\n  Results: ${file}`);
}

let interrupted = false;
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping child processes and removing temp dirs`);
    void runCleanup().finally(() => process.exit(code));
  });
}

try {
  await main();
} catch (err) {
  const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
  console.error("\nbench failed:", message);
  try {
    const failed = {
      ...partial,
      date: partial.date as string,
      finishedAt: new Date().toISOString(),
      failed: true,
      error: message,
    };
    const file = writeResults(failed, true);
    console.error(`partial results: ${file}`);
  } catch {
    /* nothing more to save */
  }
  process.exitCode = 1;
} finally {
  await runCleanup();
}
