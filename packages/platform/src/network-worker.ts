import { GraphError, type OutboundMessage } from "@openwaba/contracts";
import { catalogWorker, fromJson, runEach, type Db, type Job, type PayloadOf, type TypedJob } from "@openwaba/store";
import { reportStatus } from "./commands/report-status";
import { mediaOf } from "./commands/send-message";
import { LinkMediaFetcher } from "./media/link-media";
import { QUEUES, type Platform } from "./platform";
import type { PlatformJobs } from "./platform-jobs";

/** The business read the user's messages up to and including `messageId`. */
export type ReadReceiptJob = PayloadOf<PlatformJobs, "network.read_receipt">;
type NetworkJob = TypedJob<PlatformJobs, "network.message" | "network.read_receipt">;

/**
 * Where accepted messages go: the simulator, or (later) another carrier. Both calls run inside
 * the hand-off's transaction and must use `tx` for every read and write.
 */
export interface Network {
  deliver(tx: Db, msg: OutboundMessage): Promise<void>;
  readReceipt(tx: Db, r: ReadReceiptJob): Promise<void>;
  /** After the hand-off committed: wake whatever the network queued. */
  afterCommit?(): void;
}

/** A job made ready outside the transaction (anything slow, like fetching link media, done). */
type HandOff = { job: Job; run: (tx: Db) => Promise<void> } | null;

/**
 * Hands accepted messages to the network in order per (number, user). A claimed batch is handed
 * off in one transaction (one commit for many messages); if that fails, each job is retried on
 * its own so one bad message cannot hold up the others. With no network the message is reported
 * `sent` and goes no further.
 */
export function createNetworkWorker(
  platform: Platform,
  network: Network | null,
  log?: { error(o: unknown, m?: string): void },
) {
  const links = new LinkMediaFetcher(platform);

  /** The accepted messages a batch of jobs names, read in one query. */
  async function loadMessages(jobs: NetworkJob[]) {
    const ids = jobs.flatMap((j) => (j.name === "network.message" ? [j.payload.id] : []));
    if (!ids.length) return new Map();
    const rows = await platform.db
      .selectFrom("messages")
      .innerJoin("phone_numbers", "phone_numbers.id", "messages.phone_number_id")
      .select([
        "messages.id",
        "messages.phone_number_id",
        "messages.wa_id",
        "messages.type",
        "messages.content",
        "messages.context_id",
        "messages.created_at",
        "messages.status",
        "phone_numbers.waba_id",
      ])
      .where("messages.id", "in", ids)
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  async function prepare(t: NetworkJob, messages: Awaited<ReturnType<typeof loadMessages>>): Promise<HandOff> {
    const { job } = t;
    if (t.name === "network.read_receipt")
      return network ? { job, run: (tx) => network.readReceipt(tx, t.payload) } : null;
    const m = messages.get(t.payload.id);
    if (!m || m.status !== "accepted") return null;
    const content = fromJson<any>(m.content, {});
    const media = mediaOf(m.type, content);
    if (media?.link) {
      // Media sent by link (a template's media header too) is fetched by the platform before the
      // phone sees it; a failure ends the message with Meta's 131053.
      try {
        media.holder.id = await links.fetch(m.waba_id, m.phone_number_id, media.type, media.link);
      } catch (err) {
        if (!(err instanceof GraphError)) throw err;
        return {
          job,
          run: async (tx) => {
            await reportStatus(platform, tx, {
              messageId: m.id,
              status: "failed",
              errorCode: err.code,
              errorDetails: err.details,
            });
          },
        };
      }
    }
    if (!network)
      return {
        job,
        run: async (tx) => {
          await reportStatus(platform, tx, { messageId: m.id, status: "sent" });
        },
      };
    const msg: OutboundMessage = {
      id: m.id,
      wabaId: m.waba_id,
      phoneNumberId: m.phone_number_id,
      waId: m.wa_id,
      type: m.type,
      content,
      contextId: m.context_id,
      createdAt: m.created_at,
    };
    return { job, run: (tx) => network.deliver(tx, msg) };
  }

  const afterCommit = () => {
    platform.wake(QUEUES.webhook);
    network?.afterCommit?.();
  };
  const alone = (jobs: NetworkJob[]) =>
    runEach(
      jobs,
      (t) => t.job,
      async (t) => {
        const h = await prepare(t, await loadMessages([t]));
        if (h) await platform.db.transaction().execute((tx) => h.run(tx));
        afterCommit();
      },
    );

  return catalogWorker(platform.jobs, QUEUES.network, {
    clock: platform.clock,
    log,
    async batch(jobs) {
      let ready: HandOff[];
      try {
        const messages = await loadMessages(jobs);
        ready = await Promise.all(jobs.map((job) => prepare(job, messages)));
        await platform.db.transaction().execute(async (tx) => {
          for (const h of ready) if (h) await h.run(tx);
        });
      } catch {
        return alone(jobs);
      }
      afterCommit();
      return [];
    },
  });
}
