import { beforeAll, describe, expect, it } from "vitest";
import {
  signInAdmin,
  signInInvited,
  useTestServer,
  type SuiteSession,
  signInOtherTenantAdmin,
} from "@openwaba/server/testing";

// The console previews the widget from the settings in its form, before and between saves
// (issue #10 item 14): the same script the shop's pages get, called with those settings; nothing
// is saved; bad settings are refused with the field named; each tenant previews only its own.
const s = useTestServer();
let admin: SuiteSession, ben: SuiteSession, boss: SuiteSession;
const base = { prefilled_message: "Dzień dobry! Mam pytanie." };
const preview = (who: SuiteSession, body: unknown) => who.call("POST", "/suite/api/settings/widget/preview", body);
/** The settings a script calls the embed with (its last argument). */
const configOf = (script: string) => JSON.parse(script.slice(script.lastIndexOf('({"id":') + 1, -3));

beforeAll(async () => {
  admin = await signInAdmin(s);
  ben = await signInInvited(s, admin, { email: "ben@shop.test", name: "Ben", role: "agent" });
  boss = await signInOtherTenantAdmin(s);
});

describe("previewing the widget", () => {
  it("previews settings never saved, links to nothing yet, shows on any page, and saves nothing", async () => {
    const r = await preview(admin, {
      ...base,
      title: "Sklep Ania",
      brand_color: "#075E54",
      allowed_origins: ["https://shop.example"],
    });
    expect(r.status).toBe(200);
    expect(configOf(r.body.script)).toEqual({
      id: "preview",
      title: "Sklep Ania",
      greeting: "Hi! How can we help you?",
      button_label: "Chat on WhatsApp",
      start_label: "Start chat",
      color: "#075e54",
      ink: "#ffffff",
      position: "bottom-right",
      opt_in_text: "Send me offers on WhatsApp",
      plain: "#",
      opt_in: "#",
      origins: [],
    });
    expect((await admin.call("GET", "/suite/api/settings/widget")).body.widget).toBeNull();
    expect((await admin.call("GET", "/suite/api/entry-points")).body.data).toEqual([]);
  });

  it("is the public script itself once saved, with the saved links, whatever the form holds", async () => {
    const saved = (await admin.call("PUT", "/suite/api/settings/widget", { ...base, title: "Sklep Ania" })).body.widget;
    const pub = await (await fetch(saved.script_url)).text();
    expect((await preview(admin, { ...base, title: "Sklep Ania" })).body.script).toBe(pub);
    const edited = configOf((await preview(admin, { ...base, title: "Ceramika Ania", opt_in_text: null })).body.script);
    expect(edited).toMatchObject({
      id: saved.public_id,
      title: "Ceramika Ania",
      plain: saved.entry_points.plain.deep_link_url,
      opt_in: null,
      opt_in_text: null,
    });
    expect((await admin.call("GET", "/suite/api/settings/widget")).body.widget.title).toBe("Sklep Ania");
  });

  it("shows nothing for a widget switched off", async () => {
    expect((await preview(admin, { ...base, enabled: false })).body).toEqual({ script: null });
  });

  it("refuses bad settings with the field named, never a 500", async () => {
    for (const [body, field] of [
      [{ ...base, title: "t".repeat(61) }, "title"],
      [{ ...base, brand_color: "red" }, "brand_color"],
      [{}, "prefilled_message"],
      [{ ...base, allowed_origins: ["https://shop.example/x"] }, "allowed_origins.0"],
    ] as const) {
      const r = await preview(admin, body);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: "invalid_request", field });
    }
  });

  it("is for admins and supervisors, each of their own tenant", async () => {
    expect((await preview(ben, base)).status).toBe(403);
    // The other tenant has saved no widget: its preview links to nothing, not to this tenant's codes.
    expect(configOf((await preview(boss, base)).body.script)).toMatchObject({ id: "preview", plain: "#", opt_in: "#" });
  });
});
