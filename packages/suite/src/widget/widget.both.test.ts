import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAdmin, startTestServer, waitFor, type SuiteSession, type TestServer } from "@openwaba/server/testing";

// The website chat widget: saving it makes a plain and an opt-in code through the Cloud API; its
// public script links to both; a customer who opens the opt-in link and sends its message gets
// marketing consent with `widget:<code>` as the source, and the plain link gives none.
let s: TestServer;
let admin: SuiteSession;
let widget: any;
const script = (id: string, headers: Record<string, string> = {}) => fetch(`${s.url}/widget/${id}.js`, { headers });
const consentOf = async (wa: string) => (await admin.call("GET", `/suite/api/contacts?q=${wa}`)).body.data[0];

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
});
afterAll(() => s.stop());

describe("the website chat widget", () => {
  it("starts unsaved, then saves with two codes made through the Cloud API", async () => {
    const before = (await admin.call("GET", "/suite/api/settings/widget")).body;
    expect(before).toMatchObject({
      widget: null,
      defaults: { enabled: true, position: "bottom-right", opt_in_text: "Send me offers on WhatsApp" },
    });
    const r = await admin.call("PUT", "/suite/api/settings/widget", {
      prefilled_message: "Hi! I have a question about my order.",
      title: "Sklep Ania",
      greeting: "Hello </script><b>there</b>",
      brand_color: "#0B5FFF",
      allowed_origins: ["https://shop.example/", "http://127.0.0.1:5173"],
    });
    expect(r.status).toBe(200);
    widget = r.body.widget;
    expect(widget).toMatchObject({
      public_id: expect.stringMatching(/^[A-Za-z0-9_-]{20}$/),
      brand_color: "#0b5fff",
      allowed_origins: ["https://shop.example", "http://127.0.0.1:5173"],
      snippet: `<script src="${s.url}/widget/${widget.public_id}.js" async></script>`,
      entry_points: {
        plain: {
          deep_link_url: expect.stringMatching(/^https:\/\/wa\.me\/message\/[A-Z0-9]+$/),
          prefilled_message: "Hi! I have a question about my order.",
        },
        opt_in: {
          deep_link_url: expect.stringMatching(/^https:\/\/wa\.me\/message\/[A-Z0-9]+$/),
          prefilled_message: "Hi! I have a question about my order.\n✓ Send me offers on WhatsApp",
        },
      },
    });
    expect(s.credentials.phone_number_ids).toContain(widget.phone_number_id);
    const list = (await admin.call("GET", "/suite/api/entry-points")).body.data;
    expect(list.map((e: any) => [e.code, e.source, e.opt_in])).toEqual([
      [widget.entry_points.plain.code, "widget", false],
      [widget.entry_points.opt_in.code, "widget", true],
    ]);
    expect(
      (await s.call("GET", `/${widget.phone_number_id}/message_qrdls/${widget.entry_points.opt_in.code}`)).status,
    ).toBe(200);
  });

  it("serves its script publicly: JavaScript with both links, cacheable, small, safe with any text", async () => {
    const r = await script(widget.public_id);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(r.headers.get("cache-control")).toBe("public, max-age=300");
    const body = await r.text();
    expect(body).toContain(`"plain":"${widget.entry_points.plain.deep_link_url}"`);
    expect(body).toContain(`"opt_in":"${widget.entry_points.opt_in.deep_link_url}"`);
    expect(body).toContain("attachShadow");
    expect(body).not.toContain("</script>");
    // Nothing to fetch: the only addresses in it are the deep links and the allowed sites.
    expect(body).not.toMatch(/\bfetch\(|XMLHttpRequest|sendBeacon|\bsrc=/);
    const urls = new Set(body.match(/https?:\/\/[^"\s]+/g));
    expect(urls).toEqual(
      new Set([
        widget.entry_points.plain.deep_link_url,
        widget.entry_points.opt_in.deep_link_url,
        ...widget.allowed_origins,
      ]),
    );
    expect(Buffer.byteLength(body)).toBeLessThan(8192);
    const again = await script(widget.public_id, { "if-none-match": r.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("grants consent with widget:<code> to a customer who opens the opt-in link, and none for the plain link", async () => {
    for (const wa of ["48600232323", "48600242424"]) await s.call("POST", "/simulator/users", { wa_id: wa });
    const opened = await s.call("POST", "/simulator/users/48600232323/scan", {
      link: widget.entry_points.opt_in.deep_link_url,
    });
    expect(opened.status).toBe(201);
    await s.call("POST", "/simulator/users/48600242424/scan", { link: widget.entry_points.plain.deep_link_url });
    const c = await waitFor(async () => (await consentOf("48600232323"))?.consent, 5000, "consent from the widget");
    expect(c).toMatchObject({ marketing: "granted", source: `widget:${widget.entry_points.opt_in.code}` });
    await waitFor(async () => consentOf("48600242424"), 5000, "the plain link's contact");
    expect((await consentOf("48600242424")).consent).toBeNull();
  });

  it("keeps its codes when only the look changes; a new message makes new codes and deletes the old (tolerating 'already gone')", async () => {
    const body = {
      prefilled_message: "Hi! I have a question about my order.",
      brand_color: "#111111",
      position: "bottom-left",
    };
    const same = (await admin.call("PUT", "/suite/api/settings/widget", body)).body.widget;
    expect(same.entry_points.plain.code).toBe(widget.entry_points.plain.code);
    expect(same.entry_points.opt_in.code).toBe(widget.entry_points.opt_in.code);
    expect(same.version).toBe(widget.version + 1);
    // The plain code was deleted on the platform by hand meanwhile: the save still goes through.
    expect(
      (await s.call("DELETE", `/${widget.phone_number_id}/message_qrdls/${widget.entry_points.plain.code}`)).status,
    ).toBe(200);
    const changed = (
      await admin.call("PUT", "/suite/api/settings/widget", { ...body, prefilled_message: "Dzień dobry!" })
    ).body.widget;
    expect(changed.public_id).toBe(widget.public_id);
    expect(changed.entry_points.plain.code).not.toBe(widget.entry_points.plain.code);
    expect(changed.entry_points.opt_in.prefilled_message).toBe("Dzień dobry!\n✓ Send me offers on WhatsApp");
    expect(
      (await s.call("GET", `/${widget.phone_number_id}/message_qrdls/${widget.entry_points.opt_in.code}`)).status,
    ).toBe(400);
    const codes = (await admin.call("GET", "/suite/api/entry-points")).body.data.map((e: any) => e.code);
    expect(codes).toEqual([changed.entry_points.plain.code, changed.entry_points.opt_in.code]);
    expect(await (await script(widget.public_id)).text()).toContain(changed.entry_points.opt_in.deep_link_url);
    widget = changed;
  });

  it("keeps its codes out of the entry points' DELETE; without opt-in text it has one code; moves to another number; switched off, its script does nothing", async () => {
    const del = await admin.call("DELETE", `/suite/api/entry-points/${widget.entry_points.plain.code}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe("in_use");
    const plainOnly = (
      await admin.call("PUT", "/suite/api/settings/widget", { prefilled_message: "Dzień dobry!", opt_in_text: null })
    ).body.widget;
    expect(plainOnly.entry_points).toMatchObject({ plain: { code: widget.entry_points.plain.code }, opt_in: null });
    expect((await admin.call("GET", "/suite/api/entry-points")).body.data).toHaveLength(1);
    expect(await (await script(widget.public_id)).text()).toContain(`"opt_in":null`);
    // Another number: a new code on it; a save that names none keeps the widget's number.
    const other = s.credentials.phone_number_ids.find((p) => p !== widget.phone_number_id)!;
    const moved = (
      await admin.call("PUT", "/suite/api/settings/widget", {
        prefilled_message: "Dzień dobry!",
        opt_in_text: null,
        phone_number_id: other,
      })
    ).body.widget;
    expect(moved.phone_number_id).toBe(other);
    expect((await s.call("GET", `/${other}/message_qrdls/${moved.entry_points.plain.code}`)).status).toBe(200);
    expect(
      (await s.call("GET", `/${widget.phone_number_id}/message_qrdls/${widget.entry_points.plain.code}`)).status,
    ).toBe(400);
    const off = (
      await admin.call("PUT", "/suite/api/settings/widget", {
        prefilled_message: "Dzień dobry!",
        opt_in_text: null,
        enabled: false,
      })
    ).body.widget;
    expect(off).toMatchObject({
      phone_number_id: other,
      entry_points: { plain: { code: moved.entry_points.plain.code } },
    });
    const served = await script(widget.public_id);
    expect(served.status).toBe(200);
    expect(await served.text()).toBe("/* This OpenWABA chat widget is switched off. */\n");
  });
});
