import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JPEG_HEAD, PDF_DOC, PNG_1x1, addTenant, startTestServer, type TestServer } from "@openwaba/server/testing";

// The Resumable Upload API that template header samples come from (§3, §10b): a session from
// POST /{app-id}/uploads, the bytes to POST /upload:…, the handle into example.header_handle.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ subscribe: false });
});
afterAll(() => s.stop());

const graph = (path: string) => `${s.url}/${s.credentials.graph_version}/${path}`;
const session = async (
  q: Record<string, string | number>,
  token = s.credentials.access_token,
  app = s.credentials.app_id,
) =>
  s.call(
    "POST",
    `/${app}/uploads?${new URLSearchParams(Object.entries(q).map(([k, v]): [string, string] => [k, String(v)]))}`,
    undefined,
    { authorization: `Bearer ${token}` },
  );
/** POST /upload:… as Meta's guide does it (curl --data-binary: form-encoded content type, OAuth scheme). */
const send = async (
  id: string,
  bytes: Buffer,
  headers: Record<string, string> = { file_offset: "0" },
  token = s.credentials.access_token,
) => {
  const res = await fetch(graph(id), {
    method: "POST",
    headers: { authorization: `OAuth ${token}`, "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as any };
};
const offset = async (id: string) =>
  (
    await fetch(graph(id), { headers: { authorization: `Bearer ${s.credentials.access_token}` } })
  ).json() as Promise<any>;

describe("resumable uploads", () => {
  it("names the token's app (GET /app), so a client with only a token can start a session", async () => {
    expect((await s.call("GET", "/app")).body).toEqual({ id: s.credentials.app_id, name: expect.any(String) });
  });

  it("takes a file in one piece and answers a handle that a template's media header accepts", async () => {
    const r = await session({ file_name: "shoes.png", file_length: PNG_1x1.length, file_type: "image/png" });
    expect(r.status).toBe(200);
    expect(r.body.id).toMatch(/^upload:[A-Za-z0-9_-]+\?sig=[A-Za-z0-9_-]+$/);
    expect(await offset(r.body.id)).toEqual({ id: r.body.id.split("?")[0], file_offset: 0 });

    const up = await send(r.body.id, PNG_1x1);
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body.h).toMatch(/^4::[A-Za-z0-9_-]+$/);
    expect((await offset(r.body.id)).file_offset).toBe(PNG_1x1.length);

    const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
      name: "new_shoes",
      language: "en_US",
      category: "MARKETING",
      components: [
        { type: "HEADER", format: "IMAGE", example: { header_handle: [up.body.h] } },
        { type: "BODY", text: "Our new shoes are in the shop this week." },
      ],
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);

    // The session has its file: a second upload is refused and the first file stays.
    const again = await send(r.body.id, PNG_1x1);
    expect(again.status).toBe(400);
    expect(again.body.error.error_data.details).toMatch(/whole file already/);
  });

  it("checks the file against what the session said: its length and its type", async () => {
    const short = await session({
      file_name: "menu.pdf",
      file_length: PDF_DOC.length + 10,
      file_type: "application/pdf",
    });
    const r = await send(short.body.id, PDF_DOC);
    expect(r.status).toBe(400);
    expect(r.body.error.error_data.details).toMatch(/file_length is \d+ bytes but \d+ arrived/);
    expect((await offset(short.body.id)).file_offset).toBe(0); // nothing kept: start again

    const png = await session({ file_name: "photo.png", file_length: JPEG_HEAD.length, file_type: "image/png" });
    const wrong = await send(png.body.id, JPEG_HEAD);
    expect(wrong.body.error.code).toBe(131053);
  });

  it("refuses a session without its parameters, of another type, or larger than the type allows", async () => {
    const missing = await session({ file_length: 10, file_type: "image/png" });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 131008 });
    expect(missing.body.error.error_data.details).toMatch(/file_name/);
    const gif = await session({ file_name: "a.gif", file_length: 10, file_type: "image/gif" });
    expect(gif.body.error.error_data.details).toMatch(/file_type must be one of/);
    const huge = await session({ file_name: "a.png", file_length: 6 * 1024 * 1024, file_type: "image/png" });
    expect(huge.body.error.error_data.details).toMatch(/more than the 5242880 bytes allowed for image\/png/);
    const zero = await session({ file_name: "a.png", file_length: "0", file_type: "image/png" });
    expect(zero.body.error.error_data.details).toMatch(/file_length must be/);
    expect((await session({ file_name: "a.jpg", file_length: 10, file_type: "image/jpg" })).status).toBe(200);
  });

  it("needs file_offset 0, and a session nobody changed", async () => {
    const r = await session({ file_name: "shoes.png", file_length: PNG_1x1.length, file_type: "image/png" });
    expect((await send(r.body.id, PNG_1x1, {})).body.error).toMatchObject({ code: 131008 });
    expect((await send(r.body.id, PNG_1x1, { file_offset: "5" })).body.error.error_data.details).toMatch(
      /file_offset must be 0/,
    );
    const forged = r.body.id.replace(/sig=.{4}/, "sig=AAAA");
    expect((await send(forged, PNG_1x1)).body.error.error_subcode).toBe(33);
    expect((await send(r.body.id.split("?")[0], PNG_1x1)).body.error.error_subcode).toBe(33);
  });

  it("keeps sessions to their app: another app's id or another business's token looks like nothing", async () => {
    const other = await addTenant(s);
    expect(
      (
        await session(
          { file_name: "a.png", file_length: 10, file_type: "image/png" },
          s.credentials.access_token,
          other.appId,
        )
      ).body.error.error_subcode,
    ).toBe(33);
    const mine = await session({ file_name: "shoes.png", file_length: PNG_1x1.length, file_type: "image/png" });
    expect((await send(mine.body.id, PNG_1x1, { file_offset: "0" }, other.token)).body.error.error_subcode).toBe(33);
    expect((await fetch(graph(mine.body.id))).status).toBe(401);
  });
});
