import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTenant, startTestServer, type OtherTenant, type TestServer } from "@openwaba/server/testing";

let s: TestServer;
let other: OtherTenant;
let path: string;
beforeAll(async () => {
  s = await startTestServer({ subscribe: false });
  other = await addTenant(s);
  path = `/${s.phone}/whatsapp_business_profile`;
});
afterAll(() => s.stop());

const profile = async (query = "") => {
  const r = await s.call("GET", `${path}${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.data).toHaveLength(1);
  return r.body.data[0] as Record<string, unknown>;
};
const post = (body: Record<string, unknown>) => s.call("POST", path, { messaging_product: "whatsapp", ...body });
const set = async (body: Record<string, unknown>) => {
  const r = await post(body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body).toEqual({ success: true });
};
/** A refused POST: a 4xx Graph envelope whose details name the field, and the profile unchanged. */
const refused = async (body: Record<string, unknown>, field: string) => {
  const before = await profile();
  const r = await post(body);
  expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(400);
  expect(r.status).toBeLessThan(500);
  expect(r.body.error).toMatchObject({
    code: expect.any(Number),
    type: "OAuthException",
    fbtrace_id: expect.any(String),
  });
  expect([100, 131008, 131009]).toContain(r.body.error.code);
  expect(r.body.error.error_data?.details).toContain(field);
  expect(await profile()).toEqual(before);
  return r;
};
/** An address-shaped email of exactly n characters (labels kept under 64). */
const emailOf = (n: number) => {
  const local = "a".repeat(64),
    tld = ".com";
  const rest = n - local.length - 1 - tld.length; // characters for the labels and their dots
  const first = "b".repeat(Math.min(60, rest - 2));
  const second = "c".repeat(rest - first.length - 1);
  return `${local}@${first}.${second}${tld}`;
};

describe("GET /{phone-number-id}/whatsapp_business_profile", () => {
  it('answers {data:[{…, messaging_product:"whatsapp"}]} with only the fields that are set', async () => {
    const r = await s.call("GET", path);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      data: [{ about: "Hello from OpenWABA", vertical: "RETAIL", messaging_product: "whatsapp" }],
    });
  });

  it("?fields= picks fields; unset ones stay absent", async () => {
    expect(await profile("?fields=about,email")).toEqual({
      about: "Hello from OpenWABA",
      messaging_product: "whatsapp",
    });
    expect(await profile("?fields=vertical")).toEqual({ vertical: "RETAIL", messaging_product: "whatsapp" });
  });

  it("an unknown field: 400, code 100 naming it", async () => {
    const r = await s.call("GET", `${path}?fields=about,favourite_colour`);
    expect([r.status, r.body.error.code]).toEqual([400, 100]);
    expect(r.body.error.message).toContain("favourite_colour");
  });
});

describe("POST /{phone-number-id}/whatsapp_business_profile", () => {
  it("merges: the fields sent change, the others stay", async () => {
    const before = await profile();
    await set({
      address: "1 Main St, Springfield",
      email: "shop@example.com",
      websites: ["https://shop.example.com", "http://example.org/about"],
    });
    expect(await profile()).toEqual({
      ...before,
      address: "1 Main St, Springfield",
      email: "shop@example.com",
      websites: ["https://shop.example.com", "http://example.org/about"],
      messaging_product: "whatsapp",
    });
    await set({ description: "We sell things", vertical: "HOTEL" });
    expect(await profile()).toEqual({
      about: "Hello from OpenWABA",
      address: "1 Main St, Springfield",
      email: "shop@example.com",
      websites: ["https://shop.example.com", "http://example.org/about"],
      description: "We sell things",
      vertical: "HOTEL",
      messaging_product: "whatsapp",
    });
  });

  it('"" clears a field: it is absent afterwards, the others stay', async () => {
    await set({ address: "2 Side St", email: "x@example.com", description: "desc" });
    await set({ address: "" });
    const p = await profile();
    expect(p).not.toHaveProperty("address");
    expect(p).toMatchObject({ email: "x@example.com", description: "desc", about: expect.any(String) });
    await set({ email: "", description: "" });
    const q = await profile();
    expect(q).not.toHaveProperty("email");
    expect(q).not.toHaveProperty("description");
    expect(q.about).toBe(p.about);
    expect(await profile("?fields=address,email,description")).toEqual({ messaging_product: "whatsapp" });
  });

  it('"" clears the vertical too', async () => {
    await set({ vertical: "EDU" });
    expect((await profile()).vertical).toBe("EDU");
    await set({ vertical: "" });
    expect(await profile()).not.toHaveProperty("vertical");
  });

  it("a profile_picture_handle becomes a profile_picture_url", async () => {
    await set({ profile_picture_handle: "4::aW1hZ2UvanBlZw==:ARZ" });
    expect((await profile("?fields=profile_picture_url")).profile_picture_url).toEqual(
      expect.stringMatching(/^https:\/\//),
    );
  });

  it('about: 139 characters are taken, 140 refused, "" refused', async () => {
    await set({ about: "a".repeat(139) });
    expect((await profile()).about).toBe("a".repeat(139));
    await refused({ about: "b".repeat(140) }, "about");
    await refused({ about: "" }, "about");
    expect((await profile()).about).toBe("a".repeat(139));
  });

  it("address: 256 taken, 257 refused", async () => {
    await set({ address: "d".repeat(256) });
    expect((await profile()).address).toBe("d".repeat(256));
    await refused({ address: "e".repeat(257) }, "address");
  });

  it("description: 512 taken, 513 refused", async () => {
    await set({ description: "f".repeat(512) });
    expect((await profile()).description).toBe("f".repeat(512));
    await refused({ description: "g".repeat(513) }, "description");
  });

  it("email: 128 characters taken, 129 refused, a non-address refused", async () => {
    const max = emailOf(128);
    expect(max).toHaveLength(128);
    await set({ email: max });
    expect((await profile()).email).toBe(max);
    const over = emailOf(129);
    expect(over).toHaveLength(129);
    await refused({ email: over }, "email");
    await refused({ email: "not-an-email" }, "email");
    await refused({ email: "a@b" }, "email");
  });

  it("websites: 2 taken, 3 refused; one over 256 characters or not http(s) refused", async () => {
    await set({ websites: ["https://one.example.com", "https://two.example.com"] });
    expect((await profile()).websites).toEqual(["https://one.example.com", "https://two.example.com"]);
    await refused(
      { websites: ["https://a.example.com", "https://b.example.com", "https://c.example.com"] },
      "websites",
    );
    const long = "https://example.com/" + "p".repeat(257 - "https://example.com/".length);
    expect(long).toHaveLength(257);
    await refused({ websites: [long] }, "websites");
    await refused({ websites: ["ftp://example.com"] }, "websites");
    await refused({ websites: "https://example.com" }, "websites");
    const max = "https://example.com/" + "q".repeat(256 - "https://example.com/".length);
    await set({ websites: [max] });
    expect((await profile()).websites).toEqual([max]);
  });

  it.each([
    "UNDEFINED",
    "OTHER",
    "AUTO",
    "BEAUTY",
    "APPAREL",
    "EDU",
    "ENTERTAIN",
    "EVENT_PLAN",
    "FINANCE",
    "GROCERY",
    "GOVT",
    "HOTEL",
    "HEALTH",
    "NONPROFIT",
    "PROF_SERVICES",
    "RETAIL",
    "TRAVEL",
    "RESTAURANT",
    "NOT_A_BIZ",
  ])("vertical %s is taken", async (v) => {
    await set({ vertical: v });
    expect((await profile()).vertical).toBe(v);
  });

  it("a vertical outside the enum is refused, and the details list the allowed ones", async () => {
    const r = await refused({ vertical: "CASINO" }, "vertical");
    expect(r.body.error.error_data.details).toMatch(/RETAIL/);
    await refused({ vertical: "retail" }, "vertical");
    await refused({ vertical: 7 }, "vertical");
  });

  it("a value of the wrong JSON type is refused naming the field", async () => {
    await refused({ email: 42 }, "email");
    await refused({ websites: [42] }, "websites");
    await refused({ about: ["a"] }, "about");
  });

  it("a refused POST changes nothing, even the valid fields sent with it", async () => {
    await set({ address: "kept", description: "kept too" });
    await refused({ address: "changed", description: "changed", about: "x".repeat(140) }, "about");
    expect(await profile()).toMatchObject({ address: "kept", description: "kept too" });
  });

  it("missing messaging_product: 131008; an unknown key: 100 naming it", async () => {
    const before = await profile();
    const r = await s.call("POST", path, { about: "no product" });
    expect([r.status, r.body.error.code]).toEqual([400, 131008]);
    expect(r.body.error.error_data.details).toContain("messaging_product");
    await refused({ colour: "blue" }, "colour");
    expect(await profile()).toEqual(before);
  });

  it("another WABA's token: GET and POST are 400/100/33, and our profile is untouched", async () => {
    const before = await profile();
    for (const method of ["GET", "POST"]) {
      const r = await s.call(
        method,
        path,
        method === "POST" ? { messaging_product: "whatsapp", about: "hijacked" } : undefined,
        { authorization: `Bearer ${other.token}` },
      );
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    }
    expect(await profile()).toEqual(before);
    const theirs = await s.call(
      "POST",
      `/${other.phone}/whatsapp_business_profile`,
      { messaging_product: "whatsapp", about: "Theirs" },
      { authorization: `Bearer ${other.token}` },
    );
    expect(theirs.body).toEqual({ success: true });
    expect(await profile()).toEqual(before);
    const mine = await s.call("GET", `/${other.phone}/whatsapp_business_profile`);
    expect([mine.status, mine.body.error.error_subcode]).toEqual([400, 33]);
  });
});
