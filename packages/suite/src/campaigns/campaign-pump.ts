import { performance } from "node:perf_hooks";
import { isWindowOpen } from "@openwaba/contracts";
import { SuiteError } from "../errors";
import type { Suite } from "../suite";
import { tenantNumber } from "../tenant/tenant-number";
import type { CampaignRow } from "./campaign-rows";
import { limitUse, numberFacts } from "./campaign-setup";
import type { CampaignSpec } from "@openwaba/contracts/suite";
import { DAY_MS } from "./capacity";
import { claimRecipients } from "./commands/claim-recipients";
import { failUnconfirmed } from "./commands/fail-unconfirmed";
import { finishIfDone } from "./commands/finish-campaign";
import { holdCampaign } from "./commands/hold-campaign";
import { releaseLease, renewLease } from "./commands/campaign-lease";
import { markUnconfirmed } from "./commands/mark-unconfirmed";
import { pauseCampaign } from "./commands/pause-campaign";
import { startCampaign } from "./commands/start-campaign";
import { SlidingSecond, nextTurnIn, paced } from "./pacer";
import { sendToRecipient } from "./recipient-send";
import { SendRecorder } from "./send-recorder";

// Sends one campaign, paced: the n-th message never goes before start + n/mps seconds, so no
// second holds more than the number's throughput (or the campaign's own pace); the messaging
// limit's room is spent only on customers outside a window, and when it is gone the campaign
// holds until the oldest counted customer stops counting (tomorrow), rather than failing them.
// A recipient is sent only from `pending`, by a conditional claim, and a send whose answer was
// lost (a crash, a timeout) is never sent again: it waits as `unconfirmed` for its status
// webhook, and counts as failed after a grace period.

const CHECK_EVERY_MS = 250;
/** Longer than any send takes (the client gives up after 15 s). */
const STALE_SENDING_MS = 60_000;
const FACTS_EVERY_MS = 60_000;

export class CampaignPump {
  private stopped = false;
  /** Recipients whose send is on its way now. */
  private inflight = new Set<number>();

  constructor(
    private readonly suite: Suite,
    private readonly campaignId: string,
    private readonly owner: string,
    private readonly o: { leaseMs: number; maxInflight: number },
  ) {}

  stop(): void {
    this.stopped = true;
  }

  /** Sends the campaign while this node holds its lease, then lets the lease go. */
  async run(): Promise<void> {
    const db = this.suite.db;
    try {
      await this.paceSends();
    } catch (err) {
      // The number is gone or the Cloud API will not say how it may send: only a person can help.
      if (!(err instanceof SuiteError)) throw err;
      await pauseCampaign(this.suite, db, { campaignId: this.campaignId, reason: `cannot send: ${err.message}` });
    } finally {
      await releaseLease(this.suite, db, { campaignId: this.campaignId, owner: this.owner });
    }
  }

  private async paceSends(): Promise<void> {
    const suite = this.suite;
    const db = suite.db;
    const campaignId = this.campaignId;
    let c = await this.load();
    if (!c) return;
    const spec = JSON.parse(c.spec) as CampaignSpec;
    const recorder = new SendRecorder(suite, campaignId, c.tenant_id);
    const n = await tenantNumber(db, c.tenant_id, c.phone_number_id);
    const client = await suite.client(n.connection_id);
    let facts = await numberFacts(suite, n);
    let factsAt = suite.clock.now();
    const mps = () => Math.min(facts.mps, spec.max_mps ?? Infinity);
    let room = await this.room(c.tenant_id, facts.limit);
    // Whatever was being sent when this campaign's last sender died may have gone: never again blindly.
    await markUnconfirmed(suite, db, { campaignId });
    let start = performance.now(),
      dispatched = 0,
      lastCheck = 0;
    const window = new SlidingSecond(() => mps());
    try {
      while (!this.stopped) {
        const now = suite.clock.now();
        if (performance.now() - lastCheck >= CHECK_EVERY_MS) {
          lastCheck = performance.now();
          await recorder.flush();
          c = await this.renew();
          if (!c) break;
          await this.sweepUnconfirmed();
          if (now - factsAt >= FACTS_EVERY_MS) {
            facts = await numberFacts(suite, n).catch(() => facts);
            factsAt = now;
            room = await this.room(c.tenant_id, facts.limit);
          }
        }
        if (c.hold_until !== null && c.hold_until > now) {
          await sleep(Math.min(1000, c.hold_until - now));
          lastCheck = 0;
          start = performance.now();
          dispatched = 0;
          continue;
        }
        const budget = Math.min(
          paced(performance.now() - start, mps(), dispatched),
          this.o.maxInflight - this.inflight.size,
          window.room(now),
        );
        if (budget <= 0) {
          await sleep(nextTurnIn(performance.now() - start, mps(), dispatched));
          continue;
        }
        if (room <= 0) {
          room = await this.room(c.tenant_id, facts.limit);
          if (room <= 0) {
            await this.hold(c.tenant_id, facts.tier);
            lastCheck = 0;
            continue;
          }
        }
        const batch = await claimRecipients(suite, db, { campaignId, limit: Math.min(budget, room), now });
        if (!batch.length) {
          await recorder.flush();
          if (this.inflight.size === 0 && (await finishIfDone(suite, db, { campaignId }))) break;
          const next = await db
            .selectFrom("suite_campaign_recipients")
            .select((e) => e.fn.min<number>("due_at").as("t"))
            .where("campaign_id", "=", campaignId)
            .where("state", "=", "pending")
            .executeTakeFirst();
          await sleep(next?.t == null ? 100 : Math.max(10, Math.min(1000, Number(next.t) - now)));
          start = performance.now();
          dispatched = 0;
          continue;
        }
        if (c.state === "scheduled") await startCampaign(suite, db, { campaignId, now });
        const windows = await this.windows(
          c.phone_number_id,
          batch.map((r) => r.wa_id),
          now,
        );
        for (const r of batch) {
          dispatched++;
          window.note(now);
          const outsideWindow = !windows.has(r.wa_id);
          if (outsideWindow && facts.limit !== Infinity) room--;
          this.inflight.add(r.seq);
          void sendToRecipient(suite, client, { campaignId, phoneNumberId: c.phone_number_id, spec, recipient: r })
            .then((outcome) => recorder.add({ recipient: r, outsideWindow, outcome, sentAt: now }))
            .finally(() => {
              this.inflight.delete(r.seq);
            });
        }
      }
    } finally {
      for (let i = 0; this.inflight.size > 0 && i < 300; i++) await sleep(50);
      await recorder.flush();
    }
  }

  private load(): Promise<CampaignRow | undefined> {
    return this.suite.db.selectFrom("suite_campaigns").selectAll().where("id", "=", this.campaignId).executeTakeFirst();
  }

  /** The campaign, while this node keeps its lease; undefined: stop (paused, cancelled, done, or taken over). */
  private async renew(): Promise<CampaignRow | undefined> {
    const until = this.suite.clock.now() + this.o.leaseMs;
    const kept = await renewLease(this.suite, this.suite.db, { campaignId: this.campaignId, owner: this.owner, until });
    return kept ? this.load() : undefined;
  }

  private async room(tenantId: string, limit: number): Promise<number> {
    if (limit === Infinity) return Infinity;
    return limit - (await limitUse(this.suite.db, tenantId, this.suite.clock.now())).used;
  }

  /** Today's room is used up: nothing more until the oldest counted customer stops counting. */
  private async hold(tenantId: string, tier: string): Promise<void> {
    const now = this.suite.clock.now();
    const until = (await limitUse(this.suite.db, tenantId, now)).frees_at ?? now + DAY_MS;
    await holdCampaign(this.suite, this.suite.db, {
      campaignId: this.campaignId,
      until: Math.max(until, now + 1000),
      reason: `messaging limit ${tier} reached for 24 hours`,
    });
  }

  private async windows(phoneNumberId: string, waIds: string[], now: number): Promise<Set<string>> {
    const rows = await this.suite.db
      .selectFrom("suite_conversations")
      .select(["wa_id", "last_inbound_at"])
      .where("phone_number_id", "=", phoneNumberId)
      .where("wa_id", "in", waIds)
      .execute();
    return new Set(rows.filter((r) => isWindowOpen(r.last_inbound_at, now)).map((r) => r.wa_id));
  }

  /** Sends whose answer was lost and whose status never came count as failed (never sent again). */
  private async sweepUnconfirmed(): Promise<void> {
    const now = this.suite.clock.now();
    const campaignId = this.campaignId;
    // A send marked under way but no longer in this process's hands (its answer could not be recorded).
    await markUnconfirmed(this.suite, this.suite.db, {
      campaignId,
      staleBefore: now - STALE_SENDING_MS,
      inflight: [...this.inflight],
    });
    await failUnconfirmed(this.suite, this.suite.db, { campaignId, before: now - this.suite.unconfirmedGraceMs });
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
