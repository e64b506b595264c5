import { useEffect, useState, type FormEvent } from "react";
import { ApiError, api } from "../api";

interface AutoMessage {
  enabled: boolean;
  text: string;
}
interface Saved {
  greeting?: AutoMessage;
  away?: AutoMessage;
  human_words?: string[];
}

const KINDS = [
  {
    key: "greeting",
    label: "Greeting",
    hint: "to a new conversation within business hours, when no flow starts (customers back after two quiet weeks get it again)",
    example: "Hi! Thanks for writing — we will answer shortly.",
  },
  {
    key: "away",
    label: "Away message",
    hint: "to a new conversation outside business hours, when no flow starts",
    example: "We are closed now; we will answer when we open.",
  },
] as const;

/** The automatic greeting and away messages, and more words that mean "a person, please" to a bot. */
export function AutoMessages({ onSaved }: { onSaved: (m: string) => void }) {
  const [form, setForm] = useState<{ greeting: AutoMessage; away: AutoMessage; words: string } | null>(null);
  useEffect(() => {
    void api<Saved>("GET", "/suite/api/settings/auto-messages").then((r) =>
      setForm({
        greeting: r.greeting ?? { enabled: false, text: KINDS[0].example },
        away: r.away ?? { enabled: false, text: KINDS[1].example },
        words: (r.human_words ?? []).join(", "),
      }),
    );
  }, []);
  if (!form) return null;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const words = form.words
      .split(",")
      .map((w) => w.trim())
      .filter(Boolean);
    const body: Saved = { human_words: words };
    // A message with no text is left out (the server wants text for each one it keeps).
    for (const k of KINDS)
      if (form[k.key].text.trim()) body[k.key] = { enabled: form[k.key].enabled, text: form[k.key].text.trim() };
    try {
      await api("PUT", "/suite/api/settings/auto-messages", body);
      onSaved("Automatic messages saved.");
    } catch (err) {
      onSaved(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={(e) => void save(e)} aria-label="Automatic messages" className="grid-form">
      {KINDS.map((k) => (
        <fieldset key={k.key}>
          <legend>
            <label className="check">
              <input
                type="checkbox"
                checked={form[k.key].enabled}
                onChange={(e) => setForm({ ...form, [k.key]: { ...form[k.key], enabled: e.target.checked } })}
              />{" "}
              {k.label}
            </label>
          </legend>
          <p className="muted">Sent {k.hint}.</p>
          <textarea
            aria-label={`${k.label} text`}
            rows={2}
            maxLength={4096}
            value={form[k.key].text}
            onChange={(e) => setForm({ ...form, [k.key]: { ...form[k.key], text: e.target.value } })}
          />
        </fieldset>
      ))}
      <label>
        More words for “talk to a person” (comma separated; “agent”, “human”, “konsultant”, “оператор” and others are
        built in)
        <input
          aria-label="Talk to a person words"
          value={form.words}
          placeholder="advisor, sales team"
          onChange={(e) => setForm({ ...form, words: e.target.value })}
        />
      </label>
      <button type="submit">Save automatic messages</button>
    </form>
  );
}
