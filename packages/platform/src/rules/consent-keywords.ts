// Opt-out and opt-in keywords (issue #3 item 7): a user who writes one of these, alone, stops or
// restarts marketing messages. English plus the languages of the market articles (Polish,
// Russian, Catalan, Italian) and Spanish. Pure: the caller records the consent.

export type ConsentAction = "stop" | "start";
export interface ConsentKeyword {
  action: ConsentAction;
  language: string;
}

const KEYWORDS: Record<string, Record<ConsentAction, string[]>> = {
  en: { stop: ["stop", "unsubscribe", "stop promotions", "opt out"], start: ["start", "subscribe", "opt in"] },
  pl: { stop: ["stop", "wypisz", "wypisz mnie", "nie wysyłaj"], start: ["start", "zapisz", "zapisz mnie"] },
  ru: { stop: ["стоп", "отписаться", "отписка"], start: ["старт", "подписаться"] },
  ca: { stop: ["prou", "baixa", "donar-me de baixa"], start: ["alta", "subscriure'm"] },
  it: { stop: ["basta", "disiscriviti", "annulla iscrizione"], start: ["iscriviti", "inizia"] },
  es: { stop: ["baja", "darme de baja", "parar"], start: ["alta", "suscribirme"] },
};

/** The keyword a whole message is, if any (case, spaces and final punctuation ignored). */
export function consentKeyword(text: string): ConsentKeyword | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[.!¡?¿\s]+$/u, "")
    .replace(/\s+/g, " ");
  for (const [language, lists] of Object.entries(KEYWORDS)) {
    for (const action of ["stop", "start"] as const) if (lists[action].includes(t)) return { action, language };
  }
  return null;
}

/** What the user is told, in the keyword's language. */
export function consentConfirmation(k: ConsentKeyword, business: string): string {
  const stop: Record<string, string> = {
    en: `You will no longer receive marketing messages from ${business}. Reply START to subscribe again.`,
    pl: `Nie będziesz już otrzymywać wiadomości marketingowych od ${business}. Odpisz START, aby zapisać się ponownie.`,
    ru: `Вы больше не будете получать рекламные сообщения от ${business}. Ответьте СТАРТ, чтобы подписаться снова.`,
    ca: `Ja no rebràs missatges de màrqueting de ${business}. Respon ALTA per tornar a subscriure't.`,
    it: `Non riceverai più messaggi promozionali da ${business}. Rispondi ISCRIVITI per iscriverti di nuovo.`,
    es: `Ya no recibirás mensajes de marketing de ${business}. Responde ALTA para suscribirte de nuevo.`,
  };
  const start: Record<string, string> = {
    en: `You are subscribed to marketing messages from ${business}. Reply STOP to unsubscribe.`,
    pl: `Zapisano Cię na wiadomości marketingowe od ${business}. Odpisz STOP, aby się wypisać.`,
    ru: `Вы подписаны на рекламные сообщения от ${business}. Ответьте СТОП, чтобы отписаться.`,
    ca: `T'has subscrit als missatges de màrqueting de ${business}. Respon PROU per donar-te de baixa.`,
    it: `Sei iscritto ai messaggi promozionali di ${business}. Rispondi BASTA per annullare l'iscrizione.`,
    es: `Te has suscrito a los mensajes de marketing de ${business}. Responde BAJA para darte de baja.`,
  };
  return (k.action === "stop" ? stop : start)[k.language];
}
