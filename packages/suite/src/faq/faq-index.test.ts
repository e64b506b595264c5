import { describe, expect, it } from "vitest";
import { FaqIndex } from "./faq-index";

const faq = new FaqIndex([
  {
    id: "hours",
    question: "What are your opening hours?",
    answer: "We are open 9–17, Monday to Friday.",
    language: "en",
  },
  {
    id: "ship-es",
    question: "¿Cuánto tarda el envío de los pedidos?",
    answer: "Los pedidos llegan en 2–3 días.",
    language: "es",
  },
  { id: "ret-ru", question: "Как вернуть заказ?", answer: "Верните заказ в течение 14 дней.", language: "ru" },
  {
    id: "ret-pl",
    question: "Jak zwrócić zamówienie?",
    answer: "Zamówienie można zwrócić w ciągu 14 dni.",
    language: "pl",
  },
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

describe("other ways to ask", () => {
  const hours = {
    id: "hours",
    question: "What are your opening hours?",
    answer: "We are open 9–17, Monday to Friday.",
    language: "en",
  };
  const returns = {
    id: "returns",
    question: "How do I return an order?",
    answer: "Send it back within 14 days.",
    language: "en",
  };
  const threshold = 0.6;

  it("is unsure of a question put in other words than the entry's only one (0.5, below the threshold)", () => {
    const m = new FaqIndex([hours, returns]).best("when are you open?", "en")!;
    expect(m.entry.id).toBe("hours");
    expect(m.confidence).toBe(0.5);
    expect(m.confidence).toBeLessThan(threshold);
  });

  it("is sure of it once the entry has that phrasing as an alternative, and says which phrasing it met", () => {
    const faq = new FaqIndex([{ ...hours, alternatives: ["When are you open?", "Are you open on Sundays?"] }, returns]);
    const m = faq.best("when are you open?", "en")!;
    expect(m).toMatchObject({ entry: { id: "hours" }, phrasing: "When are you open?" });
    expect(m.confidence).toBeGreaterThanOrEqual(threshold);
    // The entry's own question still matches as before, and other entries are not disturbed.
    expect(faq.best("what are the opening hours", "en")).toMatchObject({
      entry: { id: "hours" },
      phrasing: "What are your opening hours?",
      confidence: 1,
    });
    expect(faq.best("how can I return my order", "en")).toMatchObject({ entry: { id: "returns" }, confidence: 1 });
  });

  it("holds the customer's words against one phrasing at a time: more alternatives never dilute a match", () => {
    const faq = new FaqIndex([
      {
        ...hours,
        alternatives: [
          "When are you open?",
          "Are you open on Sundays?",
          "What time do you close?",
          "Until when can I call the shop?",
        ],
      },
    ]);
    expect(faq.best("What time do you close?", "en")).toMatchObject({
      phrasing: "What time do you close?",
      confidence: 1,
    });
    expect(faq.best("when are you open", "en")).toMatchObject({ phrasing: "When are you open?", confidence: 1 });
  });
});
