import { JobQueue, NodeOutboundHttp, openStore, type Store, WorkerRegistry } from "@openwaba/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSuite } from "../index";
import { LocalFanout } from "../realtime/fanout/local-fanout";
import type { Suite } from "../suite";
import { flowDocument } from "./flow-catalog";
import type { FlowDocument } from "@openwaba/contracts/suite";

// Two suites in one process (the tests' servers) keep their own parsed documents: a flow's version
// read by one is never what the other answers, even when both stores hold the same ids.

const quiet = { info() {}, warn() {}, error() {} };
const stores: Store[] = [];

async function suiteWithVersion(name: string): Promise<Suite> {
  const store = await openStore(":memory:");
  stores.push(store);
  const document: FlowDocument = {
    openwaba_flow: 1,
    name,
    trigger: { type: "manual" },
    start: "bye",
    nodes: { bye: { type: "end", message: `Goodbye from ${name}` } },
  };
  await store.db
    .insertInto("suite_flow_versions")
    .values({ flow_id: "flow-1", version: 1, document: JSON.stringify(document), created_by: null, created_at: 0 })
    .execute();
  return createSuite({
    db: store.db,
    dialect: store.dialect,
    queue: new JobQueue(store.db, store.dialect),
    workers: new WorkerRegistry(),
    clock: { now: () => Date.now() },
    log: quiet,
    fanout: new LocalFanout(),
    http: new NodeOutboundHttp(),
  }).suite;
}

let a: Suite;
let b: Suite;

beforeAll(async () => {
  a = await suiteWithVersion("Shop A");
  b = await suiteWithVersion("Shop B");
});
afterAll(async () => {
  for (const s of stores) await s.close();
});

describe("the flow catalog", () => {
  it("keeps each suite's documents apart", async () => {
    expect((await flowDocument(a, a.db, { flowId: "flow-1", version: 1 }))?.name).toBe("Shop A");
    expect((await flowDocument(b, b.db, { flowId: "flow-1", version: 1 }))?.name).toBe("Shop B");
    expect((await flowDocument(a, a.db, { flowId: "flow-1", version: 1 }))?.name).toBe("Shop A");
  });

  it("answers a version from the suite's own cache once read, and null for a version it does not have", async () => {
    expect((await flowDocument(a, a.db, { flowId: "flow-1", version: 1 }))?.name).toBe("Shop A");
    await a.db.deleteFrom("suite_flow_versions").where("flow_id", "=", "flow-1").execute();
    expect((await flowDocument(a, a.db, { flowId: "flow-1", version: 1 }))?.name).toBe("Shop A");
    expect(await flowDocument(a, a.db, { flowId: "flow-1", version: 2 })).toBeNull();
  });
});
