/** One POST of a webhook batch to one destination, as the dispatcher saw it. */
export interface DeliveryRecord { at: string; app_id: string; url: string; fields: string[]; events: number; ok: boolean; result: string; ms: number }

/**
 * The last webhook deliveries per WABA, in memory (OpenWABA's extension for consoles: Meta keeps
 * no such history). Bounded: the oldest fall off.
 */
export class DeliveryLog {
  private byWaba = new Map<string, DeliveryRecord[]>();
  constructor(private readonly keep = 200) {}

  record(wabaId: string, r: DeliveryRecord): void {
    const list = this.byWaba.get(wabaId) ?? [];
    list.push(r);
    if (list.length > this.keep) list.splice(0, list.length - this.keep);
    this.byWaba.set(wabaId, list);
  }

  recent(wabaId: string, limit = 100): DeliveryRecord[] {
    return (this.byWaba.get(wabaId) ?? []).slice(-limit).reverse();
  }
}
