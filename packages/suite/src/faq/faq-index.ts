import MiniSearch from "minisearch";
import { stems } from "./stem";

// FAQ answering (pure): a MiniSearch index of question/answer pairs over word stems in each
// entry's language. A customer's question is stemmed in their language; the best entry answers
// when it is confident enough, else a human does. Confidence is the mean of two shares: of the
// customer's words the entry matched, and of the entry's question the customer's words covered
// (a chatty "hello, how can I return my order?" still covers "how to return an order?").

export interface FaqEntry { id: string; question: string; answer: string; language: string | null }
export interface FaqMatch { entry: FaqEntry; confidence: number; score: number }

const STOP = new Set(["the", "a", "an", "is", "are", "do", "does", "i", "my", "you", "your", "to", "of", "in", "and", "or", "what", "how", "can", "el", "la", "los", "las", "de", "en", "y", "que", "mi", "il", "lo", "di", "e", "che", "и", "в", "на", "не", "что", "как", "мой", "i", "w", "na", "nie", "jak", "czy", "mój", "moje", "jest", "es", "per", "con", "un", "una"]);

export class FaqIndex {
  private index = new MiniSearch<{ id: string; terms: string }>({ fields: ["terms"], storeFields: ["id"], searchOptions: { fuzzy: 0.15, prefix: true, combineWith: "OR" } });
  private entries = new Map<string, FaqEntry>();
  private questionStems = new Map<string, Set<string>>();

  constructor(entries: FaqEntry[]) {
    for (const e of entries) {
      this.entries.set(e.id, e);
      this.questionStems.set(e.id, new Set(stems(e.question, e.language).filter((t) => !STOP.has(t))));
      const terms = [...stems(e.question, e.language), ...stems(e.question, e.language), ...stems(e.answer, e.language)].filter((t) => !STOP.has(t));
      this.index.add({ id: e.id, terms: terms.join(" ") });
    }
  }

  /** The best entry for a question and how sure we are (share of the question's meaningful words it matched). */
  best(question: string, language: string | null): FaqMatch | null {
    const terms = [...new Set(stems(question, language).filter((t) => !STOP.has(t)))];
    if (!terms.length) return null;
    const hits = this.index.search(terms.join(" "));
    const top = hits[0];
    if (!top) return null;
    const ofQuery = new Set(top.queryTerms).size / terms.length;
    const q = this.questionStems.get(top.id)!;
    const ofEntry = q.size ? top.terms.filter((t) => q.has(t)).length / q.size : 0;
    return { entry: this.entries.get(top.id)!, confidence: Math.round(((ofQuery + Math.min(1, ofEntry)) / 2) * 100) / 100, score: top.score };
  }
}
