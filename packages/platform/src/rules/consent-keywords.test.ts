import { describe, expect, it } from "vitest";
import { consentConfirmation, consentKeyword } from "./consent-keywords";

describe("consent keywords", () => {
  it("recognises stop words in six languages, whole messages only", () => {
    expect(consentKeyword("STOP")).toEqual({ action: "stop", language: "en" });
    expect(consentKeyword("  Stop! ")).toEqual({ action: "stop", language: "en" });
    expect(consentKeyword("wypisz mnie")).toEqual({ action: "stop", language: "pl" });
    expect(consentKeyword("СТОП")).toEqual({ action: "stop", language: "ru" });
    expect(consentKeyword("Prou")).toEqual({ action: "stop", language: "ca" });
    expect(consentKeyword("basta")).toEqual({ action: "stop", language: "it" });
    expect(consentKeyword("Darme de baja")).toEqual({ action: "stop", language: "es" });
    expect(consentKeyword("please stop sending these")).toBeNull();
    expect(consentKeyword("stopwatch")).toBeNull();
  });
  it("recognises start words", () => {
    expect(consentKeyword("START")).toEqual({ action: "start", language: "en" });
    expect(consentKeyword("подписаться")).toEqual({ action: "start", language: "ru" });
  });
  it("confirms in the keyword's language", () => {
    expect(consentConfirmation({ action: "stop", language: "pl" }, "Sklep")).toMatch(/^Nie będziesz już otrzymywać/);
    expect(consentConfirmation({ action: "start", language: "en" }, "Shop")).toMatch(/Reply STOP/);
  });
});
