import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTenant, openWindow, startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// The delivery log a developer debugs a receiver with: each POST's exact request and the
// receiver's answer, filtered and paged; a logged delivery sent again; Meta's test message.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const mine = async (q = "") => (await s.call("GET", `/openwaba/webhooks/deliveries${q}`)).body;
const appId = () => s.credentials.app_id;

describe("webhook deliveries", () => {
  it("keeps the exact request, the status and the start of the answer of each POST, newest first", async () => {
    const wamid = await openWindow(s, "48500000101");
    const d = await waitFor(
      async () => (await mine(`?app_id=${appId()}`)).data.find((x: any) => x.request.includes(wamid)),
      5000,
      "logged",
    );
    expect(d).toMatchObject({
      app_id: appId(),
      url: s.receiver.url,
      ok: true,
      status: 200,
      fields: ["messages"],
      redelivery: false,
      resend_of: null,
    });
    expect(s.receiver.deliveries.some((r) => r.raw.toString() === d.request)).toBe(true);
    expect(Date.parse(d.at)).toBeGreaterThan(0);
    expect((await s.call("GET", `/openwaba/webhooks/deliveries/${d.id}`)).body.id).toBe(d.id);
  });

  it("a failure shows the receiver's status and answer; filters by outcome and pages with next_before", async () => {
    s.receiver.failWith(503);
    await openWindow(s, "48500000102");
    const failed = await waitFor(async () => (await mine("?ok=false")).data[0], 5000, "failed delivery");
    s.receiver.failWith(200);
    expect(failed).toMatchObject({ ok: false, status: 503, app_id: appId() });
    expect(failed.result).toContain("503");
    expect((await mine("?ok=false")).data.every((x: any) => !x.ok)).toBe(true);
    const first = await mine("?limit=1");
    expect(first.data).toHaveLength(1);
    const second = await mine(`?limit=1&before=${first.paging.next_before}`);
    expect(second.data[0].id).not.toBe(first.data[0].id);
  });

  it("resends a logged delivery: the same bytes, signed again, recorded as a resend", async () => {
    const d = (await mine(`?app_id=${appId()}&ok=true`)).data[0];
    const before = s.receiver.deliveries.length;
    const r = await s.call("POST", `/openwaba/webhooks/deliveries/${d.id}/resend`, {});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ success: true, delivery: { resend_of: d.id, ok: true, status: 200 } });
    const got = s.receiver.deliveries.slice(before);
    expect(got.map((x) => x.raw.toString())).toEqual([d.request]);
    expect(got[0].signatureOk).toBe(true);
  });

  it("sends Meta's test message to a subscriber", async () => {
    const before = s.receiver.deliveries.length;
    const r = await s.call("POST", "/openwaba/webhooks/test", { app_id: appId() });
    expect(r.body).toMatchObject({ success: true, results: [{ app_id: appId(), ok: true }] });
    const got = s.receiver.deliveries.slice(before).map((x) => x.json);
    expect(got).toHaveLength(1);
    expect(got[0].entry[0].id).toBe("0");
    expect(got[0].entry[0].changes[0].value.messages[0].text.body).toBe("this is a text message");
  });

  it("bad input is a Graph 4xx; another WABA's deliveries look like none", async () => {
    expect((await s.call("GET", "/openwaba/webhooks/deliveries?limit=0")).status).toBe(400);
    expect((await s.call("GET", "/openwaba/webhooks/deliveries?nope=1")).status).toBe(400);
    expect((await s.call("POST", "/openwaba/webhooks/test", { app_id: "123" })).status).toBe(400);
    expect((await s.call("POST", "/openwaba/webhooks/deliveries/nope/resend", {})).status).toBe(404);
    const d = (await mine()).data[0];
    const other = await addTenant(s);
    const theirs = { authorization: `Bearer ${other.token}` };
    expect((await s.call("GET", "/openwaba/webhooks/deliveries", undefined, theirs)).body.data).toEqual([]);
    expect((await s.call("GET", `/openwaba/webhooks/deliveries/${d.id}`, undefined, theirs)).status).toBe(404);
    expect((await s.call("POST", `/openwaba/webhooks/deliveries/${d.id}/resend`, {}, theirs)).status).toBe(404);
    expect((await s.call("POST", "/openwaba/webhooks/test", {}, theirs)).status).toBe(400);
  });
});

describe("subscribers and message status", () => {
  it("lists each subscribed app with where its events go and its backlog", async () => {
    const dev = async () =>
      (await s.call("GET", "/openwaba/webhooks/subscribers")).body.data.find((a: any) => a.app_id === appId());
    expect(await dev()).toMatchObject({
      callback_url: s.receiver.url,
      via: "app",
      fields: ["messages"],
      waiting: expect.any(Number),
      dead: 0,
    });
    await s.call("POST", "/simulator/clock/advance", { ms: 60_000 });
    await waitFor(async () => (await dev()).waiting === 0, 5000, "backlog drained");
    // An app whose subscription was deleted shows no callback: nothing is delivered to it.
    await s.call("DELETE", `/${appId()}/subscriptions`);
    s.platform.directory.forget();
    const after = (await s.call("GET", "/openwaba/webhooks/subscribers")).body.data.find(
      (a: any) => a.app_id === appId(),
    );
    expect(after).toMatchObject({ callback_url: null, via: null });
    const again = await s.call("POST", `/${appId()}/subscriptions`, {
      object: "whatsapp_business_account",
      callback_url: s.receiver.url,
      verify_token: s.credentials.verify_token,
      fields: "messages",
    });
    expect(again.status).toBe(200);
  });

  it("shows a message's final status with the error its webhook carried, only on the token's WABA", async () => {
    const wa = "48500000103";
    await openWindow(s, wa);
    await s.call("POST", "/simulator/clock/advance", { ms: 25 * 3600_000 });
    const sent = await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      to: wa,
      type: "text",
      text: { body: "too late" },
    });
    const id = sent.body.messages[0].id;
    const m = await waitFor(
      async () => {
        const b = (await s.call("GET", `/openwaba/messages/${id}`)).body;
        return b.status === "failed" && b;
      },
      5000,
      "failed status",
    );
    expect(m).toMatchObject({ id, wa_id: wa, direction: "out", type: "text", phone_number_id: s.phone });
    expect(m.errors[0].code).toBe(131047);
    const list = (await s.call("GET", `/openwaba/messages?wa_id=${wa}&direction=out`)).body.data;
    expect(list.map((x: any) => x.id)).toEqual([id]);
    expect((await s.call("GET", "/openwaba/messages?wa_id=abc")).status).toBe(400);
    const other = await addTenant(s, 2);
    expect(
      (await s.call("GET", `/openwaba/messages/${id}`, undefined, { authorization: `Bearer ${other.token}` })).status,
    ).toBe(404);
    expect(
      (await s.call("GET", `/openwaba/messages?wa_id=${wa}`, undefined, { authorization: `Bearer ${other.token}` }))
        .body.data,
    ).toEqual([]);
  });
});
