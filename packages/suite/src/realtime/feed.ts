import type { Db } from "@openwaba/store";

export interface FeedEvent {
  seq: number;
  team_id: string | null;
  conversation_id: string | null;
  kind: string;
  payload: Record<string, any>;
  at: number;
}

const KEEP = 5000;

/**
 * The tenant's recent events, read once per change and shared by every open stream of this
 * process: twenty consoles cost one query and one JSON parse per event, not twenty. A stream
 * further behind than the cache reads the store itself.
 */
export class EventFeed {
  private tenants = new Map<
    string,
    { rows: FeedEvent[]; last: number; dirty: boolean; loading: Promise<void> | null }
  >();
  constructor(private readonly db: Db) {}

  /** Something was committed (here or, seen by polling, on another node): read again on next use. */
  invalidate(): void {
    for (const t of this.tenants.values()) t.dirty = true;
  }

  async since(tenantId: string, seq: number): Promise<FeedEvent[]> {
    let t = this.tenants.get(tenantId);
    if (!t) {
      t = { rows: [], last: seq, dirty: true, loading: null };
      this.tenants.set(tenantId, t);
    }
    if (seq < t.last - (t.rows.length ? t.last - t.rows[0].seq + 1 : 0)) return this.read(tenantId, seq, 500);
    while (t.dirty || t.loading) {
      if (!t.loading) {
        const tt = t;
        tt.dirty = false;
        tt.loading = this.read(tenantId, tt.last, 1000)
          .then((rows) => {
            tt.rows.push(...rows);
            if (rows.length) tt.last = rows[rows.length - 1].seq;
            if (rows.length === 1000) tt.dirty = true;
            if (tt.rows.length > KEEP) tt.rows.splice(0, tt.rows.length - KEEP);
          })
          .finally(() => {
            tt.loading = null;
          });
      }
      await t.loading;
    }
    const from = t.rows.findIndex((r) => r.seq > seq);
    return from < 0 ? [] : t.rows.slice(from, from + 500);
  }

  private async read(tenantId: string, after: number, limit: number): Promise<FeedEvent[]> {
    const rows = await this.db
      .selectFrom("suite_events")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("seq", ">", after)
      .orderBy("seq")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      seq: r.seq,
      team_id: r.team_id,
      conversation_id: r.conversation_id,
      kind: r.kind,
      payload: JSON.parse(r.payload),
      at: r.at,
    }));
  }
}
