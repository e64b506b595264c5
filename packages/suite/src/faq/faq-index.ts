import MiniSearch from "minisearch";
import { stems } from "./stem";

// FAQ answering (pure): a MiniSearch index of question/answer pairs over word stems in each
// entry's language. An entry may be asked in several ways (its question and its alternatives):
// each way is a document of its own, so a customer's words are held against one whole phrasing,
// not a blend of all. A customer's question is stemmed in their language; the entry of the best
// phrasing answers when it is confident enough, else a human does. Confidence is the mean of two
// shares: of the customer's words the phrasing matched, and of the phrasing the customer's words
// covered (a chatty "hello, how can I return my order?" still covers "how to return an order?").

export interface FaqEntry {
  id: string;
  question: string;
  answer: string;
  language: string | null;
  alternatives?: string[];
}
/** An entry as stored (alternatives as JSON text) as the API shows it and the index takes it. */
export function presentEntry(r: {
  id: string;
  question: string;
  alternatives: string;
  answer: string;
  language: string | null;
}): FaqEntry & { alternatives: string[] } {
  return {
    id: r.id,
    question: r.question,
    alternatives: JSON.parse(r.alternatives) as string[],
    answer: r.answer,
    language: r.language,
  };
}
export interface FaqMatch {
  entry: FaqEntry;
  confidence: number;
  score: number /** The phrasing the customer's words met (the question or an alternative). */;
  phrasing: string;
}

const STOP = new Set([
  "the",
  "a",
  "an",
  "is",
  "are",
  "do",
  "does",
  "i",
  "my",
  "you",
  "your",
  "to",
  "of",
  "in",
  "and",
  "or",
  "what",
  "how",
  "can",
  "el",
  "la",
  "los",
  "las",
  "de",
  "en",
  "y",
  "que",
  "mi",
  "il",
  "lo",
  "di",
  "e",
  "che",
  "и",
  "в",
  "на",
  "не",
  "что",
  "как",
  "мой",
  "i",
  "w",
  "na",
  "nie",
  "jak",
  "czy",
  "mój",
  "moje",
  "jest",
  "es",
  "per",
  "con",
  "un",
  "una",
]);
/** The best-scored phrasings whose confidence is weighed; past these, matches are too weak to matter. */
const CANDIDATES = 10;

interface Phrasing {
  entryId: string;
  text: string;
  stems: Set<string>;
}

export class FaqIndex {
  private index = new MiniSearch<{ id: number; terms: string }>({
    fields: ["terms"],
    storeFields: ["id"],
    searchOptions: { fuzzy: 0.15, prefix: true, combineWith: "OR" },
  });
  private entries = new Map<string, FaqEntry>();
  private phrasings: Phrasing[] = [];

  constructor(entries: FaqEntry[]) {
    for (const e of entries) {
      this.entries.set(e.id, e);
      const answer = stems(e.answer, e.language);
      for (const text of [e.question, ...(e.alternatives ?? [])]) {
        const own = stems(text, e.language).filter((t) => !STOP.has(t));
        const id = this.phrasings.push({ entryId: e.id, text, stems: new Set(own) }) - 1;
        // The phrasing counts twice against the answer's words: the question is what customers echo.
        this.index.add({ id, terms: [...own, ...own, ...answer.filter((t) => !STOP.has(t))].join(" ") });
      }
    }
  }

  /** The best entry for a question and how sure we are (see above); null when no phrasing shares a meaningful word. */
  best(question: string, language: string | null): FaqMatch | null {
    const terms = [...new Set(stems(question, language).filter((t) => !STOP.has(t)))];
    if (!terms.length) return null;
    let best: FaqMatch | null = null;
    for (const hit of this.index.search(terms.join(" ")).slice(0, CANDIDATES)) {
      const p = this.phrasings[hit.id as number];
      const ofQuery = new Set(hit.queryTerms).size / terms.length;
      const ofPhrasing = p.stems.size ? hit.terms.filter((t) => p.stems.has(t)).length / p.stems.size : 0;
      const confidence = Math.round(((ofQuery + Math.min(1, ofPhrasing)) / 2) * 100) / 100;
      // Hits come best score first: a later one must be surer to win.
      if (!best || confidence > best.confidence)
        best = { entry: this.entries.get(p.entryId)!, confidence, score: hit.score, phrasing: p.text };
    }
    return best;
  }
}
