import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDF_DOC, PNG_1x1, OGG_VOICE, startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// What simulated users send reaches the business as Meta's inbound `messages` webhooks.
let s: TestServer;
const wa = "393331234567";
beforeAll(async () => {
  s = await startTestServer();
  await s.call("POST", "/simulator/users", { wa_id: wa, name: "Giulia Rossi" });
});
afterAll(() => s.stop());

const say = (body: Record<string, unknown>) =>
  s.call("POST", `/simulator/users/${wa}/messages`, { to: s.phone, ...body });
const arrived = (id: string) =>
  waitFor(
    () => {
      for (const v of s.receiver.values()) {
        const m = (v.messages ?? []).find((x: any) => x.id === id);
        if (m) return { m, v };
      }
      return null;
    },
    5000,
    `webhook for ${id}`,
  );

describe("simulated users writing to a business", () => {
  it("text arrives with the contact's profile name and Meta's metadata", async () => {
    const r = await say({ type: "text", text: { body: "Ciao! È disponibile?" } });
    expect(r.status).toBe(201);
    const { m, v } = await arrived(r.body.messages[0].id);
    expect(m).toEqual({
      from: wa,
      id: r.body.messages[0].id,
      timestamp: expect.stringMatching(/^\d+$/),
      type: "text",
      text: { body: "Ciao! È disponibile?" },
    });
    expect(v.contacts).toEqual([{ profile: { name: "Giulia Rossi" }, wa_id: wa }]);
    expect(v.metadata).toEqual({ display_phone_number: expect.stringMatching(/^\d+$/), phone_number_id: s.phone });
  });

  it("media arrive as ids the business can download, with mime type and base64 sha256", async () => {
    const img = await say({
      type: "image",
      image: { data: PNG_1x1.toString("base64"), mime_type: "image/png", caption: "questo?" },
    });
    const { m } = await arrived(img.body.messages[0].id);
    expect(m.image).toEqual({
      id: expect.stringMatching(/^\d+$/),
      mime_type: "image/png",
      sha256: expect.stringMatching(/=$/),
      caption: "questo?",
    });
    const meta = await s.call("GET", `/${m.image.id}`);
    expect(meta.body.sha256).toBe(m.image.sha256);
    const bytes = Buffer.from(
      await (
        await fetch(meta.body.url, { headers: { authorization: `Bearer ${s.credentials.access_token}` } })
      ).arrayBuffer(),
    );
    expect(bytes.equals(PNG_1x1)).toBe(true);
    const doc = await say({
      type: "document",
      document: { data: PDF_DOC.toString("base64"), mime_type: "application/pdf", filename: "fattura.pdf" },
    });
    expect((await arrived(doc.body.messages[0].id)).m.document).toMatchObject({
      filename: "fattura.pdf",
      mime_type: "application/pdf",
    });
    const voice = await say({
      type: "audio",
      audio: { data: OGG_VOICE.toString("base64"), mime_type: "audio/ogg", voice: true },
    });
    expect((await arrived(voice.body.messages[0].id)).m.audio).toMatchObject({ voice: true, mime_type: "audio/ogg" });
  });

  it("location, contacts and a reaction keep Meta's shapes", async () => {
    const loc = await say({ type: "location", location: { latitude: 45.46, longitude: 9.19, name: "Duomo" } });
    expect((await arrived(loc.body.messages[0].id)).m.location).toEqual({
      latitude: 45.46,
      longitude: 9.19,
      name: "Duomo",
    });
    const card = [{ name: { formatted_name: "Marco Bianchi" }, phones: [{ phone: "+39 333 000 0000", type: "CELL" }] }];
    const c = await say({ type: "contacts", contacts: card });
    expect((await arrived(c.body.messages[0].id)).m.contacts).toEqual(card);
    const sent = await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      to: wa,
      type: "text",
      text: { body: "Sì!" },
    });
    const id = sent.body.messages[0].id;
    await waitFor(async () =>
      (await s.call("GET", `/simulator/users/${wa}/chats/${s.phone}`)).body.messages.some((x: any) => x.id === id),
    );
    const like = await say({ type: "reaction", reaction: { message_id: id, emoji: "❤️" } });
    expect((await arrived(like.body.messages[0].id)).m.reaction).toEqual({ message_id: id, emoji: "❤️" });
  });

  it("a tap on a reply button or list row names the button, with context", async () => {
    const buttons = await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      to: wa,
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "Confermi?" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "yes", title: "Sì" } },
            { type: "reply", reply: { id: "no", title: "No" } },
          ],
        },
      },
    });
    const list = await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      to: wa,
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: "Spedizione" },
        action: {
          button: "Scegli",
          sections: [{ title: "Veloce", rows: [{ id: "exp", title: "Express", description: "1-2 giorni" }] }],
        },
      },
    });
    const [bId, lId] = [buttons.body.messages[0].id, list.body.messages[0].id];
    await waitFor(
      async () =>
        (await s.call("GET", `/simulator/users/${wa}/chats/${s.phone}`)).body.messages.filter(
          (x: any) => x.id === bId || x.id === lId,
        ).length === 2,
    );
    const tap = await say({
      type: "interactive",
      interactive: { type: "button_reply", button_reply: { id: "no" } },
      context: { message_id: bId },
    });
    const { m } = await arrived(tap.body.messages[0].id);
    const display = (
      await s.store.db
        .selectFrom("phone_numbers")
        .select("display_phone_number")
        .where("id", "=", s.phone)
        .executeTakeFirstOrThrow()
    ).display_phone_number;
    expect(m).toMatchObject({
      type: "interactive",
      interactive: { type: "button_reply", button_reply: { id: "no", title: "No" } },
      context: { from: display, id: bId },
    });
    const pick = await say({
      type: "interactive",
      interactive: { type: "list_reply", list_reply: { id: "exp" } },
      context: { message_id: lId },
    });
    expect((await arrived(pick.body.messages[0].id)).m.interactive).toEqual({
      type: "list_reply",
      list_reply: { id: "exp", title: "Express", description: "1-2 giorni" },
    });
  });

  it("a quoted reply carries context, and the phone shows both sides with ticks", async () => {
    const first = await say({ type: "text", text: { body: "primo" } });
    const reply = await say({
      type: "text",
      text: { body: "secondo" },
      context: { message_id: first.body.messages[0].id },
    });
    expect((await arrived(reply.body.messages[0].id)).m.context).toEqual({ from: wa, id: first.body.messages[0].id });
    const phone = (await s.call("GET", `/simulator/users/${wa}/chats/${s.phone}`)).body;
    // The development numbers are +1 555 test numbers: placed in the US, not in "ZZ" (nowhere).
    expect(phone.business).toMatchObject({
      phone_number_id: s.phone,
      verified_name: expect.any(String),
      display_phone_number: expect.stringMatching(/^1555\d{7}$/),
      country: "US",
    });
    const mine = phone.messages.find((x: any) => x.id === first.body.messages[0].id);
    expect(mine).toMatchObject({ direction: "sent", ticks: "delivered", content: { body: "primo" } });
  });
});
