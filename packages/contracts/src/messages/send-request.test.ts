import { describe, expect, it } from "vitest";
import { GraphError } from "../graph-error";
import { parseMessagesRequest, recipientDigits } from "./send-request";

const msg = (type: string, object: unknown, extra: Record<string, unknown> = {}) => ({
  messaging_product: "whatsapp",
  to: "16505551234",
  type,
  [type]: object,
  ...extra,
});
const x = (n: number) => "x".repeat(n);
const accepts = (body: unknown) => expect(() => parseMessagesRequest(body)).not.toThrow();
const refuses = (body: unknown, code: number, words: RegExp) => {
  try {
    parseMessagesRequest(body);
  } catch (e) {
    expect(e).toBeInstanceOf(GraphError);
    expect((e as GraphError).code).toBe(code);
    expect((e as GraphError).details).toMatch(words);
    return;
  }
  throw new Error("accepted a body that should be refused");
};
const button = (title: string, id = title) => ({ type: "reply", reply: { id, title } });
const buttons = (list: object[], extra: Record<string, unknown> = {}) =>
  msg("interactive", { type: "button", body: { text: "b" }, action: { buttons: list }, ...extra });
const list = (sections: object[], extra: Record<string, unknown> = {}) =>
  msg("interactive", { type: "list", body: { text: "b" }, action: { button: "Go", sections }, ...extra });
const rows = (n: number, p = "r") => Array.from({ length: n }, (_, i) => ({ id: `${p}${i}`, title: "t" }));

// Every limit of cloud-api-reference.md §2, on both sides.
describe("send request limits", () => {
  it("text body: 4096 yes, 4097 no", () => {
    accepts(msg("text", { body: x(4096) }));
    refuses(msg("text", { body: x(4097) }), 100, /text\['body'\] must be at most 4096/);
  });
  it("media caption: 1024 yes, 1025 no", () => {
    accepts(msg("image", { link: "https://a.b/c.png", caption: x(1024) }));
    refuses(msg("document", { id: "1", caption: x(1025) }), 100, /document\['caption'\]/);
  });
  it("biz_opaque_callback_data: 512 yes, 513 no", () => {
    accepts(msg("text", { body: "a" }, { biz_opaque_callback_data: x(512) }));
    refuses(msg("text", { body: "a" }, { biz_opaque_callback_data: x(513) }), 100, /biz_opaque_callback_data/);
  });
  it("reply buttons: 1 to 3, titles up to 20 and unique, ids up to 256", () => {
    accepts(buttons([button("a"), button("b"), button("c")]));
    refuses(buttons([]), 131009, /at least 1/);
    refuses(buttons([button("a"), button("b"), button("c"), button("d")]), 131009, /at most 3/);
    accepts(buttons([button(x(20))]));
    refuses(buttons([button(x(21))]), 100, /at most 20/);
    accepts(buttons([button("a", x(256))]));
    refuses(buttons([button("a", x(257))]), 100, /\['id'\] must be at most 256/);
    refuses(buttons([button("a", "1"), button("a", "2")]), 131009, /titles must be unique/);
  });
  it("interactive body 1024 / footer 60 / text header 60", () => {
    accepts(
      msg("interactive", {
        type: "button",
        body: { text: x(1024) },
        footer: { text: x(60) },
        header: { type: "text", text: x(60) },
        action: { buttons: [button("a")] },
      }),
    );
    refuses(
      msg("interactive", { type: "button", body: { text: x(1025) }, action: { buttons: [button("a")] } }),
      100,
      /body'\]\['text'\] must be at most 1024/,
    );
    refuses(buttons([button("a")], { footer: { text: x(61) } }), 100, /footer'\]\['text'\] must be at most 60/);
    refuses(
      buttons([button("a")], { header: { type: "text", text: x(61) } }),
      100,
      /header'\]\['text'\] must be at most 60/,
    );
  });
  it("lists: 10 rows in all, 10 sections, titles 24, descriptions 72, button 20", () => {
    accepts(
      list([
        { title: "A", rows: rows(5, "a") },
        { title: "B", rows: rows(5, "b") },
      ]),
    );
    refuses(
      list([
        { title: "A", rows: rows(5, "a") },
        { title: "B", rows: rows(6, "b") },
      ]),
      131009,
      /at most 10 rows/,
    );
    refuses(
      list(Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}`) }))),
      131009,
      /sections'\] must have at most 10/,
    );
    accepts(list([{ title: x(24), rows: [{ id: "a", title: x(24), description: x(72) }] }]));
    refuses(list([{ title: x(25), rows: rows(1) }]), 100, /\['title'\] must be at most 24/);
    refuses(list([{ rows: [{ id: "a", title: x(25) }] }]), 100, /\['title'\] must be at most 24/);
    refuses(list([{ rows: [{ id: "a", title: "t", description: x(73) }] }]), 100, /description'\] must be at most 72/);
    refuses(list([{ rows: [{ id: x(201), title: "t" }] }]), 100, /\['id'\] must be at most 200/);
    refuses(
      msg("interactive", {
        type: "list",
        body: { text: "b" },
        action: { button: x(21), sections: [{ rows: rows(1) }] },
      }),
      100,
      /button'\] must be at most 20/,
    );
    accepts(list([{ rows: rows(1) }]));
    refuses(list([{ rows: rows(1, "a") }, { rows: rows(1, "b") }]), 131009, /section title is required/);
    refuses(
      list([
        { title: "A", rows: [{ id: "same", title: "t" }] },
        { title: "B", rows: [{ id: "same", title: "t" }] },
      ]),
      131009,
      /row ids must be unique/,
    );
  });
  it("cta_url: display text 20, an http(s) URL", () => {
    const cta = (display_text: string, url: string) =>
      msg("interactive", {
        type: "cta_url",
        body: { text: "b" },
        action: { name: "cta_url", parameters: { display_text, url } },
      });
    accepts(cta(x(20), "https://example.com/x"));
    refuses(cta(x(21), "https://example.com/x"), 100, /display_text'\] must be at most 20/);
    refuses(cta("Open", "ftp://example.com"), 100, /url/);
  });
  it("reactions: one emoji, or empty to remove", () => {
    accepts(msg("reaction", { message_id: "wamid.a", emoji: "👍🏽" }));
    accepts(msg("reaction", { message_id: "wamid.a", emoji: "🇵🇱" }));
    accepts(msg("reaction", { message_id: "wamid.a", emoji: "" }));
    refuses(msg("reaction", { message_id: "wamid.a", emoji: "👍👍" }), 131009, /single emoji/);
  });
  it("locations: latitude ±90, longitude ±180, numbers or numeric strings", () => {
    accepts(msg("location", { latitude: -90, longitude: 180 }));
    accepts(msg("location", { latitude: "45.5", longitude: "-73.6" }));
    refuses(msg("location", { latitude: 90.0001, longitude: 0 }), 100, /at most 90/);
    refuses(msg("location", { latitude: 0, longitude: -180.5 }), 100, /at least -180/);
  });
  it("defaults type to text and reads mark-as-read bodies", () => {
    expect(parseMessagesRequest({ messaging_product: "whatsapp", to: "1", text: { body: "a" } })).toMatchObject({
      kind: "send",
      type: "text",
    });
    expect(parseMessagesRequest({ messaging_product: "whatsapp", status: "read", message_id: "wamid.a" })).toEqual({
      kind: "read",
      messageId: "wamid.a",
      typing: false,
    });
    refuses(
      { messaging_product: "whatsapp", status: "read", message_id: "wamid.a", typing_indicator: { type: "audio" } },
      100,
      /typing_indicator/,
    );
  });
});

describe("recipient numbers", () => {
  it("accepts + - ( ) and spaces, 5 to 15 digits", () => {
    expect(recipientDigits("+1 (650) 555-1234")).toBe("16505551234");
    expect(recipientDigits("12345")).toBe("12345");
    expect(recipientDigits("1234")).toBeNull();
    expect(recipientDigits("1".repeat(15))).toBe("1".repeat(15));
    expect(recipientDigits("1".repeat(16))).toBeNull();
    expect(recipientDigits("+48 600 abc")).toBeNull();
  });
});
