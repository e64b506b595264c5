import { describe, expect, it } from "vitest";
import { reviewTemplate } from "./template-review";

const t = (text: string, category: "UTILITY" | "MARKETING" | "AUTHENTICATION" = "UTILITY", buttons: unknown[] = []) =>
  reviewTemplate({
    name: "t",
    category,
    components: [{ type: "BODY", text }, ...(buttons.length ? [{ type: "BUTTONS", buttons } as any] : [])],
  });

describe("template review", () => {
  it("approves a transactional utility template as it is", () => {
    expect(t("Hi {{1}}, your order {{2}} ships today.")).toEqual({
      event: "APPROVED",
      rule: "none",
      category: "UTILITY",
    });
    expect(t("Twoje zamówienie {{1}} zostało wysłane.")).toMatchObject({ event: "APPROVED", category: "UTILITY" });
    expect(t("Il tuo ordine {{1}} è in consegna.")).toMatchObject({ category: "UTILITY" });
  });
  it("recategorises promotional utility templates as MARKETING, in several languages", () => {
    expect(t("Your order {{1}} ships today. Use code SAVE for 20% off your next purchase!")).toMatchObject({
      event: "APPROVED",
      rule: "promotional-wording",
      category: "MARKETING",
      recategorised: { from: "UTILITY" },
    });
    expect(t("Ваш заказ {{1}} отправлен. Скидка на следующий заказ!")).toMatchObject({ category: "MARKETING" });
    expect(t("La teva comanda {{1}} ha sortit. Descompte per a tu!")).toMatchObject({ category: "MARKETING" });
    // the same words in a marketing template are simply approved
    expect(t("Black Friday: 20% off everything!", "MARKETING")).toEqual({
      event: "APPROVED",
      rule: "none",
      category: "MARKETING",
    });
  });
  it("recategorises utility templates that refer to no transaction", () => {
    expect(t("Thanks for being with us, {{1}}. Have a lovely day!")).toMatchObject({
      rule: "utility-without-transaction",
      category: "MARKETING",
    });
  });
  it("rejects URL shorteners, scam wording and abuse, saying which rule fired", () => {
    expect(
      t("Track order {{1}} here", "UTILITY", [{ type: "URL", text: "Track", url: "https://bit.ly/abc" }]),
    ).toMatchObject({ event: "REJECTED", rule: "url-shortener", reason: "INVALID_FORMAT" });
    expect(t("Track order {{1}} at https://shop.example.com/track")).toMatchObject({ event: "APPROVED" });
    expect(t("Your account {{1}} is locked: reply with your password to unlock it.")).toMatchObject({
      event: "REJECTED",
      rule: "scam-wording",
      reason: "SCAM",
    });
    expect(t("Congratulations, you won a prize!", "MARKETING")).toMatchObject({ reason: "SCAM" });
    expect(t("Your order {{1}} is late, idiot.")).toMatchObject({ reason: "ABUSIVE_CONTENT" });
  });
  it("matches whole words only", () => {
    expect(t("Your wholesale order {{1}} has shipped.")).toMatchObject({ event: "APPROVED", category: "UTILITY" }); // "sale" inside a word
    expect(t("Your order {{1}} is ready; the idiomatic guide is attached.")).toMatchObject({ event: "APPROVED" });
  });
});
