import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { openTestStore } from "../testing";
import { type JobCatalog, defineQueue } from "./catalog";
import { catalogWorker } from "./catalog-worker";
import { Jobs } from "./jobs";
import { JobQueue } from "./queue";

// The catalog on both engines: a typed enqueue validates before writing, and a claimed job that
// cannot be read (unknown kind, bad payload) is a dead letter with its reason, never a crash.
const store = await openTestStore();
const queue = new JobQueue(store.db, store.dialect);
afterAll(() => store.close());
beforeEach(async () => {
  await store.db.deleteFrom("jobs").execute();
});

const clock = { now: () => Date.now() };
const work = defineQueue({
  name: "catalog-test",
  ordered: true,
  batchSize: 10,
  visibilityMs: 60_000,
  retry: { maxAttempts: 2, backoff: { fixedMs: 0 }, exhausted: "bury" },
});
// Its kind comes from the payload: this queue takes every row kind, and checks it against the payload.
const events = defineQueue({ ...work, name: "catalog-test-events" });
const CATALOG = {
  "test.greet": { queue: work, schema: z.object({ name: z.string() }) },
  "test.event": { queue: events, schema: z.object({ field: z.string(), n: z.number() }), kind: (p) => p.field },
} satisfies JobCatalog;
const jobs = new Jobs(CATALOG, queue, clock);

async function runUntilIdle(handled: string[], fail = false) {
  const workers = [
    catalogWorker(jobs, "catalog-test", {
      clock,
      idlePollMs: 20,
      handlers: {
        "test.greet": async (p) => {
          if (fail) throw new Error("receiver down");
          handled.push(`greet ${p.name}`);
        },
      },
    }),
    catalogWorker(jobs, "catalog-test-events", {
      clock,
      idlePollMs: 20,
      handlers: { "test.event": async (p, job) => void handled.push(`${job.kind} ${p.n}`) },
    }),
  ];
  for (const w of workers) w.start();
  const waiting = async () =>
    (await queue.nextRunAt("catalog-test", true)) !== null ||
    (await queue.nextRunAt("catalog-test-events", true)) !== null;
  for (let i = 0; i < 100 && (await waiting()); i++) await new Promise((r) => setTimeout(r, 20));
  await Promise.all(workers.map((w) => w.stop()));
}

describe(`job catalog on ${store.dialect}`, () => {
  it("writes a valid payload under its queue and kind, and hands it to its kind's handler", async () => {
    await jobs.enqueue(store.db, "test.greet", { name: "Ana" }, { key: "a" });
    await jobs.enqueue(store.db, "test.event", { field: "messages", n: 1 }, { key: "a" });
    const rows = [
      ...(await queue.list("catalog-test", "ready")),
      ...(await queue.list("catalog-test-events", "ready")),
    ];
    expect(rows.map((r) => [r.queue, r.kind, r.key, JSON.parse(r.payload)])).toEqual([
      ["catalog-test", "test.greet", "a", { name: "Ana" }],
      ["catalog-test-events", "messages", "a", { field: "messages", n: 1 }],
    ]);
    const handled: string[] = [];
    await runUntilIdle(handled);
    expect(handled).toEqual(["greet Ana", "messages 1"]);
  });

  it("refuses a payload that fails its schema before anything is written", async () => {
    await expect(jobs.enqueue(store.db, "test.greet", { name: 7 } as never, { key: "a" })).rejects.toThrow(
      /test\.greet: bad payload/,
    );
    expect(await queue.list("catalog-test", "ready")).toEqual([]);
  });

  it("buries an unknown kind and a bad payload with the reason; the rest of the batch goes on", async () => {
    await queue.enqueue(store.db, [
      { queue: "catalog-test", key: "a", kind: "test.greet", payload: { name: 42 }, runAt: 0 },
      { queue: "catalog-test", key: "b", kind: "test.greet", payload: { name: "Bo" }, runAt: 0 },
      { queue: "catalog-test-events", key: "c", kind: "messages", payload: { field: "statuses", n: 2 }, runAt: 0 },
      { queue: "catalog-test-events", key: "d", kind: "messages", payload: { field: "messages", n: 3 }, runAt: 0 },
    ]);
    // A row whose payload is not JSON at all, and one of a kind the catalog has never heard of.
    await store.db
      .insertInto("jobs")
      .values([
        { queue: "catalog-test", key: "e", kind: "test.greet", payload: "{oops", run_at: 0, created_at: 0 },
        { queue: "catalog-test", key: "f", kind: "x", payload: "{}", run_at: 0, created_at: 0 },
      ])
      .execute();
    const handled: string[] = [];
    await runUntilIdle(handled);
    expect(handled.sort()).toEqual(["greet Bo", "messages 3"]);
    const dead = [...(await queue.list("catalog-test", "dead")), ...(await queue.list("catalog-test-events", "dead"))];
    expect(dead.map((d) => [d.key, d.last_error])).toEqual([
      ["a", expect.stringMatching(/^test\.greet: bad payload: .*name/)],
      ["e", "test.greet: the payload is not JSON"],
      ["f", 'unknown job kind "x" in queue "catalog-test"'],
      ["c", 'test.event: kind "messages" does not match its payload'],
    ]);
    expect(dead.map((d) => d.attempts)).toEqual([1, 1, 1, 1]);
    expect(await queue.list("catalog-test", "ready")).toEqual([]);
  });

  it("retries by the queue's policy and buries once its attempts run out", async () => {
    await jobs.enqueue(store.db, "test.greet", { name: "Cy" }, { key: "a" });
    await runUntilIdle([], true);
    const [dead] = await queue.list("catalog-test", "dead");
    expect([dead.attempts, dead.last_error]).toEqual([2, "receiver down"]);
  });
});
