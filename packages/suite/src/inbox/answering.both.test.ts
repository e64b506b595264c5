import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openWindow,
  PDF_DOC,
  PNG_1x1,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// Answering well: media both ways, interactive buttons and the customer's tap, a reply to one
// message, a reaction, and the customer profile with the marketing preference.
let s: TestServer;
let admin: SuiteSession;
let conv: string;
const wa = "393400900100";
const timeline = async () => (await admin.call("GET", `/suite/api/conversations/${conv}`)).body.timeline as any[];
const chat = async () => (await s.call("GET", `/simulator/users/${wa}/chats/${s.phone}`)).body.messages as any[];
const send = (body: unknown) => admin.call("POST", `/suite/api/conversations/${conv}/messages`, body);

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  await openWindow(s, wa);
  conv = (
    await waitFor(
      async () => (await admin.call("GET", "/suite/api/conversations")).body.data.find((c: any) => c.wa_id === wa),
      5000,
      "conversation",
    )
  ).id;
});
afterAll(() => s.stop());

describe("answering", () => {
  it("shows the customer's image through the Cloud API to agents who may see it", async () => {
    await s.call("POST", `/simulator/users/${wa}/messages`, {
      to: s.phone,
      type: "image",
      image: { data: PNG_1x1.toString("base64"), mime_type: "image/png", caption: "my receipt" },
    });
    const img = await waitFor(async () => (await timeline()).find((i) => i.type === "image"), 5000, "image");
    expect(img.content).toMatchObject({ caption: "my receipt", mime_type: "image/png" });
    const r = await fetch(`${s.url}/suite/api/media/${img.content.id}`, { headers: { cookie: admin.cookie } });
    expect(r.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await r.arrayBuffer()).equals(PNG_1x1)).toBe(true);
    expect((await fetch(`${s.url}/suite/api/media/123456`, { headers: { cookie: admin.cookie } })).status).toBe(404);
  });

  it("uploads an agent's document and sends it by id; the phone receives it", async () => {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(PDF_DOC)], { type: "application/pdf" }), "invoice.pdf");
    const up = await fetch(`${s.url}/suite/api/conversations/${conv}/media`, {
      method: "POST",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
      body: form,
    });
    expect(up.status).toBe(201);
    const { id } = (await up.json()) as { id: string };
    expect(
      (await send({ type: "document", document: { id, filename: "invoice.pdf", caption: "Your invoice" } })).status,
    ).toBe(201);
    await waitFor(async () => (await chat()).find((m) => m.type === "document"), 5000, "document on the phone");
  });

  it("sends buttons; the customer's tap comes back as the interactive reply", async () => {
    const r = await send({
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "Was this helpful?" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "yes", title: "Yes" } },
            { type: "reply", reply: { id: "no", title: "No" } },
          ],
        },
      },
    });
    expect(r.status).toBe(201);
    const onPhone = await waitFor(
      async () => (await chat()).find((m) => m.type === "interactive"),
      5000,
      "buttons on the phone",
    );
    await s.call("POST", `/simulator/users/${wa}/messages`, {
      to: s.phone,
      type: "interactive",
      context: { message_id: onPhone.id },
      interactive: { type: "button_reply", button_reply: { id: "yes" } },
    });
    const tap = await waitFor(
      async () => (await timeline()).find((i) => i.type === "interactive" && i.direction === "in"),
      5000,
      "tap",
    );
    expect(tap.content).toEqual({ type: "button_reply", button_reply: { id: "yes", title: "Yes" } });
    expect(tap.context_id).toBe(r.body.id);
  });

  it("sends a list; the customer's choice comes back as the list reply", async () => {
    const r = await send({
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: "How can we help?" },
        action: {
          button: "Choose",
          sections: [
            {
              title: "Options",
              rows: [
                { id: "r1", title: "Track my order" },
                { id: "r2", title: "Return an item" },
              ],
            },
          ],
        },
      },
    });
    expect(r.status).toBe(201);
    const onPhone = await waitFor(
      async () => (await chat()).find((m) => m.type === "interactive" && m.content.type === "list"),
      5000,
      "list on the phone",
    );
    await s.call("POST", `/simulator/users/${wa}/messages`, {
      to: s.phone,
      type: "interactive",
      context: { message_id: onPhone.id },
      interactive: { type: "list_reply", list_reply: { id: "r2" } },
    });
    const pick = await waitFor(
      async () => (await timeline()).find((i) => i.type === "interactive" && i.content.type === "list_reply"),
      5000,
      "choice",
    );
    expect(pick.content.list_reply).toEqual({ id: "r2", title: "Return an item" });
  });

  it("replies to one message and reacts to another", async () => {
    const first = (await timeline()).find((i) => i.direction === "in" && i.type === "text");
    const reply = await send({ type: "text", text: { body: "About this one:" }, context_message_id: first.id });
    expect(reply.body.context_id).toBe(first.id);
    expect((await send({ type: "reaction", reaction: { message_id: first.id, emoji: "👍" } })).status).toBe(201);
    await waitFor(async () => (await chat()).find((m) => m.type === "reaction"), 5000, "reaction on the phone");
    expect((await send({ type: "text", text: { body: "" } })).body.error).toMatchObject({
      code: "invalid_request",
      field: "text.body",
    });
  });

  it("shows the customer's profile with the marketing preference they set by writing STOP", async () => {
    await s.call("POST", `/simulator/users/${wa}/messages`, { to: s.phone, type: "text", text: { body: "STOP" } });
    const p = await waitFor(
      async () => {
        const b = (await admin.call("GET", `/suite/api/conversations/${conv}/profile`)).body;
        return b.consent ? b : undefined;
      },
      5000,
      "preference",
    );
    expect(p).toMatchObject({
      wa_id: wa,
      country: "IT",
      language: "it",
      consent: { marketing: "revoked", stopped_in_whatsapp: true },
      conversations: [{ id: conv, state: "open" }],
    });
  });
});
