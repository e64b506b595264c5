import { afterAll, describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit";
import { openTestStore } from "./testing";

const store = await openTestStore();
afterAll(() => store.close());
const insert = (key: string) => (tx: typeof store.db) =>
  tx
    .insertInto("settings")
    .values({ key, value: "v" })
    .execute()
    .then(() => key);
const keys = async () =>
  (await store.db.selectFrom("settings").select("key").orderBy("key").execute()).map((r) => r.key);

describe(`group commit on ${store.dialect}`, () => {
  it("commits concurrent writes together and answers each caller", async () => {
    const gc = new GroupCommit(store.db);
    const out = await Promise.all(["a", "b", "c"].map((k) => gc.run(insert(k))));
    expect(out).toEqual(["a", "b", "c"]);
    expect(await keys()).toEqual(["a", "b", "c"]);
  });

  it("fails only the write that fails; the rest of its group commits", async () => {
    const gc = new GroupCommit(store.db);
    const results = await Promise.allSettled([gc.run(insert("d")), gc.run(insert("a")), gc.run(insert("e"))]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await keys()).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("uses one transaction for a burst, and no more writes per transaction than its maximum", async () => {
    let transactions = 0;
    const counted = new Proxy(store.db, {
      get: (t, p) => {
        if (p === "transaction") transactions++;
        const v = Reflect.get(t, p);
        return typeof v === "function" ? v.bind(t) : v;
      },
    });
    await Promise.all(["f", "g", "h", "i", "j"].map((k) => new GroupCommit(counted).run(insert(k)).then(() => k)));
    expect(transactions).toBe(5); // five committers: five transactions
    transactions = 0;
    const one = new GroupCommit(counted);
    await Promise.all(["k", "l", "m", "n", "o"].map((k) => one.run(insert(k))));
    expect(transactions).toBe(1);
    transactions = 0;
    const pairs = new GroupCommit(counted, 2);
    await Promise.all(["p", "q", "r", "s", "t"].map((k) => pairs.run(insert(k))));
    expect(transactions).toBe(3);
    expect((await keys()).slice(-15).join("")).toBe("fghijklmnopqrst");
  });
});
