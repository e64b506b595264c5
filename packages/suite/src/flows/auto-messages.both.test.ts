import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  flowKit,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// The greeting goes to customers new to the business or back after 14 days of quiet — not to one
// who comes back a minute sooner (both sides of the threshold, with the clock travelling).
let s: TestServer;
let admin: SuiteSession;
let kit: ReturnType<typeof flowKit>;
const DAY = 24 * 3600_000;
const wa = "48600810001";

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  kit = flowKit(s, admin);
  await admin.call("POST", "/suite/api/me/availability", { availability: "away" });
  await admin.call("PUT", "/suite/api/settings/auto-messages", { greeting: { enabled: true, text: "Welcome!" } });
});
afterAll(() => s.stop());

async function resolveAndWait(ms: number) {
  const c = (await kit.conversation(wa))!;
  expect((await admin.call("POST", `/suite/api/conversations/${c.id}/state`, { state: "resolved" })).status).toBe(200);
  await s.call("POST", "/simulator/clock/advance", { ms });
  admin = await signInAdmin(s); // sessions last 12 hours
  kit = flowKit(s, admin);
}

describe("the greeting", () => {
  it("greets a new customer, not one back within 14 days, and again one back after them", async () => {
    await kit.user(wa);
    await kit.say(wa, "hello");
    expect(await kit.waitReceived(wa, 1)).toEqual(["Welcome!"]);
    await resolveAndWait(14 * DAY - 60_000);
    await kit.say(wa, "hello again");
    await waitFor(async () => (await kit.conversation(wa))?.state === "open", 5000, "new cycle");
    await new Promise((r) => setTimeout(r, 700));
    expect(await kit.received(wa)).toEqual(["Welcome!"]);
    await resolveAndWait(14 * DAY + 60_000);
    await kit.say(wa, "hello after a while");
    expect(await kit.waitReceived(wa, 2)).toEqual(["Welcome!", "Welcome!"]);
  });
});
