// `npm run bench` (third part): campaigns and flows. A campaign of 100,000 recipients with the
// throughput cap lifted (SQLite and PostgreSQL): time to send everyone and messages per second;
// a campaign at Meta's default 80 messages per second: the pacing error (target within 2 %) and
// that nobody got two; 1,000 customers at once in a three-step flow: p99 from a customer's reply
// to the bot's answer. Reported, never asserted.
import { runCleanup } from "./cleanup";
import { measureCampaign, type CampaignResult } from "./campaigns/measure-campaign";
import { measurePacing, type PacingResult } from "./campaigns/measure-pacing";
import { measureFlow, type FlowResult } from "./flows/measure-flow";
import { machineInfo } from "./machine";
import { pgSchema } from "./pg-schema";
import { writeResults } from "./report";
import { startOpenWaba } from "./server-process";

const CONFIG = {
  campaignRecipients: Number(process.env.OPENWABA_BENCH_CAMPAIGN_RECIPIENTS ?? 100_000),
  pacingRecipients: Number(process.env.OPENWABA_BENCH_PACING_RECIPIENTS ?? 4000),
  capMps: 80,
  flowCustomers: Number(process.env.OPENWABA_BENCH_FLOW_CUSTOMERS ?? 1000),
};
const TARGETS = { pacingErrorPercent: 2 };
const engines = (process.env.OPENWABA_BENCH_ENGINES ?? "sqlite,postgres")
  .split(",")
  .filter((e): e is "sqlite" | "postgres" => e === "sqlite" || e === "postgres");
const log = (part: string) => (m: string) => console.log(`[${part} ${new Date().toISOString().slice(11, 19)}] ${m}`);
const suiteEnv = { OPENWABA_TEMPLATE_REVIEW_MS: "off", OPENWABA_SIM_POPULATION: "0" };

async function server(engine: "sqlite" | "postgres", name: string, env: Record<string, string>) {
  const databaseUrl = engine === "postgres" ? await pgSchema() : undefined;
  return {
    databaseUrl,
    server: await startOpenWaba({
      suite: true,
      name: `openwaba (${engine}, ${name})`,
      env: { ...suiteEnv, ...env },
      ...(databaseUrl ? { databaseUrl } : {}),
    }),
  };
}

try {
  const campaign: Record<string, CampaignResult> = {};
  const flow: Record<string, FlowResult> = {};
  let pacing: PacingResult | null = null;
  for (const engine of engines) {
    const s = await server(engine, "campaign", { OPENWABA_CAMPAIGN_MPS: "1000000" });
    campaign[engine] = await measureCampaign(s.server, {
      recipients: CONFIG.campaignRecipients,
      databaseUrl: s.databaseUrl,
      log: log(`campaign ${engine}`),
    });
    await s.server.child.stop();
  }
  if (engines.includes("sqlite")) {
    // Meta's default: 80 messages per second on the number, and the suite paces to it by itself.
    const s = await server("sqlite", "pacing", { OPENWABA_THROUGHPUT_MPS: String(CONFIG.capMps) });
    pacing = await measurePacing(s.server, {
      recipients: CONFIG.pacingRecipients,
      capMps: CONFIG.capMps,
      log: log("pacing sqlite"),
    });
    await s.server.child.stop();
  }
  for (const engine of engines) {
    const s = await server(engine, "flow", {});
    flow[engine] = await measureFlow(s.server, { customers: CONFIG.flowCustomers, log: log(`flow ${engine}`) });
    await s.server.child.stop();
  }
  const date = new Date().toISOString().slice(0, 10);
  const report = {
    date: `${date}-campaigns`,
    machine: machineInfo(),
    config: CONFIG,
    targets: TARGETS,
    campaign,
    pacing,
    flow,
  };
  const file = writeResults(report);
  const ms = (v: number | null) => (v == null ? "n/a" : `${v.toFixed(1)} ms`);
  console.log(`\nCampaigns (${CONFIG.campaignRecipients.toLocaleString("en")} recipients, throughput cap lifted)`);
  for (const [e, r] of Object.entries(campaign)) {
    console.log(
      `  ${e.padEnd(8)} all sent in ${r.sentS} s (${r.sentPerS}/s) · statuses in after ${r.settledS ?? "n/a"} s · import ${(r.importMs / 1000).toFixed(1)} s · estimate ${r.estimateMs} ms · audience fixed in ${(r.materialiseMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `           ${r.delivered} delivered, ${r.failed} failed (simulated numbers not on WhatsApp), duplicates ${r.duplicates} · peak RSS ${r.peakRssMb ?? "n/a"} MB`,
    );
  }
  if (pacing) {
    console.log(
      `Pacing at ${pacing.capMps}/s (${pacing.recipients} recipients): achieved ${pacing.achievedMps}/s, error ${pacing.pacingErrorPercent} % (target ≤ ${TARGETS.pacingErrorPercent} %: ${pacing.pacingErrorPercent <= TARGETS.pacingErrorPercent ? "meets" : "MISSES"}), at most ${pacing.maxInAnySecond} in any second, ${pacing.throughputRefusals} throughput refusals, duplicates ${pacing.duplicates}`,
    );
  }
  console.log(`Flow (${CONFIG.flowCustomers} customers at once, three steps): customer's reply → bot's answer`);
  for (const [e, r] of Object.entries(flow)) {
    console.log(
      `  ${e.padEnd(8)} p50 ${ms(r.replyToAnswerMs.p50)} p99 ${ms(r.replyToAnswerMs.p99)} max ${ms(r.replyToAnswerMs.max)} · first question p99 ${ms(r.startToFirstQuestionMs.p99)} · unanswered ${r.unanswered}`,
    );
  }
  console.log(`results: ${file}`);
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await runCleanup();
}
