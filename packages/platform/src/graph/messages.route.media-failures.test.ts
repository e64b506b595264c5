import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PDF_DOC,
  PNG_1x1,
  openWindow,
  startTestServer,
  upload,
  waitFor,
  type TestServer,
} from "@openwaba/server/testing";

// Media problems Meta finds after accepting a send: reported as a failed status with 131053.
let s: TestServer;
let link: string;
let linkServer: ReturnType<typeof createServer>;
const wa = "4860033300";
beforeAll(async () => {
  s = await startTestServer();
  await openWindow(s, wa);
  linkServer = createServer((q, res) => {
    if (q.url === "/doc.pdf") return res.writeHead(200, { "content-type": "application/pdf" }).end(PDF_DOC);
    if (q.url === "/pic.png") return res.writeHead(200, { "content-type": "image/png" }).end(PNG_1x1);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => linkServer.listen(0, "127.0.0.1", r));
  link = `http://127.0.0.1:${(linkServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  linkServer.close();
  await s.stop();
});

const outcome = async (body: Record<string, unknown>) => {
  const r = await s.call("POST", `/${s.phone}/messages`, { messaging_product: "whatsapp", to: wa, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const id = r.body.messages[0].id;
  return waitFor(
    () => s.receiver.statuses().find((x) => x.id === id && (x.status === "failed" || x.status === "delivered")),
    5000,
    "a status",
  );
};

describe("media failures after acceptance", () => {
  it("an unknown media id fails with 131053", async () => {
    const st = await outcome({ type: "image", image: { id: "123456789012345" } });
    expect(st.status).toBe("failed");
    expect(st.errors[0]).toMatchObject({ code: 131053, error_data: { details: expect.stringMatching(/not found/) } });
  });
  it("a PDF sent as an image fails with 131053; the same PDF as a document is delivered", async () => {
    const pdf = await upload(s, PDF_DOC, "application/pdf", "a.pdf");
    const asImage = await outcome({ type: "image", image: { id: pdf.body.id } });
    expect(asImage.errors[0]).toMatchObject({
      code: 131053,
      error_data: { details: "Media of type application/pdf cannot be sent as image." },
    });
    expect((await outcome({ type: "document", document: { id: pdf.body.id } })).status).toBe("delivered");
    const png = await upload(s, PNG_1x1, "image/png", "p.png");
    expect((await outcome({ type: "sticker", sticker: { id: png.body.id } })).errors[0].code).toBe(131053);
  });
  it("a link that does not answer, or answers with the wrong type, fails with 131053", async () => {
    const missing = await outcome({ type: "image", image: { link: `${link}/nope.jpg` } });
    expect(missing.errors[0]).toMatchObject({
      code: 131053,
      error_data: { details: expect.stringMatching(/HTTP 404/) },
    });
    const wrong = await outcome({ type: "video", video: { link: `${link}/doc.pdf` } });
    expect(wrong.errors[0].error_data.details).toBe("Media of type application/pdf cannot be sent as video.");
    expect((await outcome({ type: "document", document: { link: `${link}/doc.pdf` } })).status).toBe("delivered");
  });

  it("a template's media header is checked by id and fetched by link, with the same 131053", async () => {
    const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
      name: "photo_receipt",
      language: "en_US",
      category: "UTILITY",
      components: [
        { type: "HEADER", format: "IMAGE", example: { header_handle: ["https://example.com/receipt.png"] } },
        { type: "BODY", text: "Here is the photo of your receipt for this week." },
      ],
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "APPROVED" });
    const send = (image: Record<string, string>) =>
      outcome({
        type: "template",
        template: {
          name: "photo_receipt",
          language: { code: "en_US" },
          components: [{ type: "header", parameters: [{ type: "image", image }] }],
        },
      });
    expect((await send({ id: "123456789012345" })).errors[0].code).toBe(131053);
    expect((await send({ link: `${link}/doc.pdf` })).errors[0].error_data.details).toBe(
      "Media of type application/pdf cannot be sent as image.",
    );
    expect((await send({ link: `${link}/pic.png` })).status).toBe("delivered");
    const png = await upload(s, PNG_1x1, "image/png", "p.png");
    expect((await send({ id: png.body.id })).status).toBe("delivered");
  });
});
