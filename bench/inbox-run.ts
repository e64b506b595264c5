// `npm run bench` (second part): the team inbox under load — 200 customers writing at once to
// 20 agents with realtime streams, with SQLite and with PostgreSQL. Reported, never asserted.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCleanup } from "./cleanup";
import { pgSchema } from "./pg-schema";
import { sleep } from "./clock";
import { measureInbox, type InboxResult } from "./inbox/measure-inbox";
import { machineInfo } from "./machine";
import { startOpenWaba } from "./server-process";
import { writeResults } from "./report";

const CONFIG = { customers: 200, agents: 20, rounds: 5, roundTimeoutMs: 15_000 };
const TARGET_P99_MS = 200;
const step = (m: string) => console.log(`[inbox bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

async function run(engine: "sqlite" | "postgres"): Promise<InboxResult> {
  step(`${engine}: starting OpenWABA with the suite`);
  const server = await startOpenWaba({
    suite: true,
    name: `openwaba (${engine}, suite)`,
    ...(engine === "postgres" ? { databaseUrl: await pgSchema() } : {}),
  });
  let creds = server.credentials;
  for (let i = 0; i < 100 && !creds.console_password; i++) {
    await sleep(100);
    creds = JSON.parse(readFileSync(join(server.dataDir, "dev-credentials.json"), "utf8"));
  }
  step(`${engine}: ${CONFIG.agents} agents with streams, ${CONFIG.customers} customers × ${CONFIG.rounds} rounds`);
  const r = await measureInbox(server, { email: creds.console_email!, password: creds.console_password! }, CONFIG);
  await server.child.stop();
  return r;
}

const fmt = (v: number | null) => (v == null ? "n/a" : `${v.toFixed(1)} ms`);
try {
  const results: Record<string, InboxResult> = {};
  // OPENWABA_BENCH_ENGINES=sqlite (or postgres) runs one; both by default.
  const engines = (process.env.OPENWABA_BENCH_ENGINES ?? "sqlite,postgres")
    .split(",")
    .filter((e): e is "sqlite" | "postgres" => e === "sqlite" || e === "postgres");
  for (const engine of engines) results[engine] = await run(engine);
  const date = new Date().toISOString().slice(0, 10);
  const report = { date: `${date}-inbox`, machine: machineInfo(), config: CONFIG, targetP99Ms: TARGET_P99_MS, results };
  const file = writeResults(report);
  console.log(
    `\nInbox: customer's message → agent's socket (${CONFIG.customers} customers at once, ${CONFIG.agents} agents, ${CONFIG.rounds} rounds)`,
  );
  for (const [engine, r] of Object.entries(results)) {
    const p99 = r.followUps.p99 ?? null;
    console.log(
      `  ${engine.padEnd(8)} customer's request itself p50 ${fmt(r.customerRequest.p50)} p99 ${fmt(r.customerRequest.p99)}`,
    );
    console.log(
      `  ${engine.padEnd(8)} new conversations p50 ${fmt(r.firstMessage.p50)} p99 ${fmt(r.firstMessage.p99)} · follow-ups p50 ${fmt(r.followUps.p50)} p99 ${fmt(p99)} · all 20 sockets p99 ${fmt(r.everySocket.p99)} · missing ${r.missing}`,
    );
    console.log(
      `           target p99 < ${TARGET_P99_MS} ms: new conversations ${r.firstMessage.p99 != null && r.firstMessage.p99 < TARGET_P99_MS ? "meets" : "MISSES"}, follow-ups ${p99 != null && p99 < TARGET_P99_MS ? "meets" : "MISSES"}`,
    );
  }
  console.log(`results: ${file}`);
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await runCleanup();
}
