import type { MarketingConsent } from "@openwaba/store";
import { describe, expect, it } from "vitest";
import { consentExclusion, nextConsent, presentConsent, WHATSAPP_PREFERENCE, type ConsentState } from "./consent";

const state = (
  marketing_consent: MarketingConsent | null,
  consent_source: string | null = null,
  consent_at: number | null = null,
): ConsentState => ({ marketing_consent, consent_source, consent_at });
const stopped = state("revoked", WHATSAPP_PREFERENCE, 1000);

describe("the consent model", () => {
  it("lets only the customer's resume lift their STOP in WhatsApp, never a record of the business", () => {
    expect(nextConsent(stopped, { consent: "granted", source: "csv_import", at: 5000 })).toBeNull();
    expect(nextConsent(stopped, { consent: "revoked", source: "console:a@b.c", at: 5000 })).toBeNull();
    expect(nextConsent(stopped, { consent: "granted", source: "qr:ABC", at: 5000 })).toBeNull();
    expect(nextConsent(stopped, { consent: "granted", source: WHATSAPP_PREFERENCE, at: 5000 })).toEqual(
      state("granted", WHATSAPP_PREFERENCE, 5000),
    );
  });

  it("applies a STOP over what the business recorded, even one written after the STOP was made", () => {
    expect(
      nextConsent(state("granted", "csv_import", 5000), { consent: "revoked", source: WHATSAPP_PREFERENCE, at: 1000 }),
    ).toEqual(stopped);
  });

  it("never lets an older WhatsApp preference overwrite a newer consent (webhooks come out of order)", () => {
    const resumed = state("granted", WHATSAPP_PREFERENCE, 3000);
    expect(nextConsent(resumed, { consent: "revoked", source: WHATSAPP_PREFERENCE, at: 1000 })).toBeNull();
    expect(nextConsent(stopped, { consent: "granted", source: WHATSAPP_PREFERENCE, at: 999 })).toBeNull();
    expect(
      nextConsent(state("revoked", "console:a@b.c", 9000), {
        consent: "granted",
        source: WHATSAPP_PREFERENCE,
        at: 3000,
      }),
    ).toBeNull();
    expect(nextConsent(resumed, { consent: "revoked", source: WHATSAPP_PREFERENCE, at: 3000 })).toEqual(
      state("revoked", WHATSAPP_PREFERENCE, 3000),
    );
  });

  it("records a business's consent when the customer has not stopped", () => {
    expect(nextConsent(undefined, { consent: "granted", source: "csv_import", at: 1 })).toEqual(
      state("granted", "csv_import", 1),
    );
    expect(
      nextConsent(state("granted", "csv_import", 1), { consent: "revoked", source: "console:a@b.c", at: 2 }),
    ).toEqual(state("revoked", "console:a@b.c", 2));
  });

  it("holds back marketing templates only: utility and authentication reach contacts who withdrew or stopped", () => {
    expect(consentExclusion(stopped, "MARKETING")).toBe("opted_out");
    expect(consentExclusion(state("revoked", "csv_import", 1), "MARKETING")).toBe("consent_revoked");
    expect(consentExclusion(state(null), "MARKETING")).toBe("no_consent");
    expect(consentExclusion(undefined, "MARKETING")).toBe("no_consent");
    expect(consentExclusion(state("granted", "csv_import", 1), "MARKETING")).toBeNull();
    for (const c of [stopped, state("revoked", "csv_import", 1), state(null), undefined]) {
      expect(consentExclusion(c, "UTILITY")).toBeNull();
      expect(consentExclusion(c, "AUTHENTICATION")).toBeNull();
    }
  });

  it("shows a STOP in WhatsApp as such", () => {
    expect(presentConsent(stopped)).toEqual({
      marketing: "revoked",
      source: WHATSAPP_PREFERENCE,
      at: new Date(1000).toISOString(),
      stopped_in_whatsapp: true,
    });
    expect(presentConsent(state("revoked", "csv_import", 1))).toMatchObject({ stopped_in_whatsapp: false });
    expect(presentConsent(state(null))).toBeNull();
  });
});
