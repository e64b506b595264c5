import { sql } from "kysely";
import { containing } from "../like-pattern";
import type { Segment } from "@openwaba/contracts/suite";
import type { Db } from "@openwaba/store";

// A segment of contacts (its schema is in contracts) as one query: it serves the contacts list and
// export, a flow's scheduled audience and a campaign's audience.

export function segmentQuery(db: Db, tenantId: string, s: Segment, now: number) {
  let q = db.selectFrom("suite_contacts").selectAll().where("tenant_id", "=", tenantId);
  if (s.q)
    q = q.where((e) =>
      e.or([
        sql<boolean>`lower(name) like ${containing(s.q!.toLowerCase())} escape '\\'`,
        e("wa_id", "like", `%${s.q!.replace(/\D/g, "") || "-"}%`),
      ]),
    );
  if (s.tag) q = q.where(sql<boolean>`tags like ${containing(JSON.stringify(s.tag.toLowerCase()))} escape '\\'`);
  if (s.consent === "none") q = q.where("marketing_consent", "is", null);
  else if (s.consent) q = q.where("marketing_consent", "=", s.consent);
  if (s.active_since) q = q.where("last_activity_at", ">=", Date.parse(s.active_since));
  if (s.active_since_days) q = q.where("last_activity_at", ">=", now - s.active_since_days * 86_400_000);
  // An attribute with exactly that value.
  for (const [k, v] of Object.entries(s.attributes ?? {}))
    q = q.where(sql<boolean>`attributes like ${containing(`${JSON.stringify(k)}:${JSON.stringify(v)}`)} escape '\\'`);
  return q;
}
