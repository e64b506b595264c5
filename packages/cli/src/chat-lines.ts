// What a simulated phone shows of one message, as lines of text for the terminal (`sim chat`):
// text, templates (header, body, footer, buttons), interactive buttons and lists, the customer's
// taps, media, locations, contacts and reactions — never "[object Object]".

export interface PhoneMessage {
  direction: "sent" | "received" | string;
  type: string;
  content?: any;
  ticks?: string | null;
}

const str = (v: unknown) =>
  typeof v === "string" ? v : v === undefined || v === null ? "" : typeof v === "object" ? "" : String(v);
const buttonRow = (titles: string[]) =>
  titles
    .filter(Boolean)
    .map((t) => `[${t}]`)
    .join(" ");

/** The message's own lines (no arrow, no ticks): the first is what it says, the rest what it offers. */
export function messageLines(m: PhoneMessage): string[] {
  const c = m.content ?? {};
  switch (m.type) {
    case "text":
      return [str(c.body)];
    case "template": {
      const r = c.rendered ?? {};
      const lines = [
        r.header?.text ? `*${r.header.text}*` : r.header?.format ? `[${String(r.header.format).toLowerCase()}]` : "",
        str(r.body) || `template ${str(c.name)}`,
        r.footer ? `_${r.footer}_` : "",
      ];
      const buttons = (r.buttons ?? []) as {
        type: string;
        text?: string;
        url?: string;
        phone_number?: string;
        code?: string;
      }[];
      if (buttons.length)
        lines.push(
          buttonRow(
            buttons.map((b) =>
              b.url
                ? `${b.text} → ${b.url}`
                : b.phone_number
                  ? `${b.text} → ${b.phone_number}`
                  : b.code
                    ? `${b.text ?? "Copy code"}: ${b.code}`
                    : str(b.text),
            ),
          ),
        );
      return lines.filter(Boolean);
    }
    case "interactive":
      return interactiveLines(c);
    case "button":
      return [`tapped [${str(c.text) || str(c.payload)}]`];
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker": {
      const what =
        m.type === "document" && c.filename
          ? `document ${c.filename}`
          : m.type === "audio" && c.voice
            ? "voice message"
            : m.type;
      return [`[${what}]${c.caption ? ` ${c.caption}` : ""}${c.link ? ` ${c.link}` : ""}`];
    }
    case "location":
      return [
        `[location] ${[c.name, c.address].filter(Boolean).join(", ")}${c.name || c.address ? " " : ""}(${c.latitude}, ${c.longitude})`,
      ];
    case "contacts": {
      // Stored as the list itself, or spread into an object ({"0": card, …}).
      const cards: any[] = Array.isArray(c)
        ? c
        : Array.isArray(c.contacts)
          ? c.contacts
          : Object.values(c).filter((x: any) => x && typeof x === "object" && "name" in x);
      return cards.length
        ? cards.map(
            (k) => `[contact] ${str(k?.name?.formatted_name)}${k?.phones?.[0]?.phone ? ` ${k.phones[0].phone}` : ""}`,
          )
        : ["[contacts]"];
    }
    case "reaction":
      return [c.emoji ? `reacted ${c.emoji}` : "removed a reaction"];
    default:
      return [typeof c.body === "string" ? c.body : typeof c.caption === "string" ? c.caption : `[${m.type}]`];
  }
}

function interactiveLines(c: any): string[] {
  // The customer's tap on a button or a list row.
  if (c.type === "button_reply" || c.type === "list_reply")
    return [`tapped [${str(c[c.type]?.title) || str(c[c.type]?.id)}]`];
  const lines = [
    c.header?.type === "text" ? `*${str(c.header.text)}*` : c.header?.type ? `[${c.header.type}]` : "",
    str(c.body?.text),
    c.footer?.text ? `_${c.footer.text}_` : "",
  ];
  const a = c.action ?? {};
  if (c.type === "button") lines.push(buttonRow((a.buttons ?? []).map((b: any) => str(b.reply?.title))));
  else if (c.type === "list") {
    lines.push(`[${str(a.button) || "Options"}]`);
    for (const s of a.sections ?? []) {
      if (s.title && (a.sections ?? []).length > 1) lines.push(`  ${s.title}`);
      for (const r of s.rows ?? []) lines.push(`  - ${str(r.title)}${r.description ? ` (${r.description})` : ""}`);
    }
  } else if (c.type === "cta_url") lines.push(`[${str(a.parameters?.display_text)} → ${str(a.parameters?.url)}]`);
  else if (c.type === "location_request_message") lines.push("[Send location]");
  else if (c.type) lines.push(`[${c.type}]`);
  return lines.filter(Boolean);
}

/** The lines `sim chat` prints for a message: an arrow (→ the customer sent it, ← they got it), ticks on the first line. */
export function chatLines(m: PhoneMessage): string[] {
  const [first = "", ...rest] = messageLines(m);
  return [
    `${m.direction === "sent" ? "→" : "←"} ${first}${m.ticks ? `  ${m.ticks}` : ""}`,
    ...rest.map((l) => `    ${l}`),
  ];
}
