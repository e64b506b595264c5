import { bodyOf, componentOf, fillVariables, placeholders, type Template } from "./template-text";

// Sending an approved template (cloud-api-reference.md §4 "Send"): the values it asks for —
// its header's variable or media, its body's variables, a URL button's ending, an offer code,
// an authentication template's code — and the components they make.

export interface SendField {
  key: string;
  label: string;
  /** "media": a file for the header (its media id once uploaded). */
  kind: "text" | "media";
  /** What a media field accepts; a hint under a text field. */
  accept?: string;
  hint?: string;
  maxLength?: number;
}
export interface HeaderMedia {
  id: string;
  filename?: string;
}

const ACCEPT: Record<string, string> = {
  IMAGE: "image/jpeg,image/png",
  VIDEO: "video/mp4,video/3gpp",
  DOCUMENT: "application/pdf,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt",
};
const isAuthentication = (t: Template) => t.category === "AUTHENTICATION";

/** The fields a template asks for before it can be sent, in the order the message shows them. */
export function sendFieldsOf(t: Template | undefined): SendField[] {
  if (!t) return [];
  if (isAuthentication(t))
    return [
      {
        key: "body.1",
        label: "One-time code",
        kind: "text",
        maxLength: 15,
        hint: "The code goes in the message and in its button.",
      },
    ];
  const out: SendField[] = [];
  const header = componentOf(t, "HEADER");
  if (header?.format === "TEXT") {
    for (const n of placeholders(header.text ?? ""))
      out.push({ key: `header.${n}`, label: `Header {{${n}}}`, kind: "text" });
  } else if (header?.format && ACCEPT[header.format]) {
    out.push({
      key: "header.media",
      label: `Header ${header.format.toLowerCase()}`,
      kind: "media",
      accept: ACCEPT[header.format],
    });
  }
  for (const n of placeholders(bodyOf(t))) out.push({ key: `body.${n}`, label: `{{${n}}}`, kind: "text" });
  (componentOf(t, "BUTTONS")?.buttons ?? []).forEach((b, i) => {
    if (b.type === "URL" && placeholders(b.url ?? "").length) {
      out.push({
        key: `button.${i}`,
        label: `Link of "${b.text}"`,
        kind: "text",
        hint: `The end of ${b.url!.replace(/\{\{\s*1\s*\}\}$/, "…")}`,
      });
    }
    if (b.type === "COPY_CODE") out.push({ key: `button.${i}`, label: "Offer code", kind: "text", maxLength: 15 });
  });
  return out;
}

/** The `components` of the send: parameters for each part that has variables, buttons by index. */
export function sendComponentsOf(
  t: Template,
  values: Record<string, string>,
  media?: HeaderMedia,
): Record<string, unknown>[] {
  const named = t.parameter_format === "NAMED";
  const text = (name: string, value: string) => ({
    type: "text",
    text: value,
    ...(named ? { parameter_name: name } : {}),
  });
  const out: Record<string, unknown>[] = [];
  if (isAuthentication(t)) {
    const code = values["body.1"] ?? "";
    out.push({ type: "body", parameters: [{ type: "text", text: code }] });
    const i = (componentOf(t, "BUTTONS")?.buttons ?? []).findIndex((b) => b.type === "OTP");
    // The OTP button carries the same code, as a URL button's parameter (§4 "OTP send").
    if (i >= 0)
      out.push({ type: "button", sub_type: "url", index: String(i), parameters: [{ type: "text", text: code }] });
    return out;
  }
  const header = componentOf(t, "HEADER");
  if (header?.format === "TEXT") {
    const names = placeholders(header.text ?? "");
    if (names.length) out.push({ type: "header", parameters: names.map((n) => text(n, values[`header.${n}`] ?? "")) });
  } else if (header?.format && ACCEPT[header.format] && media) {
    const kind = header.format.toLowerCase();
    out.push({
      type: "header",
      parameters: [
        {
          type: kind,
          [kind]: { id: media.id, ...(kind === "document" && media.filename ? { filename: media.filename } : {}) },
        },
      ],
    });
  }
  const names = placeholders(bodyOf(t));
  if (names.length) out.push({ type: "body", parameters: names.map((n) => text(n, values[`body.${n}`] ?? "")) });
  (componentOf(t, "BUTTONS")?.buttons ?? []).forEach((b, i) => {
    const v = values[`button.${i}`] ?? "";
    if (b.type === "URL" && placeholders(b.url ?? "").length)
      out.push({ type: "button", sub_type: "url", index: String(i), parameters: [{ type: "text", text: v }] });
    if (b.type === "COPY_CODE")
      out.push({
        type: "button",
        sub_type: "copy_code",
        index: String(i),
        parameters: [{ type: "coupon_code", coupon_code: v }],
      });
  });
  return out;
}

/** The message as the customer will read it, with the values typed so far. */
export function sentTextOf(t: Template, values: Record<string, string>): { header?: string; body: string } {
  const header = componentOf(t, "HEADER");
  const fromPrefix = (prefix: string) =>
    Object.fromEntries(
      Object.entries(values)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
  return {
    ...(header?.format === "TEXT" ? { header: fillVariables(header.text ?? "", fromPrefix("header.")) } : {}),
    body: fillVariables(bodyOf(t), fromPrefix("body.")),
  };
}
