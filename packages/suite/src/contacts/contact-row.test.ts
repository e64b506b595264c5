import { describe, expect, it } from "vitest";
import { contactFromRow } from "./contact-row";

describe("a contact from a CSV row", () => {
  it("normalises the number to E.164, reads tags and consent, keeps other columns as attributes", () => {
    expect(
      contactFromRow(
        { Phone: "600 100 200", Name: "Ola", tags: "vip; newsletter", consent: "tak", order_id: "860198", city: "" },
        "PL",
      ),
    ).toEqual({
      ok: true,
      contact: {
        wa_id: "48600100200",
        name: "Ola",
        language: null,
        timezone: null,
        tags: ["vip", "newsletter"],
        attributes: { order_id: "860198" },
        consent: "granted",
      },
    });
  });
  it("names what is wrong with a row", () => {
    expect(contactFromRow({ name: "x" })).toEqual({
      ok: false,
      error: "no phone number (a column named phone, wa_id or number)",
    });
    expect(contactFromRow({ phone: "600 100 200" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/default country/),
    });
    expect(contactFromRow({ phone: "+48600100200", timezone: "Mars/Olympus" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/time zone/),
    });
    expect(contactFromRow({ phone: "+48600100200", consent: "maybe" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/neither yes nor no/),
    });
  });
});
