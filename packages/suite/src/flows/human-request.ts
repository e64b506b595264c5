import { fold } from "./reply-validation";

// "I want a person": a customer talking to a bot asks for a human in their own words, in the
// languages of our markets (English, Polish, Russian, Catalan, Italian, Spanish). Short messages
// only: a long one that mentions an agent ("the agent said my parcel…") is not a request. Pure.

const WORDS = [
  // English
  "agent",
  "human",
  "person",
  "operator",
  "representative",
  "support",
  "someone",
  "real person",
  "live agent",
  "customer service",
  // Polish
  "konsultant",
  "konsultanta",
  "konsultantem",
  "człowiek",
  "człowieka",
  "człowiekiem",
  "operatora",
  "pracownik",
  "pracownika",
  "obsługa",
  // Russian
  "оператор",
  "оператора",
  "оператором",
  "человек",
  "человека",
  "человеком",
  "консультант",
  "консультанта",
  "менеджер",
  "менеджера",
  "агент",
  "живой человек",
  // Catalan
  "persona",
  "operador",
  "operadora",
  "humà",
  "agent",
  "atenció al client",
  // Italian
  "operatore",
  "operatrice",
  "umano",
  "agente",
  "assistenza",
  "persona reale",
  // Spanish
  "humano",
  "agente",
  "asesor",
  "atención al cliente",
].map(fold);

const MAX_WORDS = 7;

/** Whether a text asks to talk to a person (plus any words the tenant added). */
export function asksForHuman(text: string, extra: string[] = []): boolean {
  const t = fold(text);
  if (!t) return false;
  const words = t.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return false;
  const phrases = [...WORDS, ...extra.map(fold)];
  // The bare word, or a short sentence with it ("can I talk to an agent?", "хочу оператора").
  if (phrases.includes(t)) return true;
  if (words.length > MAX_WORDS) return false;
  const padded = ` ${words.join(" ")} `;
  return phrases.some((p) => p.length > 2 && padded.includes(` ${p} `));
}
