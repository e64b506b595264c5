import { performance } from "node:perf_hooks";
import { sql, type Selectable } from "kysely";
import type { SuiteCampaignRecipientsTable, SuiteCampaignsTable } from "@openwaba/store";
import { isWindowOpen } from "@openwaba/contracts";
import type { PlatformClient } from "../client/platform-client";
import { tenantTransaction } from "../realtime/tenant-lock";
import type { Suite } from "../suite";
import { consentExclusion } from "../contacts/consent";
import { SuiteError } from "../errors";
import { DAY_MS } from "./capacity";
import { tenantNumber } from "../tenant/tenant-number";
import { limitUse, numberFacts } from "./campaign-setup";
import type { CampaignSpec } from "./campaign-spec";
import { outcomeOf, type SendOutcome } from "./send-outcome";

// Sends one campaign, paced: the n-th message never goes before start + n/mps seconds, so no
// second holds more than the number's throughput (or the campaign's own pace); the messaging
// limit's room is spent only on customers outside a window, and when it is gone the campaign
// holds until the oldest counted customer stops counting (tomorrow), rather than failing them.
// A recipient is sent only from `pending`, by a conditional claim, and a send whose answer was
// lost (a crash, a timeout) is never sent again: it waits as `unconfirmed` for its status
// webhook, and counts as failed after a grace period.

type Campaign = Selectable<SuiteCampaignsTable>;
type Recipient = Selectable<SuiteCampaignRecipientsTable>;
interface Result {
  r: Recipient;
  outsideWindow: boolean;
  outcome: SendOutcome;
  sentAt: number;
}

export const CALLBACK_PREFIX = "owc:";
const CHECK_EVERY_MS = 250;
/** Longer than any send takes (the client gives up after 15 s). */
const STALE_SENDING_MS = 60_000;
const FACTS_EVERY_MS = 60_000;

export class CampaignPump {
  private stopped = false;
  /** Recipients whose send is on its way now. */
  private inflight = new Set<number>();
  private results: Result[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private tenantId = "";

  constructor(
    private readonly suite: Suite,
    private readonly campaignId: string,
    private readonly owner: string,
    private readonly o: { leaseMs: number; maxInflight: number },
  ) {}

  stop(): void {
    this.stopped = true;
  }

  async run(): Promise<void> {
    try {
      await this.send_();
    } catch (err) {
      // The number is gone or the Cloud API will not say how it may send: only a person can help.
      if (!(err instanceof SuiteError)) throw err;
      await this.suite.db
        .updateTable("suite_campaigns")
        .set({ state: "paused", pause_reason: `cannot send: ${err.message}`, updated_at: this.suite.clock.now() })
        .where("id", "=", this.campaignId)
        .where("state", "in", ["scheduled", "running"])
        .execute();
    } finally {
      await this.suite.db
        .updateTable("suite_campaigns")
        .set({ lease_owner: null, lease_until: null })
        .where("id", "=", this.campaignId)
        .where("lease_owner", "=", this.owner)
        .execute();
    }
  }

  private async send_(): Promise<void> {
    const db = this.suite.db;
    let c = await this.load();
    if (!c) return;
    const spec = JSON.parse(c.spec) as CampaignSpec;
    this.tenantId = c.tenant_id;
    const n = await tenantNumber(db, c.tenant_id, c.phone_number_id);
    const client = await this.suite.client(n.connection_id);
    let facts = await numberFacts(this.suite, n);
    let factsAt = this.suite.clock.now();
    const mps = () => Math.min(facts.mps, spec.max_mps ?? Infinity);
    let room = await this.room(c.tenant_id, facts.limit);
    // Whatever was being sent when this campaign's last sender died may have gone: never again blindly.
    await db
      .updateTable("suite_campaign_recipients")
      .set({ state: "unconfirmed", updated_at: this.suite.clock.now() })
      .where("campaign_id", "=", c.id)
      .where("state", "=", "sending")
      .execute();
    let start = performance.now(),
      dispatched = 0,
      lastCheck = 0;
    const window = new SlidingSecond(() => mps());
    try {
      while (!this.stopped) {
        const now = this.suite.clock.now();
        if (performance.now() - lastCheck >= CHECK_EVERY_MS) {
          lastCheck = performance.now();
          await this.flush();
          c = await this.renew();
          if (!c) break;
          await this.sweepUnconfirmed();
          if (now - factsAt >= FACTS_EVERY_MS) {
            facts = await numberFacts(this.suite, n).catch(() => facts);
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
        const paced = Math.floor(((performance.now() - start) * mps()) / 1000) + 1 - dispatched;
        const budget = Math.min(paced, this.o.maxInflight - this.inflight.size, window.room(now));
        if (budget <= 0) {
          await sleep(Math.min(1000, Math.max(1, start + ((dispatched + 1) * 1000) / mps() - performance.now())));
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
        const batch = await this.claim(Math.min(budget, room), now);
        if (!batch.length) {
          await this.flush();
          if (this.inflight.size === 0 && (await this.finishIfDone())) break;
          const next = await db
            .selectFrom("suite_campaign_recipients")
            .select((e) => e.fn.min<number>("due_at").as("t"))
            .where("campaign_id", "=", this.campaignId)
            .where("state", "=", "pending")
            .executeTakeFirst();
          await sleep(next?.t == null ? 100 : Math.max(10, Math.min(1000, Number(next.t) - now)));
          start = performance.now();
          dispatched = 0;
          continue;
        }
        if (c.state === "scheduled")
          await db
            .updateTable("suite_campaigns")
            .set({ state: "running", started_at: now, updated_at: now })
            .where("id", "=", c.id)
            .where("state", "=", "scheduled")
            .execute();
        const windows = await this.windows(
          c.phone_number_id,
          batch.map((r) => r.wa_id),
          now,
        );
        for (const r of batch) {
          dispatched++;
          window.note(now);
          const outside = !windows.has(r.wa_id);
          if (outside && facts.limit !== Infinity) room--;
          this.inflight.add(r.seq);
          void this.send(client, c.phone_number_id, spec, r, outside, now).finally(() => {
            this.inflight.delete(r.seq);
          });
        }
      }
    } finally {
      for (let i = 0; this.inflight.size > 0 && i < 300; i++) await sleep(50);
      await this.flush();
    }
  }

  private load() {
    return this.suite.db.selectFrom("suite_campaigns").selectAll().where("id", "=", this.campaignId).executeTakeFirst();
  }

  /** Keeps the lease while the campaign is still to be sent; undefined: stop (paused, cancelled, done, or another node has it). */
  private async renew(): Promise<Campaign | undefined> {
    const now = this.suite.clock.now();
    const r = await this.suite.db
      .updateTable("suite_campaigns")
      .set({ lease_until: now + this.o.leaseMs })
      .where("id", "=", this.campaignId)
      .where("lease_owner", "=", this.owner)
      .where("state", "in", ["scheduled", "running"])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) ? this.load() : undefined;
  }

  private async room(tenantId: string, limit: number): Promise<number> {
    if (limit === Infinity) return Infinity;
    return limit - (await limitUse(this.suite.db, tenantId, this.suite.clock.now())).used;
  }

  /** Today's room is used up: nothing more until the oldest counted customer stops counting. */
  private async hold(tenantId: string, tier: string): Promise<void> {
    const now = this.suite.clock.now();
    const until = (await limitUse(this.suite.db, tenantId, now)).frees_at ?? now + DAY_MS;
    await this.suite.db
      .updateTable("suite_campaigns")
      .set({
        hold_until: Math.max(until, now + 1000),
        hold_reason: `messaging limit ${tier} reached for 24 hours`,
        updated_at: now,
      })
      .where("id", "=", this.campaignId)
      .execute();
  }

  /** Due recipients, moved from pending to sending in one statement (nobody is taken twice). */
  private async claim(limit: number, now: number): Promise<Recipient[]> {
    const due = await this.suite.db
      .selectFrom("suite_campaign_recipients")
      .select("seq")
      .where("campaign_id", "=", this.campaignId)
      .where("state", "=", "pending")
      .where("due_at", "<=", now)
      .orderBy("due_at")
      .orderBy("seq")
      .limit(limit)
      .execute();
    if (!due.length) return [];
    return this.suite.db
      .updateTable("suite_campaign_recipients")
      .set((e) => ({ state: "sending", attempts: e("attempts", "+", 1), updated_at: now }))
      .where("campaign_id", "=", this.campaignId)
      .where(
        "seq",
        "in",
        due.map((d) => d.seq),
      )
      .where("state", "=", "pending")
      .returningAll()
      .execute();
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

  private async send(
    client: PlatformClient,
    phoneNumberId: string,
    spec: CampaignSpec,
    r: Recipient,
    outsideWindow: boolean,
    sentAt: number,
  ): Promise<void> {
    const body = {
      to: r.wa_id,
      type: "template",
      biz_opaque_callback_data: `${CALLBACK_PREFIX}${this.campaignId}:${r.seq}:${r.attempts}`,
      template: {
        name: spec.template.name,
        language: { code: spec.template.language },
        ...(r.components ? { components: JSON.parse(r.components) } : {}),
      },
    };
    let outcome: SendOutcome;
    try {
      outcome = { kind: "accepted", messageId: (await client.sendMessage(phoneNumberId, body)).id };
    } catch (err) {
      outcome = outcomeOf(err, r.attempts);
      // OpenWABA's platform wants consent in its own ledger: the suite's is passed on, then sent again.
      if (
        outcome.kind === "consent_missing" &&
        (await this.consentGranted(r)) &&
        (await client
          .recordConsent(r.wa_id, "marketing", "granted", `openwaba-suite:${this.campaignId}`)
          .catch(() => false))
      ) {
        try {
          outcome = { kind: "accepted", messageId: (await client.sendMessage(phoneNumberId, body)).id };
        } catch (again) {
          outcome = outcomeOf(again, r.attempts);
        }
      }
    }
    this.results.push({ r, outsideWindow, outcome, sentAt });
    if (this.results.length >= 100) void this.flush();
  }

  private async consentGranted(r: Recipient): Promise<boolean> {
    const k = await this.suite.db
      .selectFrom("suite_contacts")
      .select(["marketing_consent", "consent_source", "consent_at"])
      .where("tenant_id", "=", r.tenant_id)
      .where("wa_id", "=", r.wa_id)
      .executeTakeFirst();
    return consentExclusion(k, "MARKETING") === null;
  }

  /** Records the answers gathered so far, in one transaction. */
  private flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batch = this.results.splice(0);
      if (!batch.length) return;
      const now = this.suite.clock.now();
      // Under the tenant's lock, as the webhooks' intake writes these rows: no deadlocks between the two.
      await tenantTransaction(this.suite, this.tenantId, async (tx) => {
        // Cancelled meanwhile: what was to be tried again goes nowhere.
        const cancelled =
          (await tx.selectFrom("suite_campaigns").select("state").where("id", "=", this.campaignId).executeTakeFirst())
            ?.state === "cancelled";
        const mine = (q: any) => q.where("campaign_id", "=", this.campaignId);
        for (const { r, outsideWindow, outcome: o, sentAt } of batch) {
          // Only while the recipient is still at this attempt: a later one owns the row.
          const at = (q: any) => mine(q).where("seq", "=", r.seq).where("attempts", "=", r.attempts);
          if (o.kind === "accepted") {
            // Its status may have come first (then the state is further on already — or back at
            // pending, when the platform failed it over a limit, and this answer changes nothing).
            await at(
              tx.updateTable("suite_campaign_recipients").set({
                message_id: o.messageId,
                sent_at: sentAt,
                outside_window: outsideWindow ? 1 : 0,
                updated_at: now,
                state: sql<string>`case when state in ('sending', 'unconfirmed') then 'accepted' else state end`,
              }),
            )
              .where("state", "not in", ["pending", "failed", "cancelled"])
              .execute();
          } else if (o.kind === "retry") {
            await at(
              tx.updateTable("suite_campaign_recipients").set({
                state: cancelled ? "cancelled" : "pending",
                due_at: now + o.afterMs,
                error: JSON.stringify({ retry: o.why }),
                updated_at: now,
              }),
            )
              .where("state", "=", "sending")
              .execute();
          } else if (o.kind === "pause_campaign") {
            await at(
              tx
                .updateTable("suite_campaign_recipients")
                .set({ state: cancelled ? "cancelled" : "pending", updated_at: now }),
            )
              .where("state", "=", "sending")
              .execute();
            await tx
              .updateTable("suite_campaigns")
              .set({ state: "paused", pause_reason: `the Cloud API refused: ${o.why} (${o.code})`, updated_at: now })
              .where("id", "=", this.campaignId)
              .where("state", "in", ["scheduled", "running"])
              .execute();
          } else if (o.kind === "unknown") {
            await at(
              tx
                .updateTable("suite_campaign_recipients")
                .set({ state: "unconfirmed", error: JSON.stringify({ unconfirmed: o.why }), updated_at: now }),
            )
              .where("state", "=", "sending")
              .execute();
          } else {
            const error =
              o.kind === "failed"
                ? o.error
                : {
                    code: 139900,
                    title: "No marketing consent",
                    details: "the contact has not given marketing consent",
                  };
            await at(
              tx
                .updateTable("suite_campaign_recipients")
                .set({ state: "failed", error: JSON.stringify(error), updated_at: now }),
            )
              .where("state", "in", ["sending", "unconfirmed"])
              .execute();
          }
        }
      }).catch((err) => {
        // Kept for the next try: a send's answer is never forgotten while the process lives.
        this.results.unshift(...batch);
        this.suite.log.error({ err, campaign: this.campaignId }, "recording campaign sends failed");
      });
    });
    return this.flushing;
  }

  /** Sends whose answer was lost and whose status never came count as failed (never sent again). */
  private async sweepUnconfirmed(): Promise<void> {
    const now = this.suite.clock.now();
    // A send marked under way but no longer in this process's hands (its answer could not be recorded).
    await this.suite.db
      .updateTable("suite_campaign_recipients")
      .set({ state: "unconfirmed", updated_at: now })
      .where("campaign_id", "=", this.campaignId)
      .where("state", "=", "sending")
      .where("updated_at", "<", now - STALE_SENDING_MS)
      .where("seq", "not in", this.inflight.size ? [...this.inflight] : [-1])
      .execute();
    await this.suite.db
      .updateTable("suite_campaign_recipients")
      .set({
        state: "failed",
        error: JSON.stringify({
          code: "unconfirmed",
          title: "Outcome unknown",
          details:
            "The send's answer was lost (a restart or a timeout) and no status followed; it was not sent again, so that nobody gets it twice.",
        }),
        updated_at: now,
      })
      .where("campaign_id", "=", this.campaignId)
      .where("state", "=", "unconfirmed")
      .where("updated_at", "<", now - this.suite.unconfirmedGraceMs)
      .execute();
  }

  private async finishIfDone(): Promise<boolean> {
    const open = await this.suite.db
      .selectFrom("suite_campaign_recipients")
      .select("seq")
      .where("campaign_id", "=", this.campaignId)
      .where("state", "in", ["pending", "sending", "unconfirmed"])
      .limit(1)
      .executeTakeFirst();
    if (open) return false;
    const now = this.suite.clock.now();
    await this.suite.db
      .updateTable("suite_campaigns")
      .set({ state: "completed", completed_at: now, updated_at: now, hold_until: null, hold_reason: null })
      .where("id", "=", this.campaignId)
      .where("state", "in", ["scheduled", "running"])
      .execute();
    return true;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The last second's sends, on the clock their send times are recorded with: however late a timer
 * fires, no window of one second ever holds more than the pace. Past 5,000 a second, pacing alone.
 */
class SlidingSecond {
  private times: number[] = [];
  constructor(private readonly mps: () => number) {}
  room(now: number): number {
    // At least one: a pace below one a second (max_mps from 0.1) is kept by the pacing alone.
    const cap = Math.max(1, Math.floor(this.mps()));
    if (cap > 5000) return Infinity;
    while (this.times.length && now - this.times[0] >= 1000) this.times.shift();
    return Math.max(0, cap - this.times.length);
  }
  note(at: number): void {
    if (this.mps() <= 5000) this.times.push(at);
  }
}
