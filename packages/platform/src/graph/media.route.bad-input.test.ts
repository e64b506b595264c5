import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  JPEG_HEAD,
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

const MB = 1024 * 1024;
const GIF = Buffer.concat([
  Buffer.from("GIF89a"),
  Buffer.from([1, 0, 1, 0, 0x80, 0, 0]),
  Buffer.alloc(30, 0),
  Buffer.from([0x3b]),
]);
/** Every file under <data dir>/media, temporary ones included. */
const filesOnDisk = (dir = join(s.dataDir, "media")): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOnDisk(join(dir, e.name)) : [relative(s.dataDir, join(dir, e.name))],
  );
const mediaRows = async () =>
  Number(
    (
      await s.store.db
        .selectFrom("media")
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Runs a refused request and checks that it left no row and no file behind. */
async function refusedLeavesNothing<T>(attempt: () => Promise<T>): Promise<T> {
  const rows = await mediaRows();
  const files = filesOnDisk();
  const r = await attempt();
  expect(await mediaRows()).toBe(rows);
  expect(filesOnDisk()).toEqual(files);
  return r;
}
const expectEnvelope = (r: { status: number; body: any }, status: number, code: number, details?: RegExp) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.error).toMatchObject({
    code,
    type: "OAuthException",
    message: expect.stringContaining(`(#${code})`),
    fbtrace_id: expect.any(String),
  });
  if (details) expect(r.body.error.error_data?.details).toMatch(details);
};

describe("POST /{phone-number-id}/media — refused uploads keep nothing", () => {
  it("a good upload does write a row and a file (so the checks below can see a leak)", async () => {
    const rows = await mediaRows();
    const files = filesOnDisk().length;
    const r = await upload(s, PNG_1x1, "image/png");
    expect(r.status).toBe(200);
    expect(await mediaRows()).toBe(rows + 1);
    expect(filesOnDisk().length).toBe(files + 1);
  });

  it("an unsupported type (image/gif): 131053", async () => {
    const r = await refusedLeavesNothing(() => upload(s, GIF, "image/gif", "anim.gif"));
    expectEnvelope(r, 400, 131053, /image\/gif/);
  });

  it("an unsupported type given in the type field: 131053", async () => {
    const r = await refusedLeavesNothing(() =>
      upload(s, GIF, "image/gif", "anim.gif", { messaging_product: "whatsapp", type: "image/gif" }),
    );
    expectEnvelope(r, 400, 131053);
  });

  it.each([
    ["in the file part", { messaging_product: "whatsapp" }],
    ["in the type field", { messaging_product: "whatsapp", type: "image/jpeg" }],
  ])("an image over 5 MB (type %s): 131053, no row, no file left under <data dir>/media", async (_how, fields) => {
    const big = Buffer.alloc(5 * MB + 1);
    JPEG_HEAD.copy(big, 0, 0, 12);
    const r = await refusedLeavesNothing(() => upload(s, big, "image/jpeg", "big.jpg", fields));
    expectEnvelope(r, 400, 131053, /larger than/);
  });

  it("an image of exactly 5 MB is taken", async () => {
    const max = Buffer.alloc(5 * MB);
    JPEG_HEAD.copy(max, 0, 0, 12);
    const r = await upload(s, max, "image/jpeg", "max.jpg");
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await s.call("GET", `/${r.body.id}`)).body.file_size).toBe(String(5 * MB));
  });

  it("a sticker (image/webp) over 500 KB: 131053", async () => {
    const big = Buffer.concat([WEBP_STICKER, Buffer.alloc(500 * 1024 + 1 - WEBP_STICKER.length)]);
    const r = await refusedLeavesNothing(() => upload(s, big, "image/webp", "big.webp"));
    expectEnvelope(r, 400, 131053);
  });

  it("content that does not match its declared type (PNG bytes declared image/jpeg): 131053", async () => {
    const r = await refusedLeavesNothing(() => upload(s, PNG_1x1, "image/jpeg", "fake.jpg"));
    expectEnvelope(r, 400, 131053, /image\/jpeg/);
  });

  it("PNG bytes with type=image/jpeg in the form: 131053", async () => {
    const r = await refusedLeavesNothing(() =>
      upload(s, PNG_1x1, "image/png", "fake.jpg", { messaging_product: "whatsapp", type: "image/jpeg" }),
    );
    expectEnvelope(r, 400, 131053);
  });

  it("a PDF declared as video/mp4: 131053", async () => {
    const r = await refusedLeavesNothing(() => upload(s, PDF_DOC, "video/mp4", "clip.mp4"));
    expectEnvelope(r, 400, 131053);
  });

  it("an empty file: 131053", async () => {
    const r = await refusedLeavesNothing(() => upload(s, Buffer.alloc(0), "application/pdf", "empty.pdf"));
    expectEnvelope(r, 400, 131053);
  });

  it("missing messaging_product: 131008 naming it, and the file is not kept", async () => {
    const r = await refusedLeavesNothing(() => upload(s, PNG_1x1, "image/png", "p.png", {}));
    expectEnvelope(r, 400, 131008, /messaging_product/);
  });

  it("a wrong messaging_product: 100 naming it, and the file is not kept", async () => {
    const r = await refusedLeavesNothing(() => upload(s, PNG_1x1, "image/png", "p.png", { messaging_product: "sms" }));
    expectEnvelope(r, 400, 100, /messaging_product/);
  });

  it("missing file: 131008 naming it", async () => {
    const r = await refusedLeavesNothing(async () => {
      const form = new FormData();
      form.append("messaging_product", "whatsapp");
      form.append("type", "image/png");
      const res = await fetch(`${s.url}/${s.credentials.graph_version}/${s.phone}/media`, {
        method: "POST",
        headers: { authorization: `Bearer ${s.credentials.access_token}` },
        body: form,
      });
      return { status: res.status, body: (await res.json()) as any };
    });
    expectEnvelope(r, 400, 131008, /file/);
  });

  it("a file under another field name: 4xx Graph envelope, nothing kept", async () => {
    const r = await refusedLeavesNothing(async () => {
      const form = new FormData();
      form.append("messaging_product", "whatsapp");
      form.append("attachment", new Blob([PNG_1x1], { type: "image/png" }), "p.png");
      const res = await fetch(`${s.url}/${s.credentials.graph_version}/${s.phone}/media`, {
        method: "POST",
        headers: { authorization: `Bearer ${s.credentials.access_token}` },
        body: form,
      });
      return { status: res.status, body: (await res.json()) as any };
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.error).toMatchObject({ code: expect.any(Number), fbtrace_id: expect.any(String) });
  });

  it.each([
    [
      "application/json",
      JSON.stringify({ messaging_product: "whatsapp", type: "image/png", file: PNG_1x1.toString("base64") }),
    ],
    ["application/x-www-form-urlencoded", "messaging_product=whatsapp&type=image%2Fpng"],
    ["image/png", PNG_1x1],
    ["text/plain", "hello"],
  ])("a non-multipart body (%s): a 4xx Graph envelope, nothing kept", async (contentType, body) => {
    const r = await refusedLeavesNothing(async () => {
      const res = await fetch(`${s.url}/${s.credentials.graph_version}/${s.phone}/media`, {
        method: "POST",
        headers: { authorization: `Bearer ${s.credentials.access_token}`, "content-type": contentType },
        body,
      });
      const text = await res.text();
      let json: any = text;
      try {
        json = JSON.parse(text);
      } catch {
        /* not JSON: fails below */
      }
      return { status: res.status, body: json };
    });
    expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.error).toMatchObject({
      code: 100,
      type: "OAuthException",
      message: expect.any(String),
      fbtrace_id: expect.any(String),
    });
  });
});
