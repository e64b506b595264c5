import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "../database";
import { openTestStore } from "../testing";
import { tenantLockFor } from "./tenant-lock";

const store = await openTestStore();
afterAll(() => store.close());
const lock = tenantLockFor(store.dialect);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Holds `tenant`'s lock in a transaction for `ms`, logging when it has it and when it ends. */
async function hold(tenant: string, ms: number, log: string[], name: string, fail = false): Promise<void> {
  await store.db
    .transaction()
    .execute(async (tx: Db) => {
      await lock.lock(tx, tenant);
      log.push(`${name} locked`);
      await pause(ms);
      log.push(`${name} ends`);
      if (fail) throw new Error("rolled back");
    })
    .catch((err: Error) => {
      if (!fail) throw err;
    });
}

describe(`the tenant lock on ${store.dialect}`, () => {
  it("lets a second transaction of the same tenant go on only once the first has ended", async () => {
    const log: string[] = [];
    const first = hold("tenant-a", 150, log, "first");
    await pause(30);
    await Promise.all([first, hold("tenant-a", 0, log, "second")]);
    expect(log).toEqual(["first locked", "first ends", "second locked", "second ends"]);
  });

  it.runIf(store.dialect === "postgres")("does not hold up another tenant", async () => {
    const log: string[] = [];
    const first = hold("tenant-a", 150, log, "first");
    await pause(30);
    await Promise.all([first, hold("tenant-b", 0, log, "other")]);
    expect(log).toEqual(["first locked", "other locked", "other ends", "first ends"]);
  });

  it.runIf(store.dialect === "postgres")("is released by a rollback as by a commit", async () => {
    const log: string[] = [];
    const first = hold("tenant-c", 150, log, "first", true);
    await pause(30);
    await Promise.all([first, hold("tenant-c", 0, log, "second")]);
    expect(log).toEqual(["first locked", "first ends", "second locked", "second ends"]);
  });
});
