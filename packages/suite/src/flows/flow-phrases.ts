// What a bot says when the flow's author left it to us, in the customer's language (our markets'
// languages, English otherwise). Pure.

type Phrase = "handover" | "retry" | "csat_question" | "csat_thanks";
const PHRASES: Record<string, Record<Phrase, string>> = {
  en: {
    handover: "Connecting you with our team — someone will answer here shortly.",
    retry: "Sorry, I need {{reason}}.",
    csat_question: "How would you rate our service?",
    csat_thanks: "Thank you for your rating!",
  },
  pl: {
    handover: "Łączę z naszym zespołem — ktoś odpowie tutaj za chwilę.",
    retry: "Przepraszam, potrzebuję odpowiedzi w innej formie.",
    csat_question: "Jak oceniasz naszą obsługę?",
    csat_thanks: "Dziękujemy za ocenę!",
  },
  ru: {
    handover: "Соединяю с нашей командой — вам скоро ответят здесь.",
    retry: "Извините, нужен ответ в другой форме.",
    csat_question: "Как вы оцениваете наше обслуживание?",
    csat_thanks: "Спасибо за оценку!",
  },
  ca: {
    handover: "Et connectem amb el nostre equip: algú et respondrà aquí aviat.",
    retry: "Perdona, necessito una resposta en una altra forma.",
    csat_question: "Com valores el nostre servei?",
    csat_thanks: "Gràcies per la teva valoració!",
  },
  it: {
    handover: "Ti mettiamo in contatto con il nostro team: qualcuno ti risponderà qui a breve.",
    retry: "Scusa, mi serve una risposta in un'altra forma.",
    csat_question: "Come valuti il nostro servizio?",
    csat_thanks: "Grazie per la tua valutazione!",
  },
  es: {
    handover: "Te conectamos con nuestro equipo: alguien te responderá aquí en breve.",
    retry: "Perdona, necesito una respuesta en otra forma.",
    csat_question: "¿Cómo valoras nuestro servicio?",
    csat_thanks: "¡Gracias por tu valoración!",
  },
};

export function phrase(p: Phrase, language: string | null | undefined, reason = ""): string {
  const table = PHRASES[(language ?? "").slice(0, 2)] ?? PHRASES.en;
  return table[p].replace("{{reason}}", reason);
}

const SCORE_WORDS: Record<string, string[]> = {
  en: ["Very poor", "Poor", "Okay", "Good", "Excellent"],
  pl: ["Bardzo źle", "Źle", "Średnio", "Dobrze", "Doskonale"],
  ru: ["Очень плохо", "Плохо", "Нормально", "Хорошо", "Отлично"],
  ca: ["Molt malament", "Malament", "Correcte", "Bé", "Excel·lent"],
  it: ["Pessimo", "Scarso", "Discreto", "Buono", "Eccellente"],
  es: ["Muy mal", "Mal", "Regular", "Bien", "Excelente"],
};

/** The five answers of a satisfaction survey, best first: ids csat_5 … csat_1. */
export function csatOptions(language: string | null | undefined) {
  const words = SCORE_WORDS[(language ?? "").slice(0, 2)] ?? SCORE_WORDS.en;
  return [5, 4, 3, 2, 1].map((n) => ({ id: `csat_${n}`, title: words[n - 1], description: "⭐".repeat(n) }));
}

/** A survey answer: a tapped row, a digit 1–5, or stars. */
export function csatScore(reply: { text: string; id: string | null }): number | null {
  const byId = /^csat_([1-5])$/.exec(reply.id ?? "");
  if (byId) return Number(byId[1]);
  const t = reply.text.trim();
  if (/^[1-5]$/.test(t)) return Number(t);
  const stars = [...t].filter((ch) => ch === "⭐" || ch === "★").length;
  if (stars >= 1 && stars <= 5 && t.replace(/⭐|★|\s|\ufe0f/g, "") === "") return stars;
  for (const words of Object.values(SCORE_WORDS)) {
    const i = words.findIndex((w) => w.toLowerCase() === t.toLowerCase());
    if (i >= 0) return i + 1;
  }
  return null;
}
