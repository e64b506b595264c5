import type { Suite } from "../suite";
import { tenantTransaction } from "../unit-of-work";
import { type AnsweredSend, recordSends } from "./commands/record-sends";

/** Answers are recorded in batches of this many at most between the pump's looks around. */
const BATCH = 100;

/**
 * Gathers a campaign's send answers as they come and records them in one transaction a batch,
 * one batch at a time. A batch that cannot be recorded is kept for the next: a send's answer is
 * never forgotten while the process lives.
 */
export class SendRecorder {
  private answered: AnsweredSend[] = [];
  private recording: Promise<void> = Promise.resolve();

  constructor(
    private readonly suite: Suite,
    private readonly campaignId: string,
    private readonly tenantId: string,
  ) {}

  add(send: AnsweredSend): void {
    this.answered.push(send);
    if (this.answered.length >= BATCH) void this.flush();
  }

  /** Records what has come so far (after any batch being recorded now). */
  flush(): Promise<void> {
    this.recording = this.recording.then(async () => {
      const sends = this.answered.splice(0);
      if (!sends.length) return;
      // Under the tenant's lock, as the webhooks' intake writes these rows: no deadlocks between the two.
      await tenantTransaction(this.suite, this.tenantId, (tx) =>
        recordSends(this.suite, tx, { campaignId: this.campaignId, sends }),
      ).catch((err) => {
        this.answered.unshift(...sends);
        this.suite.log.error({ err, campaign: this.campaignId }, "recording campaign sends failed");
      });
    });
    return this.recording;
  }
}
