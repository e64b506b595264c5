import type { CustomerReply } from "./reply-validation";

// A customer's message from a `messages` webhook as a flow sees it: what they said or tapped,
// and the id of the button or row they tapped (a template's quick reply carries its payload). Pure.

export function customerReplyOf(m: { type: string } & Record<string, unknown>): CustomerReply {
  const o = (m[m.type] ?? {}) as Record<string, any>;
  switch (m.type) {
    case "text":
      return { type: "text", text: String(o.body ?? ""), id: null };
    case "interactive": {
      const r = o.button_reply ?? o.list_reply ?? {};
      return { type: "interactive", text: String(r.title ?? ""), id: r.id ? String(r.id) : null };
    }
    case "button":
      return { type: "button", text: String(o.text ?? ""), id: o.payload ? String(o.payload) : null };
    default:
      return { type: m.type, text: String(o.caption ?? ""), id: null };
  }
}
