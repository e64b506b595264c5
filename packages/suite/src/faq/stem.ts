import { algorithms, newStemmer } from "snowball-stemmers";

// Word stems for the languages the articles' businesses speak (Snowball stemmers), so that
// "zamówienia" and "zamówienie", "pedidos" and "pedido" meet. Polish has no Snowball stemmer:
// its words are cut to their first six letters, a crude but useful stand-in.

const SNOWBALL: Record<string, string> = {
  en: "english",
  ru: "russian",
  es: "spanish",
  ca: "catalan",
  it: "italian",
  de: "german",
  pt: "portuguese",
  fr: "french",
};
const available = new Set(algorithms());
const stemmers = new Map<string, { stem(w: string): string }>();

export function stemmerFor(language: string | null | undefined): (word: string) => string {
  const lang = (language ?? "").slice(0, 2).toLowerCase();
  if (lang === "pl") return (w) => w.slice(0, 6);
  const algo = SNOWBALL[lang];
  if (!algo || !available.has(algo)) return (w) => w;
  let s = stemmers.get(algo);
  if (!s) {
    s = newStemmer(algo);
    stemmers.set(algo, s);
  }
  return (w) => s!.stem(w);
}

/** Lower-cased words (letters and digits, any script) of a text. */
export const words = (text: string): string[] =>
  text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);

/** The stems of a text's words in a language. */
export const stems = (text: string, language: string | null | undefined): string[] =>
  words(text).map(stemmerFor(language));
