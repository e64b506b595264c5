// A campaign at Meta's default throughput (80 messages per second): how close the pace comes to
// the cap (target: within 2 %), the most sent in any one second, refusals for throughput, and
// whether anyone got two.
import { nowMs, sleep } from "../clock";
import type { OpenWabaProcess } from "../server-process";
import {
  approvedTemplate,
  benchNumbers,
  importContacts,
  messagingTier,
  signInConsole,
  storeQuery,
} from "./bench-suite";

export interface PacingResult {
  recipients: number;
  capMps: number;
  achievedMps: number;
  pacingErrorPercent: number;
  maxInAnySecond: number;
  throughputRefusals: number;
  durationS: number;
  failed: number;
  duplicates: number;
}

export async function measurePacing(
  server: OpenWabaProcess,
  o: { recipients: number; capMps: number; databaseUrl?: string; log: (m: string) => void },
): Promise<PacingResult> {
  const s = await signInConsole(server);
  await approvedTemplate(server, "bench_pace");
  await messagingTier(server, "TIER_10K");
  await importContacts(server, s, benchNumbers(o.recipients, 500_000), "pace");
  const c = await s.call("POST", "/suite/api/campaigns", {
    name: "Pace",
    phone_number_id: server.credentials.phone_number_ids[0],
    template: { name: "bench_pace", language: "en_US", parameters: ["{{contact.name}}"] },
    audience: { segment: { tag: "pace" } },
  });
  o.log(`${o.recipients} recipients at ${o.capMps}/s (about ${Math.round(o.recipients / o.capMps)} s)`);
  const t = nowMs();
  let p = await s.call("POST", `/suite/api/campaigns/${c.id}/send`);
  while (p.state !== "completed") {
    await sleep(1000);
    p = await s.call("GET", `/suite/api/campaigns/${c.id}`);
  }
  const durationS = (nowMs() - t) / 1000;
  // When each message was sent, from the suite's records (the dispatch instants).
  const rows = await storeQuery<{ sent_at: number; error: string | null }>(
    server,
    o.databaseUrl,
    "select sent_at, error from suite_campaign_recipients where campaign_id = ? and sent_at is not null order by sent_at",
    [c.id],
  );
  const times = rows.map((r) => Number(r.sent_at));
  const achieved = ((times.length - 1) * 1000) / (times[times.length - 1] - times[0]);
  let maxInSecond = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= 1000) j++;
    maxInSecond = Math.max(maxInSecond, i - j + 1);
  }
  const dupes = await storeQuery<{ n: number }>(
    server,
    o.databaseUrl,
    "select count(*) as n from (select wa_id from messages where direction = 'out' and biz_opaque_callback_data like ? group by wa_id having count(*) > 1) d",
    [`owc:${c.id}:%`],
  );
  return {
    recipients: p.progress.recipients,
    capMps: o.capMps,
    achievedMps: Math.round(achieved * 100) / 100,
    pacingErrorPercent: Math.round((Math.abs(achieved - o.capMps) / o.capMps) * 10000) / 100,
    maxInAnySecond: maxInSecond,
    throughputRefusals: rows.filter((r) => (r.error ?? "").includes("throughput")).length,
    durationS: Math.round(durationS * 10) / 10,
    failed: p.progress.failed,
    duplicates: Number(dupes[0]?.n ?? 0),
  };
}
