import { describe, expect, it } from "vitest";
import { chatLines } from "./chat-lines";

// `sim chat` prints what the phone shows, in text: never "[object Object]".
describe("a phone's message as lines of text", () => {
  it("text, with the arrow and the ticks", () => {
    expect(chatLines({ direction: "sent", type: "text", content: { body: "hello" }, ticks: "read" })).toEqual([
      "→ hello  read",
    ]);
    expect(chatLines({ direction: "received", type: "text", content: { body: "Hi!" }, ticks: null })).toEqual([
      "← Hi!",
    ]);
  });

  it("an interactive list: its question, the list's button and its rows", () => {
    const csat = {
      type: "list",
      body: { text: "How did we do?" },
      action: {
        button: "Choose",
        sections: [
          {
            rows: [
              { id: "5", title: "Excellent", description: "★★★★★" },
              { id: "1", title: "Poor" },
            ],
          },
        ],
      },
    };
    expect(chatLines({ direction: "received", type: "interactive", content: csat, ticks: "delivered" })).toEqual([
      "← How did we do?  delivered",
      "    [Choose]",
      "      - Excellent (★★★★★)",
      "      - Poor",
    ]);
  });

  it("interactive buttons, a call-to-action link, and the customer's taps", () => {
    const buttons = {
      type: "button",
      header: { type: "text", text: "Order 860198" },
      body: { text: "How can we help?" },
      footer: { text: "Dev Shop" },
      action: {
        buttons: [
          { type: "reply", reply: { id: "track", title: "Where is it?" } },
          { type: "reply", reply: { id: "person", title: "A person" } },
        ],
      },
    };
    expect(chatLines({ direction: "received", type: "interactive", content: buttons })).toEqual([
      "← *Order 860198*",
      "    How can we help?",
      "    _Dev Shop_",
      "    [Where is it?] [A person]",
    ]);
    const cta = {
      type: "cta_url",
      body: { text: "Track it" },
      action: { name: "cta_url", parameters: { display_text: "Open", url: "https://t.example/1" } },
    };
    expect(chatLines({ direction: "received", type: "interactive", content: cta })).toEqual([
      "← Track it",
      "    [Open → https://t.example/1]",
    ]);
    expect(
      chatLines({
        direction: "sent",
        type: "interactive",
        content: { type: "button_reply", button_reply: { id: "track", title: "Where is it?" } },
      }),
    ).toEqual(["→ tapped [Where is it?]"]);
    expect(
      chatLines({ direction: "sent", type: "button", content: { payload: "STOP", text: "Stop promotions" } }),
    ).toEqual(["→ tapped [Stop promotions]"]);
  });

  it("a template as rendered: header, body, footer and buttons", () => {
    const t = {
      name: "order_ready",
      rendered: {
        header: { format: "TEXT", text: "Hello" },
        body: "Your order 860198 is ready.",
        footer: "Dev Shop",
        buttons: [
          { type: "quick_reply", text: "Thanks" },
          { type: "url", text: "Track", url: "https://t.example/860198" },
          { type: "copy_code", code: "ZIMA20" },
        ],
      },
    };
    expect(chatLines({ direction: "received", type: "template", content: t, ticks: "read" })).toEqual([
      "← *Hello*  read",
      "    Your order 860198 is ready.",
      "    _Dev Shop_",
      "    [Thanks] [Track → https://t.example/860198] [Copy code: ZIMA20]",
    ]);
  });

  it("media, locations, contacts and reactions", () => {
    expect(
      chatLines({ direction: "received", type: "image", content: { id: "1", caption: "The blue jacket" } }),
    ).toEqual(["← [image] The blue jacket"]);
    expect(chatLines({ direction: "sent", type: "document", content: { id: "2", filename: "invoice.pdf" } })).toEqual([
      "→ [document invoice.pdf]",
    ]);
    expect(chatLines({ direction: "sent", type: "audio", content: { id: "3", voice: true } })).toEqual([
      "→ [voice message]",
    ]);
    expect(
      chatLines({
        direction: "received",
        type: "location",
        content: { latitude: 52.23, longitude: 21.01, name: "Shop", address: "Marszałkowska 1" },
      }),
    ).toEqual(["← [location] Shop, Marszałkowska 1 (52.23, 21.01)"]);
    expect(
      chatLines({
        direction: "received",
        type: "contacts",
        content: { 0: { name: { formatted_name: "Anna Nowak" }, phones: [{ phone: "+48 600 100 200" }] } },
      }),
    ).toEqual(["← [contact] Anna Nowak +48 600 100 200"]);
    expect(chatLines({ direction: "sent", type: "reaction", content: { message_id: "wamid.1", emoji: "👍" } })).toEqual(
      ["→ reacted 👍"],
    );
    expect(chatLines({ direction: "sent", type: "unsupported", content: { deep: { x: 1 } } })).toEqual([
      "→ [unsupported]",
    ]);
  });
});
