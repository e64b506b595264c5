// A campaign to many recipients with the throughput cap lifted: how long until everyone is sent
// (and until their statuses are in), messages per second, and whether anyone got two.
import { nowMs, sleep } from "../clock";
import { sampleRss, procStatusMb } from "../proc-stats";
import type { OpenWabaProcess } from "../server-process";
import {
  approvedTemplate,
  benchNumbers,
  importContacts,
  messagingTier,
  signInConsole,
  storeQuery,
} from "./bench-suite";

export interface CampaignResult {
  recipients: number;
  importMs: number;
  estimateMs: number;
  materialiseMs: number;
  sentS: number;
  sentPerS: number;
  settledS: number | null;
  settled: boolean;
  failed: number;
  delivered: number;
  duplicates: number;
  maxInFlightAtPlatform: number | null;
  peakRssMb: number | null;
  maxSampledRssMb: number | null;
}

export async function measureCampaign(
  server: OpenWabaProcess,
  o: { recipients: number; databaseUrl?: string; log: (m: string) => void },
): Promise<CampaignResult> {
  const s = await signInConsole(server);
  await approvedTemplate(server, "bench_notice");
  await messagingTier(server, "TIER_UNLIMITED");
  o.log(`importing ${o.recipients} contacts`);
  const importMs = await importContacts(server, s, benchNumbers(o.recipients), "bench");
  const spec = {
    name: "Bench",
    phone_number_id: server.credentials.phone_number_ids[0],
    template: { name: "bench_notice", language: "en_US", parameters: ["{{contact.name}}"] },
    audience: { segment: { tag: "bench" } },
  };
  const c = await s.call("POST", "/suite/api/campaigns", spec);
  let t = nowMs();
  const estimate = await s.call("GET", `/suite/api/campaigns/${c.id}/estimate`);
  const estimateMs = nowMs() - t;
  o.log(`estimate: ${estimate.recipients} recipients in ${Math.round(estimateMs)} ms; sending`);
  const rss = sampleRss(server.child.pid);
  t = nowMs();
  const sent = await s.call("POST", `/suite/api/campaigns/${c.id}/send`);
  const materialiseMs = nowMs() - t;
  let p = sent;
  while (p.state !== "completed") {
    await sleep(500);
    p = await s.call("GET", `/suite/api/campaigns/${c.id}`);
    if (["paused", "cancelled"].includes(p.state)) throw new Error(`campaign ${p.state}: ${p.note}`);
  }
  const sentS = (nowMs() - t - materialiseMs) / 1000;
  o.log(`all ${p.progress.recipients} sent in ${sentS.toFixed(1)} s; waiting for their statuses`);
  // Settled: every recipient's status webhook has reached the suite (nothing left at `accepted`).
  let settled = false;
  for (const deadline = nowMs() + 300_000; nowMs() < deadline; ) {
    p = await s.call("GET", `/suite/api/campaigns/${c.id}`);
    if (p.progress.by_state.accepted === 0) {
      settled = true;
      break;
    }
    await sleep(500);
  }
  const settledS = settled ? (nowMs() - t - materialiseMs) / 1000 : null;
  rss.stop();
  const dupes = await storeQuery<{ n: number }>(
    server,
    o.databaseUrl,
    "select count(*) as n from (select wa_id from messages where direction = 'out' and biz_opaque_callback_data like ? group by wa_id having count(*) > 1) d",
    [`owc:${c.id}:%`],
  );
  return {
    recipients: p.progress.recipients,
    importMs,
    estimateMs: Math.round(estimateMs),
    materialiseMs: Math.round(materialiseMs),
    sentS: Math.round(sentS * 10) / 10,
    sentPerS: Math.round(p.progress.recipients / sentS),
    settledS: settledS === null ? null : Math.round(settledS * 10) / 10,
    settled,
    failed: p.progress.failed,
    delivered: p.progress.delivered,
    duplicates: Number(dupes[0]?.n ?? 0),
    maxInFlightAtPlatform: null,
    peakRssMb: procStatusMb(server.child.pid, "VmHWM"),
    maxSampledRssMb: rss.maxMb,
  };
}
