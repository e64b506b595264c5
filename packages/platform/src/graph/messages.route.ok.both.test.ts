import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  JPEG_HEAD,
  PNG_1x1,
  WEBP_STICKER,
  openWindow,
  startTestServer,
  text,
  upload,
  waitFor,
  type TestServer,
} from "@openwaba/server/testing";

let s: TestServer;
let n = 0;
const user = () => `4860010${String(1000 + n++).padStart(4, "0")}`;
const statusesOf = (id: string) => s.receiver.statuses().filter((x) => x.id === id);
const chat = async (waId: string) => (await s.call("GET", `/simulator/users/${waId}/chats/${s.phone}`)).body;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

describe("POST /{phone-number-id}/messages — accepted sends", () => {
  it("answers Meta's shape and the statuses follow, sent with pricing and conversation", async () => {
    const wa = user();
    await openWindow(s, wa, { read_probability: 1 });
    const r = await s.call(
      "POST",
      `/${s.phone}/messages`,
      text(`+${wa.slice(0, 2)} ${wa.slice(2)}`, "Dzień dobry ✓", { biz_opaque_callback_data: "order-42" }),
    );
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      messaging_product: "whatsapp",
      contacts: [{ input: `+${wa.slice(0, 2)} ${wa.slice(2)}`, wa_id: wa }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
    const id = r.body.messages[0].id;
    await waitFor(() => statusesOf(id).some((x) => x.status === "read"), 5000, "read status");
    const [sent, delivered, read] = ["sent", "delivered", "read"].map((st) =>
      statusesOf(id).find((x) => x.status === st),
    );
    expect(sent).toMatchObject({
      recipient_id: wa,
      biz_opaque_callback_data: "order-42",
      timestamp: expect.stringMatching(/^\d+$/),
      conversation: {
        id: expect.any(String),
        expiration_timestamp: expect.stringMatching(/^\d+$/),
        origin: { type: "service" },
      },
      pricing: { billable: false, pricing_model: "PMP", type: "free_customer_service", category: "service" },
    });
    expect(delivered.pricing).toBeDefined();
    expect(delivered.conversation.expiration_timestamp).toBeUndefined();
    expect(read.pricing).toBeUndefined();
    const phone = await chat(wa);
    const shown = phone.messages.find((m: any) => m.id === id);
    expect(shown).toMatchObject({
      direction: "received",
      type: "text",
      ticks: "read",
      content: { body: "Dzień dobry ✓" },
    });
  });

  it("sends every free-form type and the phone shows each", async () => {
    const wa = user();
    const inbound = await openWindow(s, wa);
    const img = await upload(s, PNG_1x1, "image/png", "pixel.png");
    expect(img.status).toBe(200);
    const linkServer = createServer((q, res) =>
      q.url === "/sticker.webp"
        ? res.writeHead(200, { "content-type": "image/webp" }).end(WEBP_STICKER)
        : res.writeHead(200, { "content-type": "image/jpeg" }).end(JPEG_HEAD),
    );
    await new Promise<void>((r) => linkServer.listen(0, "127.0.0.1", r));
    const link = `http://127.0.0.1:${(linkServer.address() as AddressInfo).port}/photo.jpg`;
    const bodies: Record<string, unknown>[] = [
      { type: "image", image: { id: img.body.id, caption: "a pixel" } },
      { type: "image", image: { link } },
      { type: "document", document: { id: img.body.id, filename: "pixel.png" } },
      { type: "sticker", sticker: { link: link.replace("photo.jpg", "sticker.webp") } },
      { type: "location", location: { latitude: 52.23, longitude: "21.01", name: "Warszawa" } },
      {
        type: "contacts",
        contacts: [{ name: { formatted_name: "Anna Nowak" }, phones: [{ phone: "+48 600 100 200", type: "CELL" }] }],
      },
      { type: "reaction", reaction: { message_id: inbound, emoji: "👍" } },
      {
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: "Reschedule?" },
          action: {
            buttons: [
              { type: "reply", reply: { id: "yes", title: "Yes" } },
              { type: "reply", reply: { id: "no", title: "No" } },
            ],
          },
        },
      },
      {
        type: "interactive",
        interactive: {
          type: "list",
          body: { text: "Pick" },
          action: {
            button: "Options",
            sections: [{ title: "Fast", rows: [{ id: "exp", title: "Express", description: "1-2 days" }] }],
          },
        },
      },
      {
        type: "interactive",
        interactive: {
          type: "cta_url",
          body: { text: "See dates" },
          action: { name: "cta_url", parameters: { display_text: "Open", url: "https://example.com/d" } },
        },
      },
      { type: "text", text: { body: "quoted reply" }, context: { message_id: inbound } },
    ];
    const ids: string[] = [];
    for (const b of bodies) {
      const r = await s.call("POST", `/${s.phone}/messages`, { messaging_product: "whatsapp", to: wa, ...b });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      ids.push(r.body.messages[0].id);
    }
    await waitFor(() => ids.every((id) => statusesOf(id).some((x) => x.status === "sent")), 5000, "sent statuses");
    // Reactions get only `sent`; everything else is delivered to the phone.
    await waitFor(
      () =>
        ids
          .filter((_, i) => bodies[i].type !== "reaction")
          .every((id) => statusesOf(id).some((x) => x.status === "delivered")),
      5000,
      "delivered",
    );
    expect(statusesOf(ids[6]).map((x) => x.status)).toEqual(["sent"]);
    const phone = await chat(wa);
    const types = ids.map((id) => phone.messages.find((m: any) => m.id === id)?.type);
    expect(types).toEqual(bodies.map((b) => b.type));
    const viaLink = phone.messages.find((m: any) => m.id === ids[1]);
    expect(viaLink.content.id).toMatch(/^\d+$/); // the platform fetched the link into its media store
    expect(phone.messages.find((m: any) => m.id === ids[10]).content.context).toEqual({ id: inbound });
    linkServer.close();
  });

  it("marks as read with a typing indicator: success, no webhook, blue ticks and typing on the phone", async () => {
    const wa = user();
    const inbound = await openWindow(s, wa);
    await waitFor(() => s.receiver.messages().some((m) => m.id === inbound));
    const before = s.receiver.deliveries.length;
    const r = await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      status: "read",
      message_id: inbound,
      typing_indicator: { type: "text" },
    });
    expect(r).toMatchObject({ status: 200, body: { success: true } });
    await waitFor(
      async () => (await chat(wa)).messages.find((m: any) => m.id === inbound)?.ticks === "read",
      5000,
      "blue ticks",
    );
    expect((await chat(wa)).typing).toBe(true);
    const again = await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      status: "read",
      message_id: inbound,
    });
    expect(again.body).toEqual({ success: true });
    await new Promise((r) => setTimeout(r, 100));
    expect(s.receiver.deliveries.length).toBe(before);
  });

  it("fails with 131026 for a number that is not on WhatsApp", async () => {
    const wa = user();
    await openWindow(s, wa);
    await s.store.db.updateTable("sim_users").set({ on_whatsapp: 0 }).where("wa_id", "=", wa).execute();
    const r = await s.call("POST", `/${s.phone}/messages`, text(wa));
    expect(r.status).toBe(200);
    const id = r.body.messages[0].id;
    const failed = await waitFor(() => statusesOf(id).find((x) => x.status === "failed"), 5000, "failed status");
    expect(failed.errors[0]).toMatchObject({
      code: 131026,
      title: "Message undeliverable",
      error_data: { details: expect.any(String) },
      href: expect.any(String),
    });
  });

  it("holds messages for an offline phone and delivers them when it comes online", async () => {
    const wa = user();
    await openWindow(s, wa, { read_probability: 0 });
    await s.call("POST", `/simulator/users/${wa}/device`, { online: false });
    const r = await s.call("POST", `/${s.phone}/messages`, text(wa, "while you were away"));
    const id = r.body.messages[0].id;
    await waitFor(() => statusesOf(id).some((x) => x.status === "sent"));
    await new Promise((r) => setTimeout(r, 150));
    expect(statusesOf(id).map((x) => x.status)).toEqual(["sent"]);
    expect((await chat(wa)).messages.some((m: any) => m.id === id)).toBe(false);
    expect((await s.call("GET", `/simulator/users/${wa}`)).body.pending_messages).toBe(1);
    const on = await s.call("POST", `/simulator/users/${wa}/device`, { online: true });
    expect(on.body.delivering).toBe(1);
    await waitFor(() => statusesOf(id).some((x) => x.status === "delivered"), 5000, "delivered after online");
    expect((await chat(wa)).messages.some((m: any) => m.id === id)).toBe(true);
  });
});
