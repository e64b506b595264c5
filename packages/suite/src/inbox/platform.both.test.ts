import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openWindow,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// What the console reads and changes on the Cloud API for an admin: webhook subscriptions and
// deliveries, and a number's business profile.
let s: TestServer;
let admin: SuiteSession;

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
});
afterAll(() => s.stop());

describe("the Cloud API through the suite", () => {
  it("lists the WABA's subscribed apps and the recent deliveries to them", async () => {
    await openWindow(s, "48600111222");
    const w = await waitFor(
      async () => {
        const d = (await admin.call("GET", "/suite/api/webhooks")).body.data[0];
        return d.deliveries.length ? d : undefined;
      },
      5000,
      "deliveries",
    );
    expect(w.subscriptions).toHaveLength(2); // the business's own app and the suite's
    expect(w.deliveries[0]).toMatchObject({ ok: true, result: "200", fields: ["messages"] });
    expect(w.dead_letters).toEqual([]);
    expect((await admin.call("POST", "/suite/api/webhooks/redrive")).body).toEqual({ redriven: 0 });
  });

  it("reads and changes a number's business profile; errors come back in the suite's envelope", async () => {
    const id = s.phone;
    expect((await admin.call("GET", `/suite/api/numbers/${id}/profile`)).body).toMatchObject({
      about: "Hello from OpenWABA",
    });
    expect(
      (await admin.call("POST", `/suite/api/numbers/${id}/profile`, { about: "Open 9–17, Mon–Fri" })).body.about,
    ).toBe("Open 9–17, Mon–Fri");
    const bad = await admin.call("POST", `/suite/api/numbers/${id}/profile`, { email: "not an email" });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: "platform_refused", graph: { code: 100 } });
    expect((await admin.call("GET", "/suite/api/numbers/999/profile")).status).toBe(404);
  });
});
