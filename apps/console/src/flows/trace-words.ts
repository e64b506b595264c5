import type { RunState, RunStep } from "@openwaba/contracts/suite";

// A run's trace and endings in plain words: what the bot did at each step, why a run ended. The
// inbox's timeline says the same things about the conversation. Pure.

export const STATE_WORDS: Record<RunState, string> = {
  active: "running",
  completed: "completed",
  handed_over: "handed over",
  stopped: "stopped",
  expired: "expired",
  failed: "failed",
};

const REASONS: Record<string, string> = {
  flow: "as the flow says",
  end: "it reached the end",
  "no reply": "the customer did not answer in time",
  "customer asked for a person": "the customer asked for a person",
  "no valid answer": "no valid answer after the last try",
};

/** Why a run ended, as the engine wrote it, in a supervisor's words. */
export const reasonWords = (reason: string | null | undefined): string => (reason ? (REASONS[reason] ?? reason) : "");

/** What started a run (its trigger as stored on the run). */
export function startedBy(t: Record<string, any> | undefined): string {
  switch (t?.type) {
    case "first_message":
      return "the customer's first message";
    case "keyword":
      return "a keyword in the customer's message";
    case "button":
      return "a tapped button";
    case "outside_hours":
      return "a message outside business hours";
    case "event":
      return `the event “${t.event}”`;
    case "schedule":
      return "the schedule";
    case "conversation_resolved":
      return "the conversation being resolved";
    case "manual":
      return "an agent";
    default:
      return String(t?.type ?? "?");
  }
}

const quote = (s: unknown) => `“${String(s)}”`;
const time = (iso: string) => new Date(iso).toLocaleString();

/** One line of a trace in words (the node and the time are shown beside it). */
export function stepWords(s: RunStep): string {
  const d = s.detail ?? {};
  switch (s.kind) {
    case "started":
      return `Started by ${startedBy(d.trigger)} (version ${d.version})`;
    case "enter":
      return `Went to this ${d.type} step`;
    case "sent":
      return d.type === "text" || d.type === "interactive" ? `Sent ${quote(d.text)}` : `Sent ${d.text ?? d.type}`;
    case "waiting":
      return d.for === "reply"
        ? `Waits for the customer's answer until ${time(d.until)}`
        : `Waits until ${time(d.until)}`;
    case "answer":
      return d.valid
        ? `Took the answer ${quote(d.value)}${d.saved_as ? ` and kept it as the contact's ${quote(d.saved_as)}` : ""}`
        : `Did not take the answer: it needs ${d.reason} (try ${d.attempts} of ${d.of})`;
    case "decision":
      return d.case === "default"
        ? `No case held: on to ${d.next ?? "the end"}`
        : `Case ${Number(d.case) + 1} held: on to ${d.next}`;
    case "set":
      return (
        [
          ...Object.entries(d.attributes ?? {}).map(([k, v]) =>
            v === null ? `cleared ${k}` : `set ${k} to ${quote(v)}`,
          ),
          ...(d.vars ?? []).map((k: string) => `set the variable ${k}`),
          ...(d.tags?.add?.length ? [`tagged ${d.tags.add.join(", ")}`] : []),
          ...(d.tags?.remove?.length ? [`untagged ${d.tags.remove.join(", ")}`] : []),
        ]
          .join("; ")
          .replace(/^./, (c) => c.toUpperCase()) || "Set nothing"
      );
    case "http":
      return `Called ${d.method} ${d.url}: ${d.status ? `HTTP ${d.status}` : "no answer"}${d.attempts > 1 ? ` after ${d.attempts} tries` : ""}${d.error ? ` (${d.error})` : ""}${d.saved?.length ? `; kept ${d.saved.join(", ")}` : ""}`;
    case "waited":
      return "The wait is over";
    case "timeout":
      return `No answer in time${d.next ? `: on to ${d.next}` : ""}`;
    case "csat":
      return `The customer rated ${d.score} of 5 ${"⭐".repeat(Number(d.score) || 0)}`;
    case "skipped":
      return `Skipped: ${d.why}`;
    case "ignored":
      return `Ignored ${quote(d.reply)}: ${d.why}`;
    case "error":
      return `Error: ${d.error}${d.code ? ` (code ${d.code})` : ""}`;
    case "ended":
      return `Ended, ${STATE_WORDS[d.state as RunState] ?? d.state}: ${reasonWords(d.reason)}`;
    default:
      return `${s.kind} ${JSON.stringify(d)}`;
  }
}
