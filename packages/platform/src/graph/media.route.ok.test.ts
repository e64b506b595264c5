import { createHash } from "node:crypto";
import http from "node:http";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  JPEG_HEAD,
  MP4_VIDEO,
  OGG_VOICE,
  PDF_DOC,
  PNG_1x1,
  WEBP_STICKER,
  startTestServer,
  upload,
  type TestServer,
} from "@openwaba/server/testing";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ subscribe: false });
});
afterAll(() => s.stop());

const sha256b64 = (b: Buffer) => createHash("sha256").update(b).digest("base64");
/** GET <url> as a client does: the Bearer token, never following redirects. */
const download = async (url: string, headers: Record<string, string> = {}) => {
  const r = await fetch(url, {
    headers: { authorization: `Bearer ${s.credentials.access_token}`, ...headers },
    redirect: "manual",
  });
  return { status: r.status, headers: r.headers, bytes: Buffer.from(await r.arrayBuffer()) };
};
/** Every file under <data dir>/media. */
const filesOnDisk = (dir = join(s.dataDir, "media")): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOnDisk(join(dir, e.name)) : [join(dir, e.name)],
  );
const mediaRows = async (id: string) => s.store.db.selectFrom("media").selectAll().where("id", "=", id).execute();

const samples: [string, Buffer, string][] = [
  ["image/png", PNG_1x1, "pixel.png"],
  ["image/jpeg", JPEG_HEAD, "photo.jpg"],
  ["application/pdf", PDF_DOC, "invoice.pdf"],
  ["image/webp", WEBP_STICKER, "sticker.webp"],
  ["audio/ogg", OGG_VOICE, "voice.ogg"],
  ["video/mp4", MP4_VIDEO, "clip.mp4"],
];

describe("POST /{phone-number-id}/media, GET /{media-id} and the download URL", () => {
  it.each(samples)(
    "%s: upload → {id}; GET → Meta's fields with the base64 digest; the URL gives back the same bytes",
    async (mime, bytes, filename) => {
      const up = await upload(s, bytes, mime, filename, { messaging_product: "whatsapp", type: mime });
      expect(up.status, JSON.stringify(up.body)).toBe(200);
      expect(up.body).toEqual({ id: expect.stringMatching(/^\d{1,32}$/) });
      const id = up.body.id;

      const meta = await s.call("GET", `/${id}`);
      expect(meta.status).toBe(200);
      expect(meta.body).toEqual({
        messaging_product: "whatsapp",
        url: expect.any(String),
        mime_type: mime,
        sha256: sha256b64(bytes),
        file_size: String(bytes.length),
        id,
      });
      expect(meta.body.sha256).not.toMatch(/^[0-9a-f]{64}$/); // base64, not hex (§10b)
      expect(new URL(meta.body.url).origin).toBe(new URL(s.url).origin);

      const got = await download(meta.body.url);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(bytes)).toBe(true);
      expect(got.headers.get("content-type")).toBe(mime);
      expect(got.headers.get("content-length")).toBe(String(bytes.length));
    },
  );

  it("also answers GET /{media-id}?phone_number_id= and the token as ?access_token= on the URL", async () => {
    const {
      body: { id },
    } = await upload(s, PDF_DOC, "application/pdf", "a.pdf");
    const meta = await s.call("GET", `/${id}?phone_number_id=${s.phone}`);
    expect(meta.status).toBe(200);
    expect(meta.body.id).toBe(id);
    const r = await fetch(`${meta.body.url}&access_token=${encodeURIComponent(s.credentials.access_token)}`);
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer()).equals(PDF_DOC)).toBe(true);
  });

  it("takes the type field when the file part is application/octet-stream (curl -F file=@x without ;type=)", async () => {
    const up = await upload(s, PNG_1x1, "application/octet-stream", "pixel.png", {
      messaging_product: "whatsapp",
      type: "image/png",
    });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect((await s.call("GET", `/${up.body.id}`)).body).toMatchObject({
      mime_type: "image/png",
      sha256: sha256b64(PNG_1x1),
    });
  });

  it("keeps each upload apart: two uploads get two ids, each with its own digest and bytes", async () => {
    const a = await upload(s, PNG_1x1, "image/png");
    const b = await upload(s, JPEG_HEAD, "image/jpeg");
    expect(a.body.id).not.toBe(b.body.id);
    const [ma, mb] = [(await s.call("GET", `/${a.body.id}`)).body, (await s.call("GET", `/${b.body.id}`)).body];
    expect([ma.sha256, mb.sha256]).toEqual([sha256b64(PNG_1x1), sha256b64(JPEG_HEAD)]);
    expect((await download(mb.url)).bytes.equals(JPEG_HEAD)).toBe(true);
  });

  it("answers Range requests with 206 and Content-Range", async () => {
    const {
      body: { id },
    } = await upload(s, JPEG_HEAD, "image/jpeg", "photo.jpg");
    const { body: meta } = await s.call("GET", `/${id}`);
    const first = await download(meta.url, { range: "bytes=0-3" });
    expect(first.status).toBe(206);
    expect(first.headers.get("content-range")).toBe(`bytes 0-3/${JPEG_HEAD.length}`);
    expect(first.headers.get("content-length")).toBe("4");
    expect(first.headers.get("content-type")).toBe("image/jpeg");
    expect(first.bytes.equals(JPEG_HEAD.subarray(0, 4))).toBe(true);

    const tail = await download(meta.url, { range: "bytes=-2" });
    expect(tail.status).toBe(206);
    expect(tail.headers.get("content-range")).toBe(
      `bytes ${JPEG_HEAD.length - 2}-${JPEG_HEAD.length - 1}/${JPEG_HEAD.length}`,
    );
    expect(tail.bytes.equals(Buffer.from([0xff, 0xd9]))).toBe(true);

    const open = await download(meta.url, { range: "bytes=10-" });
    expect(open.status).toBe(206);
    expect(open.bytes.equals(JPEG_HEAD.subarray(10))).toBe(true);

    const beyond = await download(meta.url, { range: `bytes=${JPEG_HEAD.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${JPEG_HEAD.length}`);
  });

  it("DELETE /{media-id} → {success:true}; afterwards GET and DELETE are 400/100/33 and the URL is gone", async () => {
    const {
      body: { id },
    } = await upload(s, PNG_1x1, "image/png", "pixel.png");
    const { body: meta } = await s.call("GET", `/${id}`);
    expect(await mediaRows(id)).toHaveLength(1);
    const filesBefore = filesOnDisk();

    const del = await s.call("DELETE", `/${id}`);
    expect(del).toMatchObject({ status: 200, body: { success: true } });
    expect(await mediaRows(id)).toHaveLength(0);
    expect(filesOnDisk()).toHaveLength(filesBefore.length - 1); // the bytes are gone from disk too

    const after = await s.call("GET", `/${id}`);
    expect(after.status).toBe(400);
    expect(after.body.error).toMatchObject({ code: 100, error_subcode: 33, type: "GraphMethodException" });
    expect(after.body.error.message).toContain(`Object with ID '${id}' does not exist`);

    const again = await s.call("DELETE", `/${id}`);
    expect([again.status, again.body.error.code, again.body.error.error_subcode]).toEqual([400, 100, 33]);

    const gone = await download(meta.url);
    expect(gone.status).toBe(404);
    expect(gone.bytes.equals(PNG_1x1)).toBe(false);
  });

  it("GET of an id that never existed is 400/100/33", async () => {
    const r = await s.call("GET", "/1234567890123456");
    expect([r.status, r.body.error.code, r.body.error.error_subcode]).toEqual([400, 100, 33]);
  });
});

describe("the download URL when the server shuts down", () => {
  it("a download in flight finishes, then the server closes promptly (not after the 72 s keep-alive timeout)", async () => {
    const t = await startTestServer({ subscribe: false });
    const agent = new http.Agent({ keepAlive: true }); // as a real client keeps its connection
    try {
      const big = Buffer.concat([PDF_DOC, Buffer.alloc(8 * 1024 * 1024, 0x20)]);
      const up = await upload(t, big, "application/pdf", "big.pdf");
      expect(up.status).toBe(200);
      const { body: meta } = await t.call("GET", `/${up.body.id}`);
      let closing: Promise<void> | null = null;
      const body = await new Promise<Buffer>((resolve, reject) => {
        http
          .get(meta.url, { agent, headers: { authorization: `Bearer ${t.credentials.access_token}` } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (d: Buffer) => {
              chunks.push(d);
              if (!closing) {
                // shutdown begins while the bytes are still on their way
                res.pause();
                closing = t.close();
                setTimeout(() => res.resume(), 50);
              }
            });
            res.on("end", () => resolve(Buffer.concat(chunks)));
            res.on("error", reject);
          })
          .on("error", reject);
      });
      expect(body.equals(big)).toBe(true); // the work in hand is finished
      const closed = await Promise.race([
        closing!.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 5000)),
      ]);
      expect(closed, "server.close() still waiting 5 s after the last response ended").toBe(true);
    } finally {
      t.app.server.closeAllConnections();
      agent.destroy();
      await t.stop();
    }
  });
});
