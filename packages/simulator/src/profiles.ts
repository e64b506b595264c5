import { countryOf } from "@openwaba/contracts";
import { randomFrom } from "./prng";

// Who the virtual users are and how they behave. Numbers and names come from the markets the
// articles in shared/articles describe (PL, RU, ES/Catalonia, IT) plus a few large ones. A name is
// a given name and a family name of its country (in the form for the given name, where the
// language has two: Kowalski / Kowalska); the names the README's examples use (Jan Kowalski, the
// customers of examples/contacts.csv) are left out, so a newcomer's inbox names each person once.
interface Names {
  female: string[];
  male: string[];
  family: (string | [male: string, female: string])[];
}
const NAMES: Record<string, Names> = {
  PL: {
    female: ["Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna", "Monika"],
    male: ["Piotr", "Tomasz", "Paweł", "Krzysztof", "Michał", "Marcin"],
    family: [
      "Nowak",
      ["Wiśniewski", "Wiśniewska"],
      "Wójcik",
      ["Lewandowski", "Lewandowska"],
      ["Szymański", "Szymańska"],
      "Woźniak",
      ["Kozłowski", "Kozłowska"],
      "Mazur",
    ],
  },
  RU: {
    female: ["Ольга", "Анна", "Мария", "Елена", "Наталья"],
    male: ["Иван", "Дмитрий", "Сергей", "Алексей", "Андрей"],
    family: [
      ["Петров", "Петрова"],
      ["Смирнов", "Смирнова"],
      ["Иванов", "Иванова"],
      ["Кузнецов", "Кузнецова"],
      ["Попов", "Попова"],
      ["Соколов", "Соколова"],
    ],
  },
  ES: {
    female: ["Montserrat", "Núria", "Laura", "Marta", "Laia"],
    male: ["Jordi", "Pau", "Marc", "Joan", "Àlex"],
    family: ["Puig", "Vila", "Serra", "Ferrer", "García", "Soler"],
  },
  IT: {
    female: ["Giulia", "Francesca", "Sara", "Chiara", "Elena"],
    male: ["Marco", "Luca", "Alessandro", "Matteo", "Davide"],
    family: ["Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Greco"],
  },
  US: {
    female: ["Sheena", "Emily", "Jessica", "Ashley"],
    male: ["John", "Michael", "David", "Chris"],
    family: ["Nelson", "Carter", "Brooks", "Reed", "Hughes", "Parker"],
  },
  BR: {
    female: ["Ana", "Mariana", "Juliana", "Camila"],
    male: ["Pedro", "Lucas", "Gabriel", "Rafael"],
    family: ["Souza", "Alves", "Costa", "Pereira", "Oliveira", "Santos"],
  },
  IN: {
    female: ["Priya", "Ananya", "Kavya", "Divya"],
    male: ["Rahul", "Arjun", "Vikram", "Rohan"],
    family: ["Sharma", "Verma", "Iyer", "Mehta", "Nair", "Gupta"],
  },
  DE: {
    female: ["Lena", "Mia", "Hannah", "Laura"],
    male: ["Jonas", "Felix", "Lukas", "Paul"],
    family: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner"],
  },
};

/** Every full name of a country, in a fixed order (given names by family names). */
function fullNames(n: Names): string[] {
  const form = (f: Names["family"][number], female: boolean) => (typeof f === "string" ? f : f[female ? 1 : 0]);
  return n.family.flatMap((f) => [
    ...n.female.map((g) => `${g} ${form(f, true)}`),
    ...n.male.map((g) => `${g} ${form(f, false)}`),
  ]);
}
const FULL_NAMES: Record<string, string[]> = Object.fromEntries(
  Object.entries(NAMES).map(([c, n]) => [c, fullNames(n)]),
);
const ANY_NAMES = Object.values(FULL_NAMES).flat();

const PREFIXES: Record<string, string[]> = {
  PL: ["4850", "4851", "4860", "4869", "4879"],
  RU: ["7916", "7925", "7903"],
  ES: ["3460", "3461", "3466"],
  IT: ["39320", "39333", "39347"],
  US: ["1650", "1415", "1212"],
  BR: ["5511", "5521"],
  IN: ["9198", "9199"],
  DE: ["49151", "49170"],
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
  const names = FULL_NAMES[country] ?? ANY_NAMES;
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

/**
 * The seeded population made on first start: `count` users spread over the markets, each with a
 * name of its country that no other user of the population has (a name is drawn, and the next
 * free one in the country's list taken when it is taken; past the list, a number is added).
 */
export function population(s: SimulatorSettings, count: number): { waId: string; name: string }[] {
  const r = randomFrom(`${s.seed}|population`);
  const countries = Object.keys(PREFIXES);
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (let i = 0; out.size < count && i < count * 10; i++) {
    const c = countries[i % countries.length];
    const prefix = r.pick(PREFIXES[c]);
    const waId =
      prefix +
      String(r.int(0, 10 ** (11 - prefix.length + (c === "US" ? 0 : 1)) - 1)).padStart(
        11 - prefix.length + (c === "US" ? 0 : 1),
        "0",
      );
    if (out.has(waId)) continue;
    const name = freeName(FULL_NAMES[c], Math.floor(r() * FULL_NAMES[c].length), taken);
    taken.add(name);
    out.set(waId, name);
  }
  return [...out].map(([waId, name]) => ({ waId, name }));
}

function freeName(names: string[], start: number, taken: Set<string>): string {
  for (let round = 1; ; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(start + k) % names.length] + (round > 1 ? ` ${round}` : "");
      if (!taken.has(name)) return name;
    }
  }
}
