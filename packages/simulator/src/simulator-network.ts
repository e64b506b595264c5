import type { OutboundMessage } from "@openwaba/contracts";
import { catalogWorker, toJson, type Db, type QueueWorker } from "@openwaba/store";
import { randomFrom } from "./prng";
import type { SimulatorSettings } from "./profiles";
import type { PlatformPort } from "./platform-port";
import { SIM_QUEUE } from "./simulator-jobs";
import { findUser, userForNumber, type SimUser } from "./sim-users";

/** Types whose delivery Meta reports with `sent` only (§2: reactions). */
const SENT_ONLY = new Set(["reaction"]);

/**
 * The network of virtual phones. Accepted messages arrive here; each user's device reports
 * `sent`, then `delivered` after its delay while online (or when it comes online), then `read`
 * if the user reads it. Every step is a job, so a restart resumes where it was.
 */
export class SimulatorNetwork {
  /** Business typing indicators shown on phones until a reply or 25 s (§2). */
  private typing = new Map<string, number>();

  constructor(
    private readonly port: PlatformPort,
    private readonly settings: SimulatorSettings,
  ) {}

  /** The platform hands a message to the user's phone, inside the hand-off's transaction. */
  async deliver(tx: Db, msg: OutboundMessage): Promise<void> {
    const now = this.port.clock.now();
    const user = await userForNumber(tx, this.settings, now, msg.waId);
    const blocked = await tx
      .selectFrom("sim_blocks")
      .select("at")
      .where("wa_id", "=", msg.waId)
      .where("phone_number_id", "=", msg.phoneNumberId)
      .executeTakeFirst();
    if (!user.on_whatsapp || blocked) {
      await this.port.reportStatus(tx, {
        messageId: msg.id,
        status: "failed",
        errorCode: 131026,
        errorDetails: "Message Undeliverable.",
      });
      return;
    }
    // A phone online with no delay receives at once: sent and delivered in one event.
    const sentOnly = SENT_ONLY.has(msg.type);
    const reachNow = user.online && !sentOnly && user.delivery_ms === 0;
    const [sent] = await this.port.reportStatus(
      tx,
      reachNow
        ? [
            { messageId: msg.id, status: "sent" },
            { messageId: msg.id, status: "delivered" },
          ]
        : { messageId: msg.id, status: "sent" },
    );
    if (!sent) return; // handed off before (a retried hand-off): nothing more to do
    await tx
      .insertInto("sim_chat")
      .values({
        id: msg.id,
        wa_id: msg.waId,
        phone_number_id: msg.phoneNumberId,
        direction: "received",
        type: msg.type,
        content: toJson({ ...(msg.content as object), ...(msg.contextId ? { context: { id: msg.contextId } } : {}) }),
        at: now,
        ticks: sentOnly || reachNow ? "delivered" : "pending",
      })
      .onConflict((c) => c.column("id").doNothing())
      .execute();
    this.typing.delete(`${msg.waId}|${msg.phoneNumberId}`);
    if (reachNow) await this.scheduleRead(tx, msg.id, user, now);
    else if (user.online && !sentOnly) {
      await this.port.jobs.enqueue(tx, "sim.deliver", { id: msg.id }, { key: msg.waId, runAt: now + user.delivery_ms });
    }
  }

  afterCommit(): void {
    this.port.wake("webhook");
    this.port.wake(SIM_QUEUE);
  }

  /** The message is on the phone: delivered, and read later if this user reads it. */
  private async reachPhone(tx: Db, id: string, user: SimUser, now: number): Promise<void> {
    await tx.updateTable("sim_chat").set({ ticks: "delivered" }).where("id", "=", id).execute();
    await this.port.reportStatus(tx, { messageId: id, status: "delivered" });
    await this.scheduleRead(tx, id, user, now);
  }

  private async scheduleRead(tx: Db, id: string, user: SimUser, now: number): Promise<void> {
    if (randomFrom(`${this.settings.seed}|read|${id}`)() < user.read_probability) {
      await this.port.jobs.enqueue(tx, "sim.read", { id }, { key: user.wa_id, runAt: now + user.read_ms });
    }
  }

  async readReceipt(
    tx: Db,
    r: { phoneNumberId: string; waId: string; messageId: string; typing: boolean },
  ): Promise<void> {
    // Blue ticks on this message and every earlier one the user sent in this chat.
    const upTo = await tx.selectFrom("sim_chat").select("at").where("id", "=", r.messageId).executeTakeFirst();
    if (upTo) {
      await tx
        .updateTable("sim_chat")
        .set({ ticks: "read" })
        .where("wa_id", "=", r.waId)
        .where("phone_number_id", "=", r.phoneNumberId)
        .where("direction", "=", "sent")
        .where("at", "<=", upTo.at)
        .execute();
    }
    const key = `${r.waId}|${r.phoneNumberId}`;
    if (r.typing) this.typing.set(key, this.port.clock.now() + 25_000);
    else this.typing.delete(key);
  }

  isTyping(waId: string, phoneNumberId: string): boolean {
    const until = this.typing.get(`${waId}|${phoneNumberId}`);
    return until !== undefined && until > this.port.clock.now();
  }

  /** The worker of the simulator's queue: its phones' scheduled steps. */
  createWorker(log?: { error(o: unknown, m?: string): void }): QueueWorker {
    return catalogWorker(this.port.jobs, SIM_QUEUE, {
      clock: this.port.clock,
      log,
      handlers: {
        "sim.deliver": ({ id }) => this.runStep("deliver", id),
        "sim.read": ({ id }) => this.runStep("read", id),
      },
    });
  }

  /** Runs a scheduled step of a message on its phone. */
  private async runStep(step: "deliver" | "read", id: string): Promise<void> {
    const { db, clock } = this.port;
    await db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom("sim_chat")
        .select(["id", "wa_id", "ticks"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!row) return;
      const user = await findUser(tx, row.wa_id);
      if (!user) return;
      const now = clock.now();
      if (step === "deliver") {
        if (row.ticks !== "pending" || !user.online) return; // offline: delivered when the device comes online
        await this.reachPhone(tx, id, user, now);
      } else {
        if (row.ticks !== "delivered" || !user.online) return;
        await tx.updateTable("sim_chat").set({ ticks: "read" }).where("id", "=", id).execute();
        await this.port.reportStatus(tx, { messageId: id, status: "read" });
      }
    });
    this.afterCommit();
  }

  /** A device coming online receives what waited for it. */
  async setOnline(waId: string, online: boolean): Promise<number> {
    const { db, clock, jobs } = this.port;
    let pending = 0;
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable("sim_users")
        .set({ online: online ? 1 : 0 })
        .where("wa_id", "=", waId)
        .execute();
      if (!online) return;
      const rows = await tx
        .selectFrom("sim_chat")
        .select("id")
        .where("wa_id", "=", waId)
        .where("direction", "=", "received")
        .where("ticks", "=", "pending")
        .orderBy("at")
        .execute();
      pending = rows.length;
      await jobs.enqueueAll(
        tx,
        "sim.deliver",
        rows.map((r) => ({ payload: { id: r.id }, key: waId, runAt: clock.now() })),
      );
    });
    this.port.wake(SIM_QUEUE);
    return pending;
  }
}
