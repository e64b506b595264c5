import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DeliveryResult } from "./delivery-latency";
import type { RulesCost } from "./rules-cost";
import type { ThroughputResult } from "./send-throughput";

export const TARGETS = {
  acceptedSendsPerS: 5000,
  sendP99AtRateMs: 25,
  deliveredP99AtRateMs: 100,
  peakRssMb: 300,
  /** Accepted/s with the rules on over accepted/s with them off: the rules cost at most a fifth. */
  rulesOnToOffThroughput: 0.8,
};

type Drain = { backlog: Record<string, number>; drained: boolean; ms: number; left: Record<string, number> };

export interface BenchResults {
  date: string;
  startedAt: string;
  finishedAt: string;
  totalRunS: number;
  machine: Record<string, unknown>;
  config: Record<string, unknown>;
  setup: {
    serverStartupMs: number;
    usersSetupMs: number;
    users: number;
    storeSnapshotMs: number;
    rulesOffServerStartupMs: number;
  };
  throughput: {
    openwaba: ThroughputResult;
    bareFastify: ThroughputResult;
    ratioOursToBare: { perS: number | null; p50: number | null; p99: number | null };
    drainAfterSaturation: Drain;
    openwabaRulesOff: ThroughputResult;
    drainAfterRulesOffSaturation: Drain;
  };
  rulesCost: RulesCost;
  delivery: DeliveryResult;
  memory: {
    peakRssMb: number | null;
    maxSampledRssMb: number | null;
    rssSamples: number;
    rssAfterPhaseMb: Record<string, number | null>;
  };
  serverWarnOrErrorLogLines: number;
  rulesOffServerWarnOrErrorLogLines: number;
  targets: typeof TARGETS;
}

/**
 * bench/results/<YYYY-MM-DD>.json (UTC date), or <YYYY-MM-DD>.failed.json for a run that broke, so
 * a failed run never overwrites a complete one. Written via a temp file: never half a file.
 */
export function writeResults(r: object & { date: string }, failed = false): string {
  const dir = fileURLToPath(new URL("./results/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${r.date}${failed ? ".failed" : ""}.json`;
  writeFileSync(`${file}.tmp`, JSON.stringify(r, null, 2) + "\n");
  renameSync(`${file}.tmp`, file);
  return file;
}

const ms = (v: number | null) => (v == null ? "n/a" : `${v.toFixed(1)} ms`);
const pct = (v: number | null) => (v == null ? "n/a" : `${v} %`);
const drained = (d: Drain) =>
  `${
    Object.entries(d.backlog)
      .map(([q, n]) => `${q} ${n}`)
      .join(", ") || "none"
  } → ${d.drained ? `${(d.ms / 1000).toFixed(1)} s` : `NOT drained after ${(d.ms / 1000).toFixed(1)} s`}`;
const verdict = (ok: boolean | null) => (ok == null ? "" : ok ? "meets" : "MISSES");
type Row = [string, string, string, string];

/** The lines under an OpenWABA saturation run's headline; `which` tells the runs apart. */
const saturationDetail = (x: ThroughputResult, which: string): Row[] => [
  [`  send latency p50 / p99${which}`, `${ms(x.latencyMs.p50)} / ${ms(x.latencyMs.p99)}`, "", ""],
  [`  non-200 answers / socket errors${which}`, `${x.responses - x.ok200} / ${x.errors}`, "", ""],
  [
    `  CPU of one core: server / load generator${which}`,
    `${pct(x.serverCpuPercent)} / ${pct(x.loadGeneratorCpuPercent)}`,
    "",
    "",
  ],
];

/** The readable table: what was measured, the target, and whether it is met (informational only). */
export function printSummary(r: BenchResults): void {
  const t = r.throughput,
    d = r.delivery,
    m = r.memory,
    rc = r.rulesCost;
  const rows: Row[] = [
    [
      "Accepted sends/s at saturation (" + t.openwaba.connections + " conns, " + t.openwaba.durationS + " s)",
      `${t.openwaba.acceptedPerS}/s`,
      `>= ${TARGETS.acceptedSendsPerS}/s`,
      verdict(t.openwaba.acceptedPerS >= TARGETS.acceptedSendsPerS),
    ],
    ...saturationDetail(t.openwaba, ""),
    ["Bare Fastify req/s (same load)", `${t.bareFastify.acceptedPerS}/s`, "", ""],
    ["  bare latency p50 / p99", `${ms(t.bareFastify.latencyMs.p50)} / ${ms(t.bareFastify.latencyMs.p99)}`, "", ""],
    [
      "  CPU of one core: bare server / load generator",
      `${pct(t.bareFastify.serverCpuPercent)} / ${pct(t.bareFastify.loadGeneratorCpuPercent)}`,
      "",
      "",
    ],
    [
      "OpenWABA / bare Fastify throughput",
      t.ratioOursToBare.perS == null ? "n/a" : `${(t.ratioOursToBare.perS * 100).toFixed(1)} %`,
      "",
      "",
    ],
    ["Backlog after saturation → drained in", drained(t.drainAfterSaturation), "", ""],
    ["Accepted sends/s with OPENWABA_RULES=off (same load)", `${t.openwabaRulesOff.acceptedPerS}/s`, "", ""],
    ...saturationDetail(t.openwabaRulesOff, ", rules off"),
    ["  backlog → drained in, rules off", drained(t.drainAfterRulesOffSaturation), "", ""],
    [
      "Rules cost: accepted/s rules on / rules off",
      `${rc.rulesOnAcceptedPerS} / ${rc.rulesOffAcceptedPerS} = ${rc.ratioOnToOff ?? "n/a"}`,
      `>= ${TARGETS.rulesOnToOffThroughput} (cost <= 1/5)`,
      verdict(rc.met),
    ],
    [
      `Offered ${d.offeredRatePerS}/s for ${d.durationS} s (${d.connections} conns): achieved / accepted`,
      `${d.achievedRatePerS}/s / ${d.accepted} of ${d.requests}`,
      "",
      "",
    ],
    [
      "  send latency p50 / p99",
      `${ms(d.sendLatencyMs.p50)} / ${ms(d.sendLatencyMs.p99)}`,
      `p99 < ${TARGETS.sendP99AtRateMs} ms`,
      verdict(d.sendLatencyMs.p99 == null ? null : d.sendLatencyMs.p99 < TARGETS.sendP99AtRateMs),
    ],
    [
      "  send → delivered webhook p50 / p99 / max",
      `${ms(d.deliveredLatencyMs.p50)} / ${ms(d.deliveredLatencyMs.p99)} / ${ms(d.deliveredLatencyMs.max)}`,
      `p99 < ${TARGETS.deliveredP99AtRateMs} ms`,
      verdict(d.deliveredLatencyMs.p99 == null ? null : d.deliveredLatencyMs.p99 < TARGETS.deliveredP99AtRateMs),
    ],
    [
      "  delivered statuses arrived",
      `${d.deliveredArrived} of ${d.accepted}${d.deliveredMissing ? ` (${d.deliveredMissing} missing)` : ""}`,
      "",
      "",
    ],
    ["  send → sent webhook p50 / p99", `${ms(d.sentLatencyMs.p50)} / ${ms(d.sentLatencyMs.p99)}`, "", ""],
    ["  server CPU (of one core)", pct(d.serverCpuPercent), "", ""],
    [
      "Peak RSS of the server (VmHWM)",
      m.peakRssMb == null ? "n/a" : `${m.peakRssMb} MB`,
      `< ${TARGETS.peakRssMb} MB`,
      verdict(m.peakRssMb == null ? null : m.peakRssMb < TARGETS.peakRssMb),
    ],
  ];
  const head: Row = ["Metric", "Measured", "Target", ""];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...[head, ...rows].map((row) => row[i].length)));
  const line = (row: string[]) =>
    "  " +
    row
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  const mc = r.machine as { cpuModel: string; cores: number; node: string; loadavgStart: number[] };
  console.log(
    `\nOpenWABA bench ${r.date} — ${mc.cpuModel}, ${mc.cores} cores, Node ${mc.node}, load average at start ${mc.loadavgStart.join(" ")}`,
  );
  console.log(line(head));
  console.log("  " + widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
  if (r.serverWarnOrErrorLogLines)
    console.log(`\n  The server logged ${r.serverWarnOrErrorLogLines} warn/error lines during the run.`);
  if (r.rulesOffServerWarnOrErrorLogLines)
    console.log(
      `\n  The rules-off server logged ${r.rulesOffServerWarnOrErrorLogLines} warn/error lines during its run.`,
    );
  console.log(
    "\n  The bench, its load generator and the server share this machine's cores; targets are informational, never enforced.",
  );
}
