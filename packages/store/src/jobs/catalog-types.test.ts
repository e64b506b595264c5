import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type JobCatalog, defineQueue } from "./catalog";
import { catalogWorker } from "./catalog-worker";
import { Jobs } from "./jobs";
import type { JobQueue } from "./queue";

// Compile-time checks (npm run typecheck): enqueues and handlers are held to the catalog.
const q = defineQueue({
  name: "q",
  ordered: false,
  batchSize: 1,
  visibilityMs: 1,
  retry: { maxAttempts: 1, backoff: { fixedMs: 0 }, exhausted: "drop" },
});
const other = defineQueue({ ...q, name: "other" });
const CATALOG = {
  "a.one": { queue: q, schema: z.object({ id: z.string() }) },
  "a.two": { queue: q, schema: z.object({ n: z.number() }) },
  "b.one": { queue: other, schema: z.object({}) },
} satisfies JobCatalog;

function checks(jobs: Jobs<typeof CATALOG>) {
  void jobs.enqueue(jobs.queue as never, "a.one", { id: "x" }, { key: "k" });
  // @ts-expect-error a kind the catalog does not declare
  void jobs.enqueue(jobs.queue as never, "a.three", { id: "x" }, { key: "k" });
  // @ts-expect-error the payload of another kind
  void jobs.enqueue(jobs.queue as never, "a.one", { n: 1 }, { key: "k" });
  // @ts-expect-error every job has a key
  void jobs.enqueue(jobs.queue as never, "a.one", { id: "x" }, {});
  catalogWorker(jobs, "q", {
    clock: Date,
    handlers: { "a.one": async (p) => void p.id, "a.two": async (p) => void p.n },
  });
  // @ts-expect-error a kind of the queue without its handler
  catalogWorker(jobs, "q", { clock: Date, handlers: { "a.one": async () => {} } });
  // @ts-expect-error a handler reading what its payload does not have
  catalogWorker(jobs, "q", { clock: Date, handlers: { "a.one": async (p) => void p.n, "a.two": async () => {} } });
  // @ts-expect-error a queue the catalog does not have
  catalogWorker(jobs, "nope", { clock: Date, handlers: {} });
}

describe("job catalog declarations", () => {
  it("refuses a row kind declared twice in one queue, and two kinds of a queue that both read theirs from the payload", () => {
    const twice = {
      "x.a": { queue: q, schema: z.object({}), kind: "a" },
      "x.b": { queue: q, schema: z.object({}), kind: "a" },
    };
    expect(() => new Jobs(twice, {} as JobQueue, Date)).toThrow("queue q: kind a is declared twice");
    const fromPayload = (p: { k: string }) => p.k;
    const both = {
      "x.a": { queue: q, schema: z.object({ k: z.string() }), kind: fromPayload },
      "x.b": { queue: q, schema: z.object({ k: z.string() }), kind: fromPayload },
    };
    expect(() => new Jobs(both, {} as JobQueue, Date)).toThrow("queue q: two kinds take their kind from the payload");
  });
});

describe("job catalog types", () => {
  it("are checked by the compiler (this file is in npm run typecheck)", () => {
    expect(typeof checks).toBe("function");
    expect(() => new Jobs(CATALOG, {} as JobQueue, Date)).not.toThrow();
  });
});
