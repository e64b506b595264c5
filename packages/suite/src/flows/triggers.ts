import type { FlowTrigger } from "@openwaba/contracts/suite";
import { fold } from "./reply-validation";

// Which live flow a customer's message starts (pure). The most specific trigger wins: a tapped
// button's payload, then a keyword, then — for the first message of a new conversation — the
// outside-hours flow, then the first-message flow. Among flows of one kind, the oldest wins.

export interface LiveFlow {
  id: string;
  trigger: FlowTrigger;
  phoneNumberIds?: string[];
  createdAt: number;
}

export interface InboundFacts {
  phoneNumberId: string;
  text: string;
  /** A tapped reply button's id or a template quick reply's payload. */
  buttonPayload: string | null;
  /** The message opens a new conversation cycle. */
  newCycle: boolean;
  /** The customer was not a contact before this message. */
  newContact: boolean;
  insideBusinessHours: boolean;
}

const RANK: Partial<Record<FlowTrigger["type"], number>> = {
  button: 0,
  keyword: 1,
  outside_hours: 2,
  first_message: 3,
};

export function flowForMessage<F extends LiveFlow>(flows: F[], m: InboundFacts): F | null {
  const candidates = flows
    .filter(
      (f) =>
        RANK[f.trigger.type] !== undefined &&
        (!f.phoneNumberIds?.length || f.phoneNumberIds.includes(m.phoneNumberId)) &&
        fires(f.trigger, m),
    )
    .sort((a, b) => RANK[a.trigger.type]! - RANK[b.trigger.type]! || a.createdAt - b.createdAt);
  return candidates[0] ?? null;
}

function fires(t: FlowTrigger, m: InboundFacts): boolean {
  switch (t.type) {
    case "button":
      return m.buttonPayload !== null && t.payloads.includes(m.buttonPayload);
    case "keyword":
      return keywordMatches(t, m.text);
    case "outside_hours":
      return m.newCycle && !m.insideBusinessHours;
    case "first_message":
      return m.newCycle && (!t.new_contacts_only || m.newContact);
    default:
      return false;
  }
}

/** Exact: the whole message is the keyword; contains: the keyword appears as whole words; or a pattern. */
export function keywordMatches(t: Extract<FlowTrigger, { type: "keyword" }>, text: string): boolean {
  if (t.pattern) {
    try {
      if (new RegExp(t.pattern, "i").test(text.slice(0, 1000))) return true;
    } catch {
      /* checked when saved */
    }
  }
  const said = fold(text);
  if (!said || !t.keywords) return false;
  if ((t.match ?? "exact") === "exact") return t.keywords.some((k) => fold(k) === said);
  const padded = ` ${said.split(/[^\p{L}\p{N}]+/u).join(" ")} `;
  return t.keywords.some((k) => padded.includes(` ${fold(k)} `));
}
