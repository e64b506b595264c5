import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  JPEG_HEAD,
  PNG_1x1,
  addTenant,
  startTestServer,
  upload,
  type OtherTenant,
  type TestServer,
} from "@openwaba/server/testing";

let s: TestServer;
let other: OtherTenant;
let mediaId: string;
beforeAll(async () => {
  s = await startTestServer({ subscribe: false });
  other = await addTenant(s);
  const up = await upload(s, JPEG_HEAD, "image/jpeg", "photo.jpg");
  if (up.status !== 200) throw new Error(`upload: ${JSON.stringify(up.body)}`);
  mediaId = up.body.id;
});
afterAll(() => s.stop());

const graph = async (method: string, path: string, token: string | null) => {
  const r = await fetch(`${s.url}/${s.credentials.graph_version}${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: r.status, body: (await r.json()) as any };
};
const get = async (url: string, headers: Record<string, string> = {}) => {
  const r = await fetch(url, { headers, redirect: "manual" });
  const bytes = Buffer.from(await r.arrayBuffer());
  let body: any = null;
  try {
    body = JSON.parse(bytes.toString("utf8"));
  } catch {
    /* bytes */
  }
  return { status: r.status, bytes, body };
};
const bearer = (token = s.credentials.access_token) => ({ authorization: `Bearer ${token}` });
const freshUrl = async (id = mediaId) => {
  const r = await s.call("GET", `/${id}`);
  expect(r.status).toBe(200);
  return r.body.url as string;
};
const mediaCount = async () =>
  Number(
    (
      await s.store.db
        .selectFrom("media")
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("POST /{phone-number-id}/media — who may upload", () => {
  it("without a token: 401, code 104, nothing stored", async () => {
    const before = await mediaCount();
    const r = await upload(s, PNG_1x1, "image/png", "p.png", undefined, { token: null });
    expect(r.status).toBe(401);
    expect(r.body.error).toMatchObject({
      code: 104,
      type: "OAuthException",
      message: "An access token is required to request this resource.",
    });
    expect(await mediaCount()).toBe(before);
  });
  it("with an unknown token: 401, code 190", async () => {
    const r = await upload(s, PNG_1x1, "image/png", "p.png", undefined, { token: "EAAOnot-a-token" });
    expect([r.status, r.body.error.code]).toEqual([401, 190]);
  });
  it("with another WABA's token on our number: 400, 100/33, nothing stored", async () => {
    const before = await mediaCount();
    const r = await upload(s, PNG_1x1, "image/png", "p.png", undefined, { token: other.token });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" });
    expect(r.body.error.message).toContain(`Object with ID '${s.phone}' does not exist`);
    expect(await mediaCount()).toBe(before);
  });
  it("the other tenant uploads to its own number, and its media stays its own", async () => {
    const r = await upload(s, PNG_1x1, "image/png", "p.png", undefined, { token: other.token, phone: other.phone });
    expect(r.status).toBe(200);
    const theirs = await graph("GET", `/${r.body.id}`, other.token);
    expect(theirs.status).toBe(200);
    const mine = await s.call("GET", `/${r.body.id}`);
    expect([mine.status, mine.body.error.code, mine.body.error.error_subcode]).toEqual([400, 100, 33]);
  });
});

describe("GET and DELETE /{media-id} — another tenant sees nothing", () => {
  it("GET without a token: 401/104; with an unknown token: 401/190", async () => {
    expect(await graph("GET", `/${mediaId}`, null)).toMatchObject({ status: 401, body: { error: { code: 104 } } });
    expect(await graph("GET", `/${mediaId}`, "nope")).toMatchObject({ status: 401, body: { error: { code: 190 } } });
  });
  it("GET with another WABA's token: 400, 100/33 — exactly like an id that does not exist", async () => {
    const r = await graph("GET", `/${mediaId}`, other.token);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" });
    expect(r.body.error.message).toContain(`Object with ID '${mediaId}' does not exist`);
    expect(JSON.stringify(r.body)).not.toContain("lookaside");
  });
  it("DELETE with another WABA's token: 400, 100/33, and the media is still there for its owner", async () => {
    const r = await graph("DELETE", `/${mediaId}`, other.token);
    expect([r.status, r.body.error.code, r.body.error.error_subcode]).toEqual([400, 100, 33]);
    const mine = await s.call("GET", `/${mediaId}`);
    expect(mine.status).toBe(200);
    expect((await get(mine.body.url, bearer())).bytes.equals(JPEG_HEAD)).toBe(true);
  });
  it("DELETE without a token: 401/104, nothing deleted", async () => {
    expect(await graph("DELETE", `/${mediaId}`, null)).toMatchObject({ status: 401, body: { error: { code: 104 } } });
    expect((await s.call("GET", `/${mediaId}`)).status).toBe(200);
  });
});

describe("the download URL — signed, short-lived, and only with the owner's token", () => {
  it("without a token: 401, code 104, no bytes", async () => {
    const r = await get(await freshUrl());
    expect(r.status).toBe(401);
    expect(r.body.error).toMatchObject({ code: 104 });
    expect(r.bytes.includes(JPEG_HEAD.subarray(0, 12))).toBe(false);
  });
  it("with an unknown token: 401, code 190", async () => {
    const r = await get(await freshUrl(), bearer("nope"));
    expect([r.status, r.body.error.code]).toEqual([401, 190]);
  });
  it("with another WABA's token: 404, no bytes", async () => {
    const r = await get(await freshUrl(), bearer(other.token));
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe(100);
  });
  it("a tampered hash, a missing hash or a pushed-back expiry: 404 with the Graph envelope", async () => {
    const url = new URL(await freshUrl());
    expect((await get(url.toString(), bearer())).status).toBe(200); // the untouched URL works

    const hash = url.searchParams.get("hash")!;
    const flipped = new URL(url);
    flipped.searchParams.set("hash", (hash[0] === "A" ? "B" : "A") + hash.slice(1));
    const noHash = new URL(url);
    noHash.searchParams.delete("hash");
    const later = new URL(url);
    later.searchParams.set("ext", String(Number(url.searchParams.get("ext")) + 3_600_000));
    const otherId = new URL(url);
    otherId.pathname = otherId.pathname.replace(mediaId, "1234567890123456");
    for (const u of [flipped, noHash, later, otherId]) {
      const r = await get(u.toString(), bearer());
      expect(r.status, u.toString()).toBe(404);
      expect(r.body.error).toMatchObject({ code: 100, fbtrace_id: expect.any(String) });
    }
  });
  it("expires after 5 minutes (404); a fresh GET /{media-id} gives a working URL again", async () => {
    const url = await freshUrl();
    const adv = await s.call("POST", "/simulator/clock/advance", { ms: 6 * 60 * 1000 });
    expect(adv.status).toBe(200);
    const stale = await get(url, bearer());
    expect(stale.status).toBe(404);
    expect(stale.body.error.code).toBe(100);
    const fresh = await freshUrl();
    expect(fresh).not.toBe(url);
    const ok = await get(fresh, bearer());
    expect(ok.status).toBe(200);
    expect(ok.bytes.equals(JPEG_HEAD)).toBe(true);
  });
});
