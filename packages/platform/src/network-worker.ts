import type { OutboundMessage } from "@openwaba/contracts";
import { QueueWorker, eachJob, fromJson, retryThenBury, type Job } from "@openwaba/store";
import { QUEUES, type Platform } from "./platform";
import { reportStatus } from "./commands/report-status";
import { LinkMediaFetcher } from "./media/link-media";
import { GraphError } from "@openwaba/contracts";

const MEDIA = new Set(["image", "video", "audio", "document", "sticker"]);

/** The business read the user's messages up to and including `messageId`. */
export interface ReadReceiptJob { phoneNumberId: string; waId: string; messageId: string; typing: boolean }

/** Where accepted messages go: the simulator, or (later) another carrier. */
export interface Network {
  deliver(msg: OutboundMessage): Promise<void>;
  readReceipt(r: ReadReceiptJob): Promise<void>;
}

/**
 * Hands accepted messages to the network in order per (number, user). With no network the
 * message is reported `sent` and goes no further.
 */
export function createNetworkWorker(platform: Platform, network: Network | null, log?: { error(o: unknown, m?: string): void }) {
  const links = new LinkMediaFetcher(platform);

  /** Fetches `link` media into the media store; a failure ends the message with 131053. */
  async function resolveLink(m: { id: string; waba_id: string; phone_number_id: string; type: string }, content: any): Promise<boolean> {
    if (!MEDIA.has(m.type) || !content?.link) return true;
    try {
      content.id = await links.fetch(m.waba_id, m.phone_number_id, m.type, content.link);
      return true;
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      await platform.db.transaction().execute((tx) => reportStatus(platform, tx, { messageId: m.id, status: "failed", errorCode: err.code, errorDetails: err.details }));
      platform.wake(QUEUES.webhook);
      return false;
    }
  }

  async function handleOne(job: Job): Promise<void> {
    const payload = JSON.parse(job.payload);
    if (job.kind === "read_receipt") { if (network) await network.readReceipt(payload as ReadReceiptJob); return; }
    const m = await platform.db.selectFrom("messages").innerJoin("phone_numbers", "phone_numbers.id", "messages.phone_number_id")
      .select(["messages.id", "messages.phone_number_id", "messages.wa_id", "messages.type", "messages.content", "messages.context_id", "messages.created_at", "messages.status", "phone_numbers.waba_id"])
      .where("messages.id", "=", payload.id).executeTakeFirst();
    if (!m || m.status !== "accepted") return;
    const content = fromJson<any>(m.content, {});
    if (!(await resolveLink(m, content))) return;
    if (!network) {
      await platform.db.transaction().execute((tx) => reportStatus(platform, tx, { messageId: m.id, status: "sent" }));
      platform.wake(QUEUES.webhook);
      return;
    }
    await network.deliver({
      id: m.id, wabaId: m.waba_id, phoneNumberId: m.phone_number_id, waId: m.wa_id, type: m.type,
      content, contextId: m.context_id, createdAt: m.created_at,
    });
  }

  return new QueueWorker({
    queue: platform.queue, name: QUEUES.network, clock: platform.clock, ordered: true, batchSize: 100, visibilityMs: platform.config.claimTimeoutMs, log,
    handle: eachJob(handleOne),
    onFailure: retryThenBury(platform.queue, platform.clock, { maxAttempts: 20, baseMs: 1000, capMs: 60_000, ordered: true }),
  });
}
