import { GraphError } from "@openwaba/contracts";

const cursor = (i: number) => Buffer.from(`i:${i}`).toString("base64url");
const position = (c: string | undefined): number | null => {
  if (!c) return null;
  const m = /^i:(\d+)$/.exec(Buffer.from(c, "base64url").toString());
  if (!m) throw new GraphError(100, "Param after/before is not a valid cursor.");
  return Number(m[1]);
};

/**
 * Graph's cursor paging over an ordered list (§1, §10b): `cursors.before/after` always, `next` only
 * when another page exists, `previous` only when one precedes.
 */
export function page<T>(all: T[], query: Record<string, string | undefined>, url: string) {
  const limit = Math.min(Math.max(Number(query.limit) || 25, 1), 1000);
  const after = position(query.after);
  const before = position(query.before);
  let start = after != null ? after + 1 : 0;
  if (before != null) start = Math.max(0, before - limit);
  const end = Math.min(all.length, before != null ? before : start + limit);
  const data = all.slice(start, end);
  const paging: Record<string, unknown> = {
    cursors: { before: cursor(start), after: cursor(Math.max(start, end - 1)) },
  };
  const link = (k: string, v: string) => {
    const q = new URLSearchParams(
      Object.entries(query).filter(
        ([n, x]) => x !== undefined && n !== "after" && n !== "before" && n !== "access_token",
      ) as [string, string][],
    );
    q.set("limit", String(limit));
    q.set(k, v);
    return `${url}?${q}`;
  };
  if (end < all.length) paging.next = link("after", cursor(end - 1));
  if (start > 0) paging.previous = link("before", cursor(start));
  return { data, paging };
}
