import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWindow, startTestServer, type TestServer } from "@openwaba/server/testing";

let s: TestServer;
const wa = "4860099900";
beforeAll(async () => {
  s = await startTestServer();
  await openWindow(s, wa);
});
afterAll(() => s.stop());

const raw = async (body: string | Buffer, contentType = "application/json") => {
  const r = await fetch(`${s.url}/v23.0/${s.phone}/messages`, {
    method: "POST",
    headers: { authorization: `Bearer ${s.credentials.access_token}`, "content-type": contentType },
    body,
  });
  const text = await r.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: r.status, body: json };
};
const counts = async () => ({
  messages: Number(
    (
      await s.store.db
        .selectFrom("messages")
        .select((e) => e.fn.countAll().as("n"))
        .where("direction", "=", "out")
        .executeTakeFirstOrThrow()
    ).n,
  ),
  jobs: Number(
    (
      await s.store.db
        .selectFrom("jobs")
        .select((e) => e.fn.countAll().as("n"))
        .where("queue", "=", "network")
        .executeTakeFirstOrThrow()
    ).n,
  ),
});
const base = { messaging_product: "whatsapp", to: wa };

/** Each case: body → the code and the words that must name the problem. */
const cases: [string, unknown, number, RegExp][] = [
  ["missing messaging_product", { to: wa, text: { body: "x" } }, 131008, /messaging_product is required/],
  ["wrong messaging_product", { ...base, messaging_product: "sms", text: { body: "x" } }, 100, /messaging_product/],
  ["missing to", { messaging_product: "whatsapp", text: { body: "x" } }, 131008, /parameter to is required/],
  ["to is not a number", { ...base, to: "abc", text: { body: "x" } }, 100, /Param to/],
  ["unknown type", { ...base, type: "fax" }, 100, /Param type must be one of/],
  ["missing type object", { ...base, type: "image" }, 131008, /parameter image is required/],
  ["text too long", { ...base, text: { body: "x".repeat(4097) } }, 100, /text\['body'\] must be at most 4096/],
  ["empty text", { ...base, text: { body: "" } }, 100, /text\['body'\] must be at least 1/],
  ["wrong type of body", { ...base, text: { body: 42 } }, 100, /text\['body'\] must be a string/],
  ["unknown key in text", { ...base, text: { body: "x", bold: true } }, 100, /Unexpected key "bold" on param "text"/],
  [
    "caption too long",
    { ...base, type: "image", image: { link: "https://x.y/a.jpg", caption: "c".repeat(1025) } },
    100,
    /image\['caption'\]/,
  ],
  [
    "media without id or link",
    { ...base, type: "video", video: { caption: "x" } },
    131008,
    /video\['id'\] or video\['link'\]/,
  ],
  ["media with both", { ...base, type: "audio", audio: { id: "1", link: "https://x.y" } }, 100, /either id or link/],
  [
    "four buttons",
    {
      ...base,
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "b" },
        action: { buttons: [1, 2, 3, 4].map((i) => ({ type: "reply", reply: { id: `${i}`, title: `t${i}` } })) },
      },
    },
    131009,
    /buttons'\] must have at most 3/,
  ],
  [
    "button title too long",
    {
      ...base,
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "b" },
        action: { buttons: [{ type: "reply", reply: { id: "a", title: "t".repeat(21) } }] },
      },
    },
    100,
    /\['title'\] must be at most 20/,
  ],
  [
    "duplicate button titles",
    {
      ...base,
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "b" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "a", title: "Same" } },
            { type: "reply", reply: { id: "b", title: "Same" } },
          ],
        },
      },
    },
    131009,
    /unique/,
  ],
  [
    "eleven list rows",
    {
      ...base,
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: "b" },
        action: {
          button: "Go",
          sections: [
            { title: "A", rows: Array.from({ length: 6 }, (_, i) => ({ id: `a${i}`, title: "r" })) },
            { title: "B", rows: Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, title: "r" })) },
          ],
        },
      },
    },
    131009,
    /at most 10 rows/,
  ],
  [
    "untitled sections",
    {
      ...base,
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: "b" },
        action: { button: "Go", sections: [{ rows: [{ id: "a", title: "r" }] }, { rows: [{ id: "b", title: "r" }] }] },
      },
    },
    131009,
    /section title is required/,
  ],
  [
    "list with image header",
    {
      ...base,
      type: "interactive",
      interactive: {
        type: "list",
        header: { type: "image", image: { link: "https://x.y" } },
        body: { text: "b" },
        action: { button: "Go", sections: [{ rows: [{ id: "a", title: "r" }] }] },
      },
    },
    100,
    /header/,
  ],
  [
    "cta_url without url",
    {
      ...base,
      type: "interactive",
      interactive: {
        type: "cta_url",
        body: { text: "b" },
        action: { name: "cta_url", parameters: { display_text: "Open" } },
      },
    },
    131008,
    /parameters'\]\['url'\] is required/,
  ],
  [
    "latitude out of range",
    { ...base, type: "location", location: { latitude: 91, longitude: 0 } },
    100,
    /latitude'\] must be at most 90/,
  ],
  [
    "contact without formatted_name",
    { ...base, type: "contacts", contacts: [{ name: { first_name: "A" } }] },
    131008,
    /formatted_name'\] is required/,
  ],
  [
    "reaction with a word",
    { ...base, type: "reaction", reaction: { message_id: "wamid.x", emoji: "ok" } },
    131009,
    /single emoji/,
  ],
  [
    "huge array",
    { ...base, type: "contacts", contacts: Array.from({ length: 5000 }, () => ({ name: { formatted_name: "A" } })) },
    131009,
    /contacts must have at most/,
  ],
  ["body is an array", [1, 2, 3], 100, /JSON object/],
  ["mark read without message_id", { messaging_product: "whatsapp", status: "read" }, 131008, /message_id is required/],
  [
    "mark read of an unknown message",
    { messaging_product: "whatsapp", status: "read", message_id: "wamid.nope" },
    100,
    /does not exist/,
  ],
];

describe("POST /{phone-number-id}/messages — bad input", () => {
  it.each(cases)("%s → a 4xx naming the problem, nothing stored", async (_name, body, code, words) => {
    const before = await counts();
    const r = await raw(JSON.stringify(body));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toMatch(/^\(#\d+\) |^Unsupported/);
    expect(`${r.body.error.message} ${r.body.error.error_data?.details ?? ""}`).toMatch(words);
    expect(await counts()).toEqual(before);
  });

  it("malformed JSON, bad UTF-8, empty and oversize bodies, wrong content type", async () => {
    const bad = await raw('{"messaging_product": "whatsapp", ');
    expect([bad.status, bad.body.error.code]).toEqual([400, 100]);
    expect(bad.body.error.error_data.details).toMatch(/not valid JSON/);
    const utf = await raw(
      Buffer.concat([
        Buffer.from('{"messaging_product":"whatsapp","to":"1","text":{"body":"'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('"}}'),
      ]),
    );
    expect(utf.body.error.error_data.details).toMatch(/UTF-8/);
    const empty = await raw("");
    expect(empty.status).toBe(400);
    const huge = await raw(JSON.stringify({ ...base, text: { body: "x".repeat(2 * 1024 * 1024) } }));
    expect([huge.status, huge.body.error.code]).toEqual([413, 100]);
    const xml = await raw("<x/>", "application/xml");
    expect([xml.status, xml.body.error.code]).toEqual([415, 100]);
  });

  it("JSON sent as a form (curl -d without a content type) is told to set the content type; real form fields still work", async () => {
    const before = await counts();
    const asForm = await raw(JSON.stringify(base), "application/x-www-form-urlencoded");
    expect([asForm.status, asForm.body.error.code]).toEqual([400, 100]);
    expect(asForm.body.error.error_data.details).toMatch(/Content-Type: application\/json/);
    expect(await counts()).toEqual(before);
    const fields = new URLSearchParams({
      messaging_product: "whatsapp",
      to: "not a number",
      type: "text",
      text: JSON.stringify({ body: "hi" }),
    });
    const form = await raw(fields.toString(), "application/x-www-form-urlencoded");
    expect(form.body.error.error_data.details).toMatch(/to must be a valid phone number/);
  });

  it("never answers 5xx nor stores anything for thousands of generated bodies", async () => {
    const before = await counts();
    // Bodies near the real shape (a valid message with parts replaced) and anything at all.
    const nearMessage = fc.record(
      {
        messaging_product: fc.oneof(fc.constant("whatsapp"), fc.anything()),
        to: fc.oneof(fc.constant("not a number"), fc.string(), fc.anything()),
        type: fc.oneof(
          fc.constantFrom("text", "image", "interactive", "location", "contacts", "reaction", "template", "sticker"),
          fc.anything(),
        ),
        text: fc.anything(),
        image: fc.anything(),
        interactive: fc.anything(),
        location: fc.anything(),
        contacts: fc.anything(),
        reaction: fc.anything(),
        template: fc.anything(),
        context: fc.anything(),
      },
      { requiredKeys: [] },
    );
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearMessage, fc.jsonValue(), fc.anything()), async (body) => {
        let text: string;
        try {
          text = JSON.stringify(body) ?? "null";
        } catch {
          text = "{}";
        }
        const r = await raw(text);
        if (r.status === 200) {
          ok++;
          return true;
        }
        return (
          r.status >= 400 &&
          r.status < 500 &&
          typeof r.body?.error?.code === "number" &&
          typeof r.body.error.message === "string"
        );
      }),
      { numRuns: 2500, seed: 20261121 },
    );
    // A generated body with to "not a number" or a random string never names a real user, so
    // anything accepted was to a valid-looking number: allowed, and counted here.
    const after = await counts();
    expect(after.messages - before.messages).toBe(ok);
  });
});
