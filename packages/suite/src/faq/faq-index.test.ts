import { describe, expect, it } from "vitest";
import { FaqIndex } from "./faq-index";

const faq = new FaqIndex([
  { id: "hours", question: "What are your opening hours?", answer: "We are open 9–17, Monday to Friday.", language: "en" },
  { id: "ship-es", question: "¿Cuánto tarda el envío de los pedidos?", answer: "Los pedidos llegan en 2–3 días.", language: "es" },
  { id: "ret-ru", question: "Как вернуть заказ?", answer: "Верните заказ в течение 14 дней.", language: "ru" },
  { id: "ret-pl", question: "Jak zwrócić zamówienie?", answer: "Zamówienie można zwrócić w ciągu 14 dni.", language: "pl" },
]);

describe("FAQ answering", () => {
  it("finds the entry through other forms of the same words (stemming per language)", () => {
    expect(faq.best("when are you open? opening hour", "en")).toMatchObject({ entry: { id: "hours" } });
    expect(faq.best("envío pedido", "es")).toMatchObject({ entry: { id: "ship-es" } });
    expect(faq.best("как вернуть заказы", "ru")).toMatchObject({ entry: { id: "ret-ru" }, confidence: 1 });
    expect(faq.best("zwrot zamówienia", "pl")?.entry.id).toBe("ret-pl");
  });
  it("stays sure when the customer wraps the question in greetings", () => {
    expect(faq.best("Dzień dobry, jak mogę zwrócić zamówienia?", "pl")!.confidence).toBeGreaterThanOrEqual(0.6);
  });
  it("is unsure of a question it barely matches, and has nothing for one it does not", () => {
    const weak = faq.best("my parcel was damaged, can I get a refund or talk about opening a claim", "en");
    expect(weak === null || weak.confidence < 0.5).toBe(true);
    expect(faq.best("xyzzy", "en")).toBeNull();
    expect(faq.best("the", "en")).toBeNull();
  });
});
