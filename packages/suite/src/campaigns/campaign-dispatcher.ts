import { randomUUID } from "node:crypto";
import { suiteTransaction } from "../unit-of-work";
import type { Suite } from "../suite";
import { CampaignPump } from "./campaign-pump";
import { SENDING } from "./campaign-state";
import { backToDraft } from "./commands/back-to-draft";
import { releaseEveryLease, takeLease } from "./commands/campaign-lease";

// Runs the pumps of campaigns to be sent: a node takes a campaign's lease (one node paces it at a
// time; a dead node's lease runs out and another takes over) and keeps it while it sends.

/** The dispatcher's name among the process's workers (to wake it). */
export const CAMPAIGN_DISPATCHER = "suite-campaigns";
const LEASE_MS = 10_000;
const TICK_MS = 500;
/** Fixing even 100,000 recipients takes well under this. */
const PREPARING_STALE_MS = 10 * 60_000;

export class CampaignDispatcher {
  readonly name = CAMPAIGN_DISPATCHER;
  private readonly owner = randomUUID();
  private readonly pumps = new Map<string, { pump: CampaignPump; done: Promise<void> }>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    private readonly suite: Suite,
    private readonly o: { maxInflight?: number } = {},
  ) {}

  /** A SQLite file has one process: leases left by a killed one are free at once, and so is a send it was preparing. */
  async releaseStaleLeases(): Promise<void> {
    await releaseEveryLease(this.suite, this.suite.db);
    await this.backToDraft(this.suite.clock.now() + 1);
  }

  /** A send whose preparation died with its node (nothing moved it on for a long while) is a draft again. */
  private async backToDraft(before: number): Promise<void> {
    const stale = await this.suite.db
      .selectFrom("suite_campaigns")
      .select("id")
      .where("state", "=", "preparing")
      .where("updated_at", "<", before)
      .execute();
    for (const { id } of stale)
      await suiteTransaction(this.suite, (tx) => backToDraft(this.suite, tx, { campaignId: id }));
  }

  start(): void {
    this.timer = setInterval(() => this.wake(), TICK_MS);
    this.wake();
  }

  wake(): void {
    if (this.ticking || !this.timer) return;
    this.ticking = true;
    void this.tick()
      .catch((err) => this.suite.log.warn({ err }, "campaign dispatch failed"))
      .finally(() => {
        this.ticking = false;
      });
  }

  private async tick(): Promise<void> {
    const now = this.suite.clock.now();
    await this.backToDraft(now - PREPARING_STALE_MS);
    const due = await this.suite.db
      .selectFrom("suite_campaigns")
      .select("id")
      .where("state", "in", SENDING)
      .where((e) => e.or([e("lease_owner", "is", null), e("lease_owner", "=", this.owner), e("lease_until", "<", now)]))
      .execute();
    for (const { id } of due) {
      if (this.pumps.has(id) || !this.timer) continue;
      const taken = await takeLease(this.suite, this.suite.db, {
        campaignId: id,
        owner: this.owner,
        until: now + LEASE_MS,
        now,
      });
      if (!taken) continue;
      const pump = new CampaignPump(this.suite, id, this.owner, {
        leaseMs: LEASE_MS,
        maxInflight: this.o.maxInflight ?? 64,
      });
      const done = pump
        .run()
        .catch((err) => this.suite.log.error({ err, campaign: id }, "campaign pump failed"))
        .finally(() => this.pumps.delete(id));
      this.pumps.set(id, { pump, done });
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const p of this.pumps.values()) p.pump.stop();
    await Promise.all([...this.pumps.values()].map((p) => p.done));
  }
}
