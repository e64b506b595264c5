import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { openTestStore } from "../testing";
import { JobQueue } from "./queue";

// The store contract for the job queue: the same assertions on SQLite and on PostgreSQL.
const store = await openTestStore();
const q = new JobQueue(store.db, store.dialect);
afterAll(() => store.close());
beforeEach(async () => {
  await store.db.deleteFrom("jobs").execute();
});

const claim = (now: number, ordered = false, limit = 10) =>
  q.claim({ queue: "w", now, limit, visibilityMs: 1000, ordered });

describe(`job queue on ${store.dialect}`, () => {
  it("hands out due jobs once, and again only after the visibility timeout", async () => {
    await q.enqueue(store.db, [{ queue: "w", key: "a", kind: "k", payload: { n: 1 }, runAt: 100 }]);
    expect(await claim(99)).toHaveLength(0);
    const [job] = await claim(100);
    expect(JSON.parse(job.payload)).toEqual({ n: 1 });
    expect(job.attempts).toBe(1);
    expect(await claim(1100)).toHaveLength(0); // still claimed at the edge
    const again = await claim(1101);
    expect(again.map((j) => j.id)).toEqual([job.id]);
    expect(again[0].attempts).toBe(2);
    await q.complete([job.id]);
    expect(await claim(10_000)).toHaveLength(0);
  });

  it("a claim's visibility runs on wall time: a travelling clock makes jobs due, never frees a claim", async () => {
    await q.enqueue(store.db, [{ queue: "w", key: "a", kind: "k", payload: 1, runAt: 100 }]);
    const wall = 5_000;
    expect(
      await q.claim({ queue: "w", now: 100, wallNow: wall, limit: 10, visibilityMs: 1000, ordered: false }),
    ).toHaveLength(1);
    // The simulated world jumps a day ahead; the worker holding the job is still at it.
    expect(
      await q.claim({
        queue: "w",
        now: 86_400_100,
        wallNow: wall + 1000,
        limit: 10,
        visibilityMs: 1000,
        ordered: false,
      }),
    ).toHaveLength(0);
    expect(
      await q.claim({
        queue: "w",
        now: 86_400_100,
        wallNow: wall + 1001,
        limit: 10,
        visibilityMs: 1000,
        ordered: false,
      }),
    ).toHaveLength(1);
  });

  it("says which keys still have work waiting, and brings a kind's waiting jobs forward", async () => {
    expect(await q.keysWaiting("w", ["a", "b"])).toEqual(new Set());
    await q.enqueue(store.db, [
      { queue: "w", key: "a", kind: "app1", payload: 0, runAt: 500 },
      { queue: "w", key: "c", kind: "app2", payload: 0, runAt: 500 },
      { queue: "other", key: "b", kind: "app1", payload: 0, runAt: 500 },
    ]);
    expect(await q.keysWaiting("w", ["a", "b"])).toEqual(new Set(["a"]));
    expect(await q.bringForward("w", "app1", 100)).toBe(1);
    expect((await claim(100)).map((j) => j.key)).toEqual(["a"]);
  });

  it("an ordered queue hands out only the oldest job of each key", async () => {
    await q.enqueue(
      store.db,
      ["a", "a", "b"].map((key, i) => ({ queue: "w", key, kind: "k", payload: i, runAt: 0 })),
    );
    const first = await claim(0, true);
    expect(first.map((j) => JSON.parse(j.payload))).toEqual([0, 2]);
    expect(await claim(5000, true)).toHaveLength(2); // the same two heads after their timeout
    await q.complete(first.map((j) => j.id));
    const next = await claim(6000, true);
    expect(next.map((j) => JSON.parse(j.payload))).toEqual([1]);
  });

  it("retry delays the job and everything queued behind it for the same key", async () => {
    await q.enqueue(
      store.db,
      ["a", "a", "b"].map((key, i) => ({ queue: "w", key, kind: "k", payload: i, runAt: 0 })),
    );
    const [head] = await claim(0, true, 1);
    await q.retry(head, 500, "receiver down", true);
    const rows = await store.db.selectFrom("jobs").select(["key", "run_at", "last_error"]).orderBy("id").execute();
    expect(rows.map((r) => Number(r.run_at))).toEqual([500, 500, 0]);
    expect(rows[0].last_error).toBe("receiver down");
    expect((await claim(499, true)).map((j) => j.key)).toEqual(["b"]);
    expect((await claim(500, true)).map((j) => JSON.parse(j.payload))).toEqual([0]);
  });

  it("dead letters stop blocking their key and can be redriven", async () => {
    await q.enqueue(
      store.db,
      ["a", "a"].map((key, i) => ({ queue: "w", key, kind: "k", payload: i, runAt: 0 })),
    );
    const [head] = await claim(0, true);
    await q.bury(head, "gave up");
    expect((await q.list("w", "dead")).map((j) => j.id)).toEqual([head.id]);
    const [second] = await claim(0, true);
    expect(JSON.parse(second.payload)).toBe(1);
    expect(await q.redrive("w", 50)).toBe(1);
    const dead = await q.list("w", "dead");
    expect(dead).toHaveLength(0);
    const redriven = await store.db.selectFrom("jobs").selectAll().where("id", "=", head.id).executeTakeFirstOrThrow();
    expect([redriven.status, Number(redriven.run_at), redriven.attempts]).toEqual(["ready", 50, 0]);
  });

  it("concurrent claimers never share a job", async () => {
    await q.enqueue(
      store.db,
      Array.from({ length: 200 }, (_, i) => ({ queue: "w", key: `k${i}`, kind: "k", payload: i, runAt: 0 })),
    );
    const batches = await Promise.all(Array.from({ length: 8 }, () => claim(0, false, 40)));
    const ids = batches.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(200);
  });

  it("reports depth, age and the next due time", async () => {
    await q.enqueue(store.db, [
      { queue: "w", key: "a", kind: "k", payload: 0, runAt: 100 },
      { queue: "w", key: "b", kind: "k", payload: 0, runAt: 300 },
    ]);
    expect(await q.nextRunAt("w")).toBe(100);
    expect(await q.nextRunAt("other")).toBeNull();
    expect(await q.stats(1000)).toEqual([{ queue: "w", status: "ready", depth: 2, oldestAgeMs: 900 }]);
  });
});

describe(`ordered queue timing on ${store.dialect}`, () => {
  it("a job queued behind a delayed head is not due before the head", async () => {
    await store.db.deleteFrom("jobs").execute();
    await q.enqueue(store.db, { queue: "w", key: "a", kind: "k", payload: 0, runAt: 0 });
    const [head] = await claim(0, true);
    await q.retry(head, 5000, "down", true);
    await q.enqueue(store.db, { queue: "w", key: "a", kind: "k", payload: 1, runAt: 100 });
    expect(await q.nextRunAt("w", true)).toBe(5000);
    expect(await q.nextRunAt("w", false)).toBe(100);
  });
});
