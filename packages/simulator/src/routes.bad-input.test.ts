import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@openwaba/server/testing";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ subscribe: false });
  await s.call("POST", "/simulator/users", { wa_id: "4915112345678" });
});
afterAll(() => s.stop());

const say = (body: unknown) => s.call("POST", "/simulator/users/4915112345678/messages", body);
const inbound = async () =>
  Number(
    (
      await s.store.db
        .selectFrom("messages")
        .select((e) => e.fn.countAll().as("n"))
        .where("direction", "=", "in")
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("simulator control API — bad input", () => {
  it.each([
    ["no to", { type: "text", text: { body: "x" } }, /to is required/],
    ["unknown business number", { to: "1", type: "text", text: { body: "x" } }, /not a business phone-number id/],
    ["unknown type", { to: "PHONE", type: "fax" }, /type must be one of/],
    ["missing object", { to: "PHONE", type: "text" }, /text is required/],
    [
      "media without data or link",
      { to: "PHONE", type: "image", image: { caption: "x" } },
      /image\['data'\] or image\['link'\]/,
    ],
    ["bad base64", { to: "PHONE", type: "image", image: { data: "%%%" } }, /image\['data'\]/],
    [
      "reaction to a message not in the chat",
      { to: "PHONE", type: "reaction", reaction: { message_id: "wamid.nope", emoji: "👍" } },
      /not a message in this chat/,
    ],
    [
      "button reply without context",
      { to: "PHONE", type: "interactive", interactive: { type: "button_reply", button_reply: { id: "a" } } },
      /context/,
    ],
    [
      "context that does not exist",
      { to: "PHONE", type: "text", text: { body: "x" }, context: { message_id: "wamid.nope" } },
      /not a message in this chat/,
    ],
  ])("%s → 4xx naming it, nothing received", async (_n, body, words) => {
    const before = await inbound();
    const r = await say(JSON.parse(JSON.stringify(body).replace(/"PHONE"/g, JSON.stringify(s.phone))));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(`${r.body.error.message} ${r.body.error.error_data?.details}`).toMatch(words);
    expect(await inbound()).toBe(before);
  });

  it("refuses unknown users, duplicates, bad numbers and offline senders", async () => {
    expect(
      (await s.call("POST", "/simulator/users/1234567/messages", { to: s.phone, type: "text", text: { body: "x" } }))
        .status,
    ).toBe(404);
    expect((await s.call("POST", "/simulator/users", { wa_id: "4915112345678" })).status).toBe(409);
    expect((await s.call("POST", "/simulator/users", { wa_id: "+49 151" })).body.error.error_data.details).toMatch(
      /wa_id/,
    );
    expect((await s.call("POST", "/simulator/users", { wa_id: "4915100000000", delivery_ms: -1 })).status).toBe(400);
    await s.call("POST", "/simulator/users/4915112345678/device", { online: false });
    const off = await say({ to: s.phone, type: "text", text: { body: "x" } });
    expect(off.body.error.error_data.details).toMatch(/offline/);
    expect((await s.call("POST", "/simulator/users/4915112345678/device", { online: "yes" })).status).toBe(400);
    expect((await s.call("POST", "/simulator/clock/advance", { ms: -5 })).status).toBe(400);
  });

  it("needs the token", async () => {
    const r = await fetch(`${s.url}/simulator/users`);
    expect(r.status).toBe(401);
  });
});
