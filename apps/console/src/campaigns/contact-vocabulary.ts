import { useEffect, useState } from "react";
import { api } from "../api";
import type { ExampleContact } from "./campaign-preview";

// What the business's contacts hold, for the form's suggestions: tags and attribute names with
// some of their values, read from the most recently updated contacts.

export interface ContactVocabulary {
  tags: string[];
  attributes: Record<string, string[]>;
}

const SAMPLE = 500;
const VALUES = 30;

export function useContactVocabulary(): ContactVocabulary {
  const [v, setV] = useState<ContactVocabulary>({ tags: [], attributes: {} });
  useEffect(() => {
    void api<{ data: ExampleContact[] }>("GET", `/suite/api/contacts?limit=${SAMPLE}`)
      .then(({ data }) => {
        const attributes: Record<string, Set<string>> = {};
        for (const c of data)
          for (const [k, value] of Object.entries(c.attributes)) {
            attributes[k] ??= new Set();
            attributes[k].add(value);
          }
        setV({
          tags: [...new Set(data.flatMap((c) => c.tags))].sort(),
          attributes: Object.fromEntries(
            Object.entries(attributes)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, s]) => [k, [...s].slice(0, VALUES)]),
          ),
        });
      })
      .catch(() => undefined);
  }, []);
  return v;
}

/** The variables a parameter can hold: the contact's fields and each known attribute. */
export const variableSuggestions = (v: ContactVocabulary) => [
  "{{contact.name}}",
  "{{contact.name|there}}",
  "{{contact.phone}}",
  "{{contact.language}}",
  "{{contact.timezone}}",
  ...Object.keys(v.attributes).map((k) => `{{attr.${k}}}`),
];
