import autocannon, { type Result } from "autocannon";
import { nowMs } from "./clock";
import { cpuMeter } from "./proc-stats";
import { summarize, type Summary } from "./stats";

export interface ThroughputResult {
  connections: number;
  durationS: number;
  /** 200 answers per second over the measured run. */
  acceptedPerS: number;
  responses: number;
  ok200: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Client-side latency of the 200 answers, from every sample (autocannon's per-response time). */
  latencyMs: Summary;
  /** 200 answers in each second of the measured run (shows stalls that an average hides). */
  acceptedPerSecond: number[];
  /** CPU used by the server process during the measured run, in % of one core. */
  serverCpuPercent: number | null;
  /** CPU used by the bench process (autocannon runs in it) meanwhile: near 100 % means the client was the limit. */
  loadGeneratorCpuPercent: number | null;
}

export interface SendLoad {
  url: string;
  token: string;
  phoneNumberId: string;
  version: string;
  users: string[];
  /**
   * One rotation over the users for every phase, so that no user is written to again before the
   * pair rate allows (one message per 6 s): with enough users, the limit never refuses a send.
   */
  cursor: { next: number };
}

export const nextUser = (load: SendLoad) => load.users[load.cursor.next++ % load.users.length];

/**
 * POST /{version}/{phone-number-id}/messages as fast as `connections` keep-alive connections can,
 * text messages whose `to` rotates over the users so the load spreads over conversations.
 */
function run(
  load: SendLoad,
  connections: number,
  durationS: number,
  onLatency?: (status: number, ms: number) => void,
): Promise<Result> {
  let i = 0;
  const instance = autocannon({
    url: load.url,
    connections,
    duration: durationS,
    timeout: 10,
    headers: { authorization: `Bearer ${load.token}`, "content-type": "application/json" },
    requests: [
      {
        method: "POST",
        path: `/${load.version}/${load.phoneNumberId}/messages`,
        setupRequest(req) {
          const to = nextUser(load);
          i++;
          return {
            ...req,
            body: JSON.stringify({
              messaging_product: "whatsapp",
              recipient_type: "individual",
              to,
              type: "text",
              text: { body: `bench ${i}` },
            }),
          };
        },
      },
    ],
  });
  if (onLatency)
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => onLatency(status, ms));
  return new Promise<Result>((resolve, reject) => {
    instance.then(resolve, reject);
  });
}

/**
 * A short unmeasured warm-up (JIT, SQLite page cache), then `afterWarmup` (e.g. let the server's
 * queues drain, so the measured run starts from a quiet server), then the measured run.
 */
export async function measureSaturation(
  load: SendLoad,
  o: {
    connections: number;
    warmupS: number;
    durationS: number;
    serverPid: number;
    afterWarmup?: () => Promise<unknown>;
  },
): Promise<ThroughputResult> {
  if (o.warmupS > 0) await run(load, o.connections, o.warmupS);
  await o.afterWarmup?.();
  const latencies: number[] = [];
  const perSecond: number[] = [];
  const start = nowMs();
  const cpu = cpuMeter(o.serverPid, nowMs);
  const ownCpu = cpuMeter(process.pid, nowMs);
  const r = await run(load, o.connections, o.durationS, (status, ms) => {
    if (status !== 200) return;
    latencies.push(ms);
    const sec = Math.floor((nowMs() - start) / 1000);
    perSecond[sec] = (perSecond[sec] ?? 0) + 1;
  });
  const serverCpuPercent = cpu();
  const loadGeneratorCpuPercent = ownCpu();
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
  const ok200 = statusCodes["200"] ?? 0;
  return {
    connections: o.connections,
    durationS: r.duration,
    acceptedPerS: Math.round(ok200 / r.duration),
    responses: Object.values(statusCodes).reduce((a, b) => a + b, 0),
    ok200,
    statusCodes,
    errors: r.errors,
    timeouts: r.timeouts,
    latencyMs: summarize(latencies),
    acceptedPerSecond: Array.from({ length: Math.ceil(r.duration) }, (_, i) => perSecond[i] ?? 0),
    serverCpuPercent,
    loadGeneratorCpuPercent,
  };
}
