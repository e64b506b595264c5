import { randomUUID } from "node:crypto";

/** One POST of a webhook batch to one subscriber, as the dispatcher saw it. */
export interface DeliveryRecord {
  at: string;
  app_id: string;
  url: string;
  fields: string[];
  events: number;
  ok: boolean;
  /** The receiver's HTTP status; null when it could not be reached or did not answer in time. */
  status: number | null;
  result: string;
  ms: number;
  /** A retry from the subscriber's backlog rather than the first attempt. */
  redelivery: boolean;
  /** Set when a person sent a logged delivery again: the id of that delivery. */
  resend_of: string | null;
  /** The exact body sent (what the signature covers). */
  request: string;
  /** The start of the receiver's answer. */
  response: string;
}

export type LoggedDelivery = DeliveryRecord & { id: string };

/**
 * The last webhook deliveries per WABA, in memory (OpenWABA's extension for consoles and
 * developers: Meta keeps no such history). Bounded per WABA and in bytes over all WABAs: the
 * oldest fall off, so a busy tenant cannot grow the process.
 */
export class DeliveryLog {
  private byWaba = new Map<string, LoggedDelivery[]>();
  private order: { wabaId: string; record: LoggedDelivery }[] = [];
  private bytes = 0;
  constructor(
    private readonly keep = 200,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  record(wabaId: string, r: DeliveryRecord): LoggedDelivery {
    const logged = { id: randomUUID(), ...r };
    const list = this.byWaba.get(wabaId) ?? [];
    list.push(logged);
    this.byWaba.set(wabaId, list);
    this.order.push({ wabaId, record: logged });
    this.bytes += sizeOf(logged);
    if (list.length > this.keep) this.drop(wabaId, list.shift()!);
    while (this.bytes > this.maxBytes && this.order.length > 1) {
      const oldest = this.order[0]!;
      const l = this.byWaba.get(oldest.wabaId)!;
      const i = l.indexOf(oldest.record);
      if (i >= 0) l.splice(i, 1);
      this.drop(oldest.wabaId, oldest.record);
    }
    return logged;
  }

  private drop(wabaId: string, r: LoggedDelivery): void {
    const i = this.order.findIndex((o) => o.record === r);
    if (i >= 0) this.order.splice(i, 1);
    this.bytes -= sizeOf(r);
    if (this.byWaba.get(wabaId)?.length === 0) this.byWaba.delete(wabaId);
  }

  /** Newest first; `before` pages on from a record's id. */
  recent(
    wabaId: string,
    o: { limit?: number; before?: string; ok?: boolean; appId?: string; field?: string } = {},
  ): LoggedDelivery[] {
    let list = [...(this.byWaba.get(wabaId) ?? [])].reverse();
    if (o.before) {
      const i = list.findIndex((r) => r.id === o.before);
      list = i >= 0 ? list.slice(i + 1) : [];
    }
    if (o.ok !== undefined) list = list.filter((r) => r.ok === o.ok);
    if (o.appId) list = list.filter((r) => r.app_id === o.appId);
    if (o.field) list = list.filter((r) => r.fields.includes(o.field!));
    return list.slice(0, o.limit ?? 100);
  }

  get(wabaId: string, id: string): LoggedDelivery | null {
    return this.byWaba.get(wabaId)?.find((r) => r.id === id) ?? null;
  }
}

const sizeOf = (r: LoggedDelivery) => r.request.length + r.response.length + r.url.length + 200;
