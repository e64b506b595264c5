import { nowMs, sleep } from "./clock";
import type { Pacer, SentRecord } from "./paced-sender";
import { cpuMeter } from "./proc-stats";
import type { Receiver } from "./receiver-process";
import { summarize, type Summary } from "./stats";

export interface DeliveryResult {
  offeredRatePerS: number;
  durationS: number;
  requests: number;
  /** Requests actually started per second over the sending period. */
  achievedRatePerS: number;
  /** How late the loop started requests versus their schedule (client-side pacing quality). */
  startLagMs: Summary;
  accepted: number;
  statusCodes: Record<string, number>;
  /** Requests with no answer 10 s after the last one started (cut off, counted as status "error"). */
  abandoned: number;
  /** Keep-alive connections the client used, and how many it had to open during the run (0 = all pre-opened). */
  connections: number;
  connectionsOpened: number;
  /** Send request latency (request start → response end) of the 200s. */
  sendLatencyMs: Summary;
  /** Request start → first `delivered` status for that wamid at the receiver. */
  deliveredLatencyMs: Summary;
  deliveredArrived: number;
  deliveredMissing: number;
  /** Request start → first `sent` status at the receiver (for context). */
  sentLatencyMs: Summary;
  sentArrived: number;
  /** How long after the last response the bench waited for the stragglers. */
  waitedAfterLastResponseMs: number;
  receiverPosts: number;
  receiverStatuses: number;
  /** CPU used by the server process while the requests were being sent, in % of one core. */
  serverCpuPercent: number | null;
  /** By second of request start: how many started, were accepted, and their send/delivered latency. */
  perSecond: {
    second: number;
    started: number;
    accepted: number;
    sendP50: number | null;
    sendP99: number | null;
    deliveredP50: number | null;
    deliveredP99: number | null;
  }[];
}

/**
 * With the receiver subscribed: offers sends at a fixed rate, then waits until every accepted
 * message's `delivered` status has arrived (or `settleTimeoutMs` passes), and joins the two by wamid.
 */
export async function measureDelivery(
  pacer: Pacer,
  receiver: Receiver,
  o: {
    ratePerS: number;
    durationS: number;
    settleTimeoutMs: number;
    firstIndex: number;
    serverPid: number;
    connections: number;
  },
): Promise<DeliveryResult> {
  const before = (await receiver.count()).delivered;
  const cpu = cpuMeter(o.serverPid, nowMs);
  const { records, abandoned, connectionsOpened } = await pacer.run({
    ratePerS: o.ratePerS,
    durationS: o.durationS,
    firstIndex: o.firstIndex,
  });
  const serverCpuPercent = cpu();
  const lastResponse = nowMs();
  const accepted = records.filter((r) => r.status === 200 && r.wamid);

  // Settle: all accepted delivered, or nothing new for 3 s, or the timeout.
  let last = -1,
    lastChange = nowMs();
  for (;;) {
    const n = (await receiver.count()).delivered - before;
    if (n >= accepted.length) break;
    if (n !== last) {
      last = n;
      lastChange = nowMs();
    }
    if (nowMs() - lastChange > 3000 || nowMs() - lastResponse > o.settleTimeoutMs) break;
    await sleep(100);
  }
  const waited = nowMs() - lastResponse;
  const dump = await receiver.dump();

  const delivered: number[] = [],
    sent: number[] = [];
  const t0 = records[0].startMs;
  const bySecond = new Map<number, { started: number; send: number[]; delivered: number[] }>();
  for (const r of records) {
    const sec = Math.floor((r.startMs - t0) / 1000);
    const b = bySecond.get(sec) ?? { started: 0, send: [], delivered: [] };
    bySecond.set(sec, b);
    b.started++;
    if (r.status !== 200 || !r.wamid) continue;
    b.send.push(r.endMs - r.startMs);
    const d = dump.delivered.get(r.wamid);
    if (d != null) {
      delivered.push(d - r.startMs);
      b.delivered.push(d - r.startMs);
    }
    const s = dump.sent.get(r.wamid);
    if (s != null) sent.push(s - r.startMs);
  }
  const perSecond = [...bySecond]
    .sort((a, b) => a[0] - b[0])
    .map(([second, b]) => {
      const send = summarize(b.send),
        del = summarize(b.delivered);
      return {
        second,
        started: b.started,
        accepted: b.send.length,
        sendP50: send.p50,
        sendP99: send.p99,
        deliveredP50: del.p50,
        deliveredP99: del.p99,
      };
    });
  const statusCodes: Record<string, number> = {};
  for (const r of records)
    statusCodes[String(r.status || "error")] = (statusCodes[String(r.status || "error")] ?? 0) + 1;
  const firstStart = records[0].startMs,
    lastStart = records[records.length - 1].startMs; // started in order
  return {
    offeredRatePerS: o.ratePerS,
    durationS: o.durationS,
    requests: records.length,
    achievedRatePerS: Math.round((records.length - 1) / ((lastStart - firstStart) / 1000)),
    startLagMs: summarize(records.map((r: SentRecord) => r.startMs - r.scheduledMs)),
    accepted: accepted.length,
    statusCodes,
    abandoned,
    connections: o.connections,
    connectionsOpened,
    sendLatencyMs: summarize(accepted.map((r) => r.endMs - r.startMs)),
    deliveredLatencyMs: summarize(delivered),
    deliveredArrived: delivered.length,
    deliveredMissing: accepted.length - delivered.length,
    sentLatencyMs: summarize(sent),
    sentArrived: sent.length,
    waitedAfterLastResponseMs: Math.round(waited),
    receiverPosts: dump.posts,
    receiverStatuses: dump.statuses,
    serverCpuPercent,
    perSecond,
  };
}
