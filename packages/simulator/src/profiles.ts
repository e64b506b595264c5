import { countryOf } from "@openwaba/contracts";
import { randomFrom } from "./prng";

// Who the virtual users are and how they behave. Numbers and names come from the markets the
// articles in shared/articles describe (PL, RU, ES/Catalonia, IT) plus a few large ones.
const NAMES: Record<string, string[]> = {
  PL: ["Jan Kowalski", "Anna Nowak", "Piotr Wiśniewski", "Katarzyna Wójcik", "Tomasz Lewandowski"],
  RU: ["Иван Петров", "Ольга Смирнова", "Дмитрий Иванов", "Анна Кузнецова", "Сергей Попов"],
  ES: ["Jordi Puig", "Montserrat Vila", "Núria Serra", "Pau Ferrer", "Laura García"],
  IT: ["Giulia Rossi", "Marco Bianchi", "Francesca Romano", "Luca Colombo", "Sara Ricci"],
  US: ["Sheena Nelson", "John Carter", "Emily Brooks", "Michael Reed"],
  BR: ["Ana Souza", "Pedro Alves", "Mariana Costa", "Lucas Pereira"],
  IN: ["Priya Sharma", "Rahul Verma", "Ananya Iyer", "Arjun Mehta"],
  DE: ["Lena Müller", "Jonas Schmidt", "Mia Schneider", "Felix Fischer"],
};
const PREFIXES: Record<string, string[]> = {
  PL: ["4850", "4851", "4860", "4869", "4879"], RU: ["7916", "7925", "7903"], ES: ["3460", "3461", "3466"],
  IT: ["39320", "39333", "39347"], US: ["1650", "1415", "1212"], BR: ["5511", "5521"], IN: ["9198", "9199"], DE: ["49151", "49170"],
};

export interface Behaviour {
  name: string;
  country: string;
  onWhatsapp: boolean;
  online: boolean;
  deliveryMs: number;
  readMs: number;
  readProbability: number;
}

export interface SimulatorSettings {
  seed: string;
  /** "zero" removes delivery and read delays (benchmarks measure the platform, not the phones). */
  latency: "realistic" | "zero";
  /** Share of numbers a business may try that are not on WhatsApp (failed 131026). */
  notOnWhatsappShare: number;
}

/** The behaviour of the user behind a number: the same for the same seed and number. */
export function behaviourFor(s: SimulatorSettings, waId: string, name?: string): Behaviour {
  const r = randomFrom(`${s.seed}|${waId}`);
  const country = countryOf(waId).country;
  const names = NAMES[country] ?? Object.values(NAMES).flat();
  const zero = s.latency === "zero";
  return {
    name: name ?? r.pick(names),
    country,
    onWhatsapp: r() >= s.notOnWhatsappShare,
    online: r() < 0.9,
    deliveryMs: zero ? 0 : Math.round(Math.min(30_000, r.logNormal(700, 0.6))),
    readMs: zero ? 0 : Math.round(Math.min(3_600_000, r.logNormal(20_000, 1.0))),
    readProbability: Math.round((0.6 + 0.35 * r()) * 100) / 100,
  };
}

/** The seeded population made on first start: `count` users spread over the markets. */
export function population(s: SimulatorSettings, count: number): { waId: string; name: string }[] {
  const r = randomFrom(`${s.seed}|population`);
  const countries = Object.keys(PREFIXES);
  const out = new Map<string, string>();
  for (let i = 0; out.size < count && i < count * 10; i++) {
    const c = countries[i % countries.length];
    const prefix = r.pick(PREFIXES[c]);
    const waId = prefix + String(r.int(0, 10 ** (11 - prefix.length + (c === "US" ? 0 : 1)) - 1)).padStart(11 - prefix.length + (c === "US" ? 0 : 1), "0");
    if (!out.has(waId)) out.set(waId, r.pick(NAMES[c]));
  }
  return [...out].map(([waId, name]) => ({ waId, name }));
}
