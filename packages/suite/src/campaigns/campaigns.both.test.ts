import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  campaignKit,
  signInAdmin,
  signIn,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// Campaigns end to end on the real server: the estimate (consent, opt-outs, duplicates, cost by
// country, duration), pacing within the throughput, personalised templates, ticks and cost,
// replies in the inbox with the campaign noted, opt-outs, pause / resume / cancel, local times.
let s: TestServer;
let admin: SuiteSession;
let kit: ReturnType<typeof campaignKit>;
const pl = (i: number) => `4860090${String(i).padStart(4, "0")}`;
const it_ = (i: number) => `39320900${String(i).padStart(4, "0")}`;

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  kit = campaignKit(s, admin);
  await kit.template(
    "winter_sale",
    "MARKETING",
    "Hi {{1}}! Your code {{2}} gives 20% off today.",
    ["Ewa", "ZIMA20"],
    ["Show me", "Stop promotions"],
  );
  await kit.template("order_update", "UTILITY", "Hello {{1}}, your order {{2}} is ready.", ["Ewa", "860198"]);
  await kit.contacts("phone,name,consent,tags,code", [
    ...Array.from({ length: 6 }, (_, i) => `+${pl(i)},Kasia ${i},yes,vip,PL${i}`),
    `+${pl(6)},Jan,no,vip,PL6`,
    `+${pl(7)},Ola,,vip,PL7`,
    `+${pl(8)},Piotr,revoked,vip,PL8`, // "no" and "revoked" revoke; empty: never asked
    ...Array.from({ length: 3 }, (_, i) => `+${it_(i)},Giulia ${i},yes,vip,IT${i}`),
  ]);
});
afterAll(() => s.stop());

describe("campaigns", () => {
  it("estimate who is reached after consent and duplicates, the cost by country and the time it takes", async () => {
    const spec = {
      name: "Winter",
      template: { name: "winter_sale", language: "en_US", parameters: ["{{contact.name}}", "{{attr.code}}"] },
      audience: { segment: { tag: "vip" } },
    };
    const e = (await admin.call("POST", "/suite/api/campaigns/estimate", { ...spec, phone_number_id: s.phone })).body;
    expect(e).toMatchObject({
      recipients: 9,
      category: "MARKETING",
      excluded: { no_consent: 1, consent_revoked: 2, opted_out: 0, duplicate: 0, invalid_number: 0 },
    });
    expect(e.cost.by_country).toEqual(
      expect.arrayContaining([
        { country: "PL", recipients: 6, total: 0.516 },
        expect.objectContaining({ country: "IT", recipients: 3 }),
      ]),
    );
    expect(e.pace).toMatchObject({
      mps: 80,
      throughput_level: "STANDARD",
      outside_window: 9,
      limited_by: "throughput",
      extra_days: 0,
      messaging_limit: { tier: "TIER_250", limit: 250 },
    });
    // A utility template needs no marketing consent (Piotr withdrew his: he still gets it); a list of numbers is deduplicated and checked.
    const list = (
      await admin.call("POST", "/suite/api/campaigns/estimate", {
        name: "List",
        phone_number_id: s.phone,
        template: {
          name: "order_update",
          language: "en_US",
          parameters: ["{{contact.name|there}}", "{{attr.code|-}}"],
        },
        audience: { phones: [`+${pl(0)}`, `+${pl(0)}`, `0048 ${pl(1).slice(2)}`, "123", `+${pl(8)}`] },
      })
    ).body;
    expect(list).toMatchObject({ recipients: 3, excluded: { duplicate: 1, invalid_number: 1, consent_revoked: 0 } });
  });

  it("refuses what cannot be sent, in the suite's envelope", async () => {
    const bad = async (body: any) =>
      (
        await admin.call("POST", "/suite/api/campaigns", {
          name: "x",
          phone_number_id: s.phone,
          audience: { segment: {} },
          ...body,
        })
      ).body.error;
    expect(await bad({ template: { name: "nope", language: "en_US" } })).toMatchObject({
      code: "invalid_request",
      field: "template.name",
    });
    expect(await bad({ template: { name: "winter_sale", language: "en_US", parameters: ["only one"] } })).toMatchObject(
      { code: "invalid_request", field: "template.parameters" },
    );
    expect(
      await bad({
        template: { name: "winter_sale", language: "en_US", parameters: ["a", "b"] },
        schedule: { type: "local_time", date: "2026-12-24", time: "25:00" },
      }),
    ).toMatchObject({ field: "schedule.time" });
    expect(
      await bad({
        template: { name: "winter_sale", language: "en_US", parameters: ["a", "b"] },
        phone_number_id: "42",
      }),
    ).toMatchObject({ field: "phone_number_id" });
  });

  it("sends personalised templates within the pace, and records ticks, cost, replies and opt-outs", async () => {
    const id = await kit.create({
      name: "Winter sale",
      template: { name: "winter_sale", language: "en_US", parameters: ["{{contact.name}}", "{{attr.code}}"] },
      audience: { segment: { tag: "vip" } },
      max_mps: 4,
    });
    const sent = await kit.send(id);
    expect(sent.totals).toMatchObject({ recipients: 9, excluded: { no_consent: 1, consent_revoked: 2 } });
    const done = await kit.until(id, (c) => c.state === "completed", "completed");
    expect(done.progress).toMatchObject({ recipients: 9, sent: 9, failed: 0 });
    expect((await kit.received(pl(3)))[0].content.rendered.body).toBe("Hi Kasia 3! Your code PL3 gives 20% off today.");
    expect(await kit.received(pl(6))).toEqual([]); // no consent, nothing sent
    // Four a second at most: nine sends take over two seconds, and no second holds more than four.
    const times = (await kit.recipients(id)).map((r) => Date.parse(r.sent_at)).sort((a, b) => a - b);
    expect(times.at(-1)! - times[0]).toBeGreaterThanOrEqual(1900);
    for (const t of times) expect(times.filter((x) => x >= t && x < t + 1000).length).toBeLessThanOrEqual(4);
    const delivered = await kit.until(id, (c) => c.progress.read === 9, "all read");
    expect(delivered.progress.rates).toMatchObject({ delivered: 1, read: 1 });
    expect(delivered.progress.cost.total).toBeGreaterThan(0.5);

    // A reply lands in the inbox with the campaign message before it; a STOP counts as an opt-out.
    const stream = await admin.stream();
    await s.call("POST", `/simulator/users/${pl(2)}/messages`, {
      to: s.phone,
      type: "text",
      text: { body: "Is it valid online too?" },
    });
    await s.call("POST", `/simulator/users/${pl(4)}/messages`, { to: s.phone, type: "text", text: { body: "STOP" } });
    const after = await kit.until(
      id,
      (c) => c.progress.replied >= 1 && c.progress.opted_out === 1,
      "reply and opt-out",
    );
    expect(after.progress.rates.opted_out).toBeCloseTo(1 / 9, 3);
    const conv = await waitFor(
      async () =>
        (await admin.call("GET", "/suite/api/conversations?state=all")).body.data.find((c: any) => c.wa_id === pl(2)),
      5000,
      "conversation",
    );
    const timeline = (await admin.call("GET", `/suite/api/conversations/${conv.id}`)).body.timeline;
    expect(timeline.find((i: any) => i.type === "template")).toMatchObject({
      direction: "out",
      content: { name: "winter_sale", campaign: { id, name: "Winter sale" } },
    });
    expect(timeline.find((i: any) => i.type === "campaign_reply")?.data).toEqual({
      campaign_id: id,
      campaign: "Winter sale",
    });
    // The consoles see it live too: the campaign's message first, then the customer's reply.
    const shown = await waitFor(
      () => {
        const m = stream.events.filter((e) => e.event === "message.created" && e.data.conversation_id === conv.id);
        return m.length >= 2 && m;
      },
      5000,
      "the campaign's message and the reply on the stream",
    );
    expect(shown.map((e) => e.data.message.type)).toEqual(["template", "text"]);
    stream.close();
    expect((await kit.recipients(id, "replied=true")).map((r) => r.phone)).toContain(`+${pl(2)}`);
    // A failure of another attempt for the same recipient, delivered late, changes nothing (nor sends again).
    const one = (await kit.recipients(id)).find((r) => r.phone === `+${pl(3)}`)!;
    await kit.status({
      id: "wamid.an-earlier-attempt",
      status: "failed",
      recipient_id: pl(3),
      timestamp: "1",
      biz_opaque_callback_data: `owc:${id}:${one.seq}:0`,
      errors: [{ code: 139901, title: "Messaging limit" }],
    });
    await kit.status({
      id: "wamid.an-earlier-attempt",
      status: "failed",
      recipient_id: pl(3),
      timestamp: "1",
      biz_opaque_callback_data: `owc:${id}:${one.seq}:0`,
      errors: [{ code: 131026, title: "Undeliverable" }],
    });
    expect((await kit.recipients(id)).find((r) => r.phone === `+${pl(3)}`)).toMatchObject({
      state: "read",
      error: null,
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await kit.received(pl(3))).toHaveLength(1);
    // Per-recipient status as CSV.
    const csv = await (
      await fetch(`${s.url}/suite/api/campaigns/${id}/recipients.csv`, { headers: { cookie: admin.cookie } })
    ).text();
    expect(csv.split("\n")[0]).toContain("phone");
    expect(csv).toContain(`+${pl(2)}`);
  });

  it("pauses, resumes and cancels; a paused campaign sends nothing", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `+${pl(100 + i)},Client ${i},yes,batch2,B${i}`);
    await kit.contacts("phone,name,consent,tags,code", rows);
    const id = await kit.create({
      name: "Slow",
      template: { name: "order_update", language: "en_US", parameters: ["{{contact.name}}", "{{attr.code}}"] },
      audience: { segment: { tag: "batch2" } },
      max_mps: 5,
    });
    await kit.send(id);
    await kit.until(id, (c) => c.progress.sent >= 5, "some sent");
    expect((await admin.call("POST", `/suite/api/campaigns/${id}/pause`)).body.state).toBe("paused");
    await new Promise((r) => setTimeout(r, 600));
    const at = (await kit.get(id)).progress.sent;
    await new Promise((r) => setTimeout(r, 1200));
    expect((await kit.get(id)).progress.sent).toBe(at);
    expect((await admin.call("POST", `/suite/api/campaigns/${id}/pause`)).status).toBe(409);
    expect((await admin.call("POST", `/suite/api/campaigns/${id}/resume`)).body.state).toBe("running");
    await kit.until(id, (c) => c.progress.sent >= at + 3, "more sent");
    const cancelled = (await admin.call("POST", `/suite/api/campaigns/${id}/cancel`)).body;
    expect(cancelled.state).toBe("cancelled");
    const final = await kit.until(id, (c) => c.progress.by_state.sending === 0, "settled");
    expect(final.progress.by_state.cancelled).toBeGreaterThan(0);
    expect(final.progress.by_state.cancelled + final.progress.sent).toBe(30);
    expect((await admin.call("POST", `/suite/api/campaigns/${id}/send`)).status).toBe(409);
  });

  it("pauses by itself when the template can no longer be sent, and says why; nobody fails meanwhile", async () => {
    await kit.template("flash_notice", "UTILITY", "Hello {{1}}, the flash sale starts soon.", ["Ewa"]);
    await kit.contacts(
      "phone,name,consent,tags",
      Array.from({ length: 8 }, (_, i) => `+${pl(300 + i)},Flash ${i},yes,flash`),
    );
    const id = await kit.create({
      name: "Flash",
      template: { name: "flash_notice", language: "en_US", parameters: ["{{contact.name}}"] },
      audience: { segment: { tag: "flash" } },
      max_mps: 2,
    });
    await kit.send(id);
    await kit.until(id, (c) => c.progress.sent >= 1, "one sent");
    // Someone deletes the template in WhatsApp Manager while the campaign runs.
    expect((await s.call("DELETE", `/${s.credentials.waba_id}/message_templates?name=flash_notice`)).status).toBe(200);
    const paused = await kit.until(id, (c) => c.state === "paused", "paused by itself");
    expect(paused.note).toMatch(/^the Cloud API refused: .*\(132001\)$/);
    expect(paused.progress.failed).toBe(0);
    expect(paused.progress.by_state.pending).toBe(8 - paused.progress.sent);
    expect((await admin.call("POST", `/suite/api/campaigns/${id}/cancel`)).body).toMatchObject({
      state: "cancelled",
      progress: { failed: 0 },
    });
  });

  it("sends at the chosen local time in each contact's zone", async () => {
    await kit.contacts("phone,name,consent,tags,timezone,code", [
      `+${pl(200)},Warsaw,yes,local,Europe/Warsaw,W`,
      `+${pl(201)},Brazil,yes,local,America/Sao_Paulo,S`,
    ]);
    const now = Date.parse((await s.call("GET", "/simulator/clock")).body.now);
    const tomorrow = new Date(now + 86_400_000).toISOString().slice(0, 10);
    const id = await kit.create({
      name: "Local",
      template: { name: "order_update", language: "en_US", parameters: ["{{contact.name}}", "{{attr.code}}"] },
      audience: { segment: { tag: "local" } },
      schedule: { type: "local_time", date: tomorrow, time: "10:00" },
    });
    expect((await kit.send(id)).state).toBe("scheduled");
    const due = Object.fromEntries((await kit.recipients(id)).map((r) => [r.phone, Date.parse(r.due_at)]));
    const warsaw = due[`+${pl(200)}`],
      brazil = due[`+${pl(201)}`];
    expect(new Date(warsaw).toISOString()).toBe(`${tomorrow}T09:00:00.000Z`);
    expect(new Date(brazil).toISOString()).toBe(`${tomorrow}T13:00:00.000Z`);
    await s.call("POST", "/simulator/clock/advance", { ms: warsaw - now + 1000 });
    await waitFor(async () => (await kit.received(pl(200))).length === 1, 10_000, "Warsaw at 10:00");
    expect(await kit.received(pl(201))).toEqual([]);
    admin = await signInAdmin(s);
    kit = campaignKit(s, admin);
    await s.call("POST", "/simulator/clock/advance", { ms: brazil - warsaw });
    await waitFor(async () => (await kit.received(pl(201))).length === 1, 10_000, "São Paulo at 10:00");
    await kit.until(id, (c) => c.state === "completed", "completed");
  });

  it("is for supervisors and admins only", async () => {
    const invited = (
      await admin.call("POST", "/suite/api/users", { email: "agent@shop.test", name: "Agent", role: "agent" })
    ).body;
    await fetch(`${s.url}/suite/api/invitations/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: invited.invitation.token, password: "a long enough password" }),
    });
    const agent = await signIn(s, "agent@shop.test", "a long enough password");
    expect((await agent.call("GET", "/suite/api/campaigns")).status).toBe(403);
    expect((await agent.call("POST", "/suite/api/campaigns/estimate", {})).status).toBe(403);
  });
});
