import { beforeAll, describe, expect, it } from "vitest";
import {
  openWindow,
  signInInvited,
  signInAdmin,
  text,
  useTestServer,
  waitFor,
  type SuiteSession,
} from "@openwaba/server/testing";

// The console's webhook debugging through the suite: subscribers and where their events go, each
// delivery's request and answer, resend and test, and what became of the messages sent.
const s = useTestServer();
let admin: SuiteSession;

beforeAll(async () => {
  admin = await signInAdmin(s);
});

const overview = async () => (await admin.call("GET", "/suite/api/webhooks")).body.data[0];

describe("webhooks in the console", () => {
  it("lists each subscriber with its callback, and a deleted callback as none", async () => {
    const w = await overview();
    expect(w.waba_id).toBe(s.credentials.waba_id);
    const dev = w.subscribers.find((x: any) => x.app_id === s.credentials.app_id);
    expect(dev).toMatchObject({ callback_url: s.receiver.url, via: "app", waiting: 0, dead: 0 });
    expect(w.subscribers.some((x: any) => x.via === "override" && x.callback_url.includes("/suite/webhooks/"))).toBe(
      true,
    );
    await s.call("DELETE", `/${s.credentials.app_id}/subscriptions`);
    s.platform.directory.forget();
    expect((await overview()).subscribers.find((x: any) => x.app_id === s.credentials.app_id)).toMatchObject({
      callback_url: null,
      via: null,
    });
    await s.call("POST", `/${s.credentials.app_id}/subscriptions`, {
      object: "whatsapp_business_account",
      callback_url: s.receiver.url,
      verify_token: s.credentials.verify_token,
      fields: "messages",
    });
  });

  it("pages the deliveries with their request and answer, filters the failed, resends one and sends the test message", async () => {
    s.receiver.failWith(500);
    await openWindow(s, "48600720001");
    const failed = await waitFor(
      async () =>
        (await admin.call("GET", `/suite/api/webhooks/deliveries?ok=false&app_id=${s.credentials.app_id}`)).body
          .data[0],
      5000,
      "a failed delivery",
    );
    s.receiver.failWith(200);
    expect(failed).toMatchObject({ ok: false, status: 500, url: s.receiver.url });
    expect(JSON.parse(failed.request).entry[0].changes[0].value.messages[0].from).toBe("48600720001");
    // The suite's own delivery of the same message may still be on its way: page once both are logged.
    await waitFor(
      async () => (await admin.call("GET", "/suite/api/webhooks/deliveries?limit=2")).body.data.length === 2,
      5000,
      "two deliveries",
    );
    const page = (await admin.call("GET", "/suite/api/webhooks/deliveries?limit=1")).body;
    expect(page.data).toHaveLength(1);
    expect(
      (await admin.call("GET", `/suite/api/webhooks/deliveries?limit=1&before=${page.paging.next_before}`)).body.data[0]
        .id,
    ).not.toBe(page.data[0].id);
    const before = s.receiver.deliveries.length;
    const resent = await admin.call("POST", `/suite/api/webhooks/deliveries/${failed.id}/resend`, {});
    expect(resent.body).toMatchObject({ success: true, delivery: { resend_of: failed.id, status: 200 } });
    expect(s.receiver.deliveries.slice(before).some((d) => d.raw.toString() === failed.request)).toBe(true);
    const test = await admin.call("POST", "/suite/api/webhooks/test", { app_id: s.credentials.app_id });
    expect(test.body).toMatchObject({ success: true, results: [{ app_id: s.credentials.app_id, ok: true }] });
  });

  it("shows what became of a message sent through the Cloud API: failed with 131047 after the window", async () => {
    const wa = "48600720002";
    await openWindow(s, wa);
    await s.call("POST", "/simulator/clock/advance", { ms: 25 * 3600_000 });
    const id = (await s.call("POST", `/${s.phone}/messages`, text(wa, "too late"))).body.messages[0].id;
    const m = await waitFor(
      async () => {
        const b = (await admin.call("GET", `/suite/api/webhooks/messages/${id}`)).body;
        return b.status === "failed" && b;
      },
      5000,
      "failed",
    );
    expect(m.errors[0]).toMatchObject({ code: 131047 });
    expect((await admin.call("GET", "/suite/api/webhooks/messages")).body.data[0]).toMatchObject({
      id,
      status: "failed",
    });
  });

  it("refuses bad input in its envelope, another tenant's WABA looks like none, and agents may not look", async () => {
    expect((await admin.call("GET", "/suite/api/webhooks/deliveries?limit=0")).status).toBe(400);
    expect((await admin.call("GET", "/suite/api/webhooks/deliveries?waba_id=123")).body.error.code).toBe("not_found");
    expect((await admin.call("GET", "/suite/api/webhooks/messages/wamid.nope")).status).toBe(404);
    expect((await admin.call("POST", "/suite/api/webhooks/deliveries/nope/resend", {})).status).toBe(404);
    const agent = await signInInvited(s, admin, { email: "agent@hooks.test", name: "Agent", role: "agent" });
    expect((await agent.call("GET", "/suite/api/webhooks")).status).toBe(403);
    expect((await agent.call("GET", "/suite/api/webhooks/deliveries")).status).toBe(403);
  });
});
