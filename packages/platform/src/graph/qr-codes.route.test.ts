import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTenant, startTestServer, type TestServer } from "@openwaba/server/testing";

// QR codes and short links (message_qrdls), as Meta's API shapes them, with their images.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ subscribe: false });
});
afterAll(() => s.stop());

describe("message_qrdls", () => {
  it("creates a code with its deep link and a PNG or SVG image that encodes it", async () => {
    const r = await s.call("POST", `/${s.phone}/message_qrdls`, {
      prefilled_message: "START — send me offers",
      generate_qr_image: "PNG",
    });
    expect(r.body).toMatchObject({
      code: expect.stringMatching(/^[A-Z0-9]{6,14}$/),
      prefilled_message: "START — send me offers",
      deep_link_url: `https://wa.me/message/${r.body.code}`,
    });
    const png = await fetch(r.body.qr_image_url);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    const svg = await fetch(r.body.qr_image_url.replace(/\.png$/, ".svg"));
    expect(await svg.text()).toMatch(/^<svg/);
  });

  it("lists, reads, changes and deletes codes", async () => {
    const {
      body: { code },
    } = await s.call("POST", `/${s.phone}/message_qrdls`, { prefilled_message: "Hi!" });
    expect((await s.call("GET", `/${s.phone}/message_qrdls`)).body.data.map((x: any) => x.code)).toContain(code);
    expect(
      (await s.call("POST", `/${s.phone}/message_qrdls`, { code, prefilled_message: "Hello!" })).body,
    ).toMatchObject({ code, prefilled_message: "Hello!" });
    expect((await s.call("GET", `/${s.phone}/message_qrdls/${code}`)).body.data[0].prefilled_message).toBe("Hello!");
    expect((await s.call("DELETE", `/${s.phone}/message_qrdls/${code}`)).body).toEqual({ success: true });
    expect((await s.call("GET", `/${s.phone}/message_qrdls/${code}`)).status).toBe(400);
  });

  it("refuses a message over 140 characters, and another business's number", async () => {
    const long = await s.call("POST", `/${s.phone}/message_qrdls`, { prefilled_message: "x".repeat(141) });
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe(100);
    const other = await addTenant(s);
    expect(
      (await s.call("POST", `/${other.phone}/message_qrdls`, { prefilled_message: "hi" })).body.error.error_subcode,
    ).toBe(33);
  });
});
