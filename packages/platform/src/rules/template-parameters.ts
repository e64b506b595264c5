import {
  GraphError,
  type TemplateComponent,
  type TemplateParameter,
  type TemplateSendComponent,
} from "@openwaba/contracts";
import { placeholders, type ParameterFormat } from "./template-variables";

// Sending a template (cloud-api-reference.md §4 "Send", §7): the parameters must fit the approved
// template — their number (132000), their kinds (132012), the length of the text they make
// (132005) and the characters allowed in them (132007). The result is what the phone shows.

export interface RenderedButton {
  type: string;
  text?: string;
  payload?: string;
  url?: string;
  phone_number?: string;
  code?: string;
}
export interface RenderedTemplate {
  header?: {
    format: string;
    text?: string;
    media?: { id?: string; link?: string; filename?: string };
    location?: unknown;
  };
  body: string;
  footer?: string;
  buttons?: RenderedButton[];
}

type Approved = { parameter_format: ParameterFormat; components: TemplateComponent[] };
type Of<T extends TemplateComponent["type"]> = Extract<TemplateComponent, { type: T }>;

const count = (where: string, got: number, want: number) =>
  new GraphError(
    132000,
    `${where}: number of localizable_params (${got}) does not match the expected number of params (${want})`,
  );
const mismatch = (where: string, want: string, got: string) =>
  new GraphError(132012, `${where}: Format mismatch, expected ${want}, received ${got}`);

/** The text a parameter puts into the message: text, or the fallback of currency and date_time. */
function textOf(p: TemplateParameter, where: string): string {
  const value =
    p.type === "text"
      ? p.text
      : p.type === "currency"
        ? p.currency.fallback_value
        : p.type === "date_time"
          ? p.date_time.fallback_value
          : null;
  if (value === null) throw mismatch(where, "TEXT", p.type.toUpperCase());
  // Meta's policy: no new lines or tabs, and no more than 4 consecutive spaces, in a parameter.
  if (/[\n\t]| {5,}/.test(value))
    throw new GraphError(
      132007,
      `${where}: Param text cannot have new-line/tab characters or more than 4 consecutive spaces`,
    );
  return value;
}

/** Fills {{1}} / {{name}} in a text from the parameters given for it. */
function hydrate(text: string, params: TemplateParameter[], format: ParameterFormat, where: string): string {
  const names = [...new Set(placeholders(text))];
  if (params.length !== names.length) throw count(where, params.length, names.length);
  const values = new Map<string, string>();
  if (format === "named") {
    for (const p of params) {
      const n = "parameter_name" in p ? p.parameter_name : undefined;
      if (!n || !names.includes(n))
        throw new GraphError(
          132000,
          `${where}: parameter_name ${n ?? "(missing)"} is not a variable of the template; expected ${names.join(", ")}`,
        );
      values.set(n, textOf(p, where));
    }
  } else {
    for (const [i, p] of params.entries()) values.set(String(i + 1), textOf(p, where));
  }
  return text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_m, n: string) => values.get(n) ?? "");
}

export function renderTemplate(t: Approved, send: TemplateSendComponent[] = []): RenderedTemplate {
  const sent = (type: string) => send.filter((c) => c.type === type);
  if (sent("header").length > 1 || sent("body").length > 1)
    throw new GraphError(131009, "Param template['components']: at most one header and one body component.");
  const header = t.components.find((c): c is Of<"HEADER"> => c.type === "HEADER");
  const body = t.components.find((c): c is Of<"BODY"> => c.type === "BODY")!;
  const footer = t.components.find((c): c is Of<"FOOTER"> => c.type === "FOOTER");
  const buttons = t.components.find((c): c is Of<"BUTTONS"> => c.type === "BUTTONS")?.buttons ?? [];
  const headerParams = (sent("header")[0] as { parameters: TemplateParameter[] } | undefined)?.parameters ?? [];
  const bodyParams = (sent("body")[0] as { parameters: TemplateParameter[] } | undefined)?.parameters ?? [];

  const out: RenderedTemplate = { body: "" };
  if (header) out.header = renderHeader(header, headerParams, t.parameter_format);
  else if (headerParams.length) throw count("header", headerParams.length, 0);

  if (body.text !== undefined) {
    out.body = hydrate(body.text, bodyParams, t.parameter_format, "body");
  } else {
    // Authentication: Meta writes the text around the one-time code.
    if (bodyParams.length !== 1) throw count("body", bodyParams.length, 1);
    const code = textOf(bodyParams[0], "body");
    out.body = `${code} is your verification code.${body.add_security_recommendation ? " For your security, do not share this code." : ""}`;
  }
  if (out.body.length > 1024)
    throw new GraphError(132005, `body: the message would be ${out.body.length} characters long; at most 1024.`);
  if (footer)
    out.footer =
      footer.text ??
      (footer.code_expiration_minutes ? `This code expires in ${footer.code_expiration_minutes} minutes.` : undefined);
  if (buttons.length)
    out.buttons = renderButtons(
      buttons,
      sent("button") as Extract<TemplateSendComponent, { type: "button" }>[],
      out.body,
    );
  else if (sent("button").length) throw new GraphError(132000, "button: the template has no buttons.");
  return out;
}

function renderHeader(
  h: Of<"HEADER">,
  params: TemplateParameter[],
  format: ParameterFormat,
): RenderedTemplate["header"] {
  if (h.format === "TEXT") {
    const text = hydrate(h.text ?? "", params, format, "header");
    if (text.length > 60)
      throw new GraphError(132005, `header: the header would be ${text.length} characters long; at most 60.`);
    return { format: "TEXT", text };
  }
  if (params.length !== 1) throw count("header", params.length, 1);
  const p = params[0];
  const want = h.format === "GIF" ? "video" : h.format.toLowerCase();
  if (p.type !== want) throw mismatch("header", h.format, p.type.toUpperCase());
  if (p.type === "location") return { format: "LOCATION", location: p.location };
  const media = (p as Record<string, any>)[p.type] as { id?: string; link?: string; filename?: string };
  if ((media.id === undefined) === (media.link === undefined))
    throw new GraphError(131008, `header: the ${p.type} parameter needs an id or a link.`);
  return { format: h.format, media };
}

function renderButtons(
  template: Of<"BUTTONS">["buttons"],
  sent: Extract<TemplateSendComponent, { type: "button" }>[],
  body: string,
): RenderedButton[] {
  const byIndex = new Map<number, Extract<TemplateSendComponent, { type: "button" }>>();
  for (const b of sent) {
    const tb = template[b.index];
    if (!tb)
      throw new GraphError(
        131009,
        `button: index ${b.index} is not a button of the template (it has ${template.length}).`,
      );
    const expected = tb.type === "OTP" ? "url" : tb.type.toLowerCase();
    if (expected !== b.sub_type && !(tb.type === "OTP" && b.sub_type === "copy_code"))
      throw mismatch(`button ${b.index}`, tb.type, b.sub_type.toUpperCase());
    byIndex.set(b.index, b);
  }
  return template.map((tb, i): RenderedButton => {
    const p = byIndex.get(i)?.parameters?.[0];
    switch (tb.type) {
      case "QUICK_REPLY":
        if (p && p.type !== "payload") throw mismatch(`button ${i}`, "PAYLOAD", p.type.toUpperCase());
        return { type: "quick_reply", text: tb.text, payload: p?.type === "payload" ? p.payload : tb.text };
      case "URL": {
        const dynamic = placeholders(tb.url).length > 0;
        if (dynamic && !p) throw count(`button ${i}`, 0, 1);
        if (!dynamic && p) throw count(`button ${i}`, 1, 0);
        const suffix = p ? textOf(p, `button ${i}`) : "";
        return {
          type: "url",
          text: tb.text,
          url: dynamic ? tb.url.replace(/\{\{\s*1\s*\}\}$/, encodeURIComponent(suffix)) : tb.url,
        };
      }
      case "PHONE_NUMBER":
        return { type: "phone_number", text: tb.text, phone_number: tb.phone_number };
      case "COPY_CODE":
        if (!p || p.type !== "coupon_code")
          throw p ? mismatch(`button ${i}`, "COUPON_CODE", p.type.toUpperCase()) : count(`button ${i}`, 0, 1);
        return { type: "copy_code", code: p.coupon_code };
      case "OTP": {
        // The button carries the same code as the body (§4, "OTP send").
        const code = p ? textOf(p, `button ${i}`) : "";
        if (!p) throw count(`button ${i}`, 0, 1);
        if (!body.startsWith(code))
          throw new GraphError(131009, `button ${i}: the one-time code must be the same as the body's.`);
        return { type: "otp", text: tb.text ?? "Copy code", code };
      }
      default:
        return { type: tb.type.toLowerCase(), text: "text" in tb ? tb.text : undefined };
    }
  });
}
