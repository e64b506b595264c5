import type { TemplateComponent as GraphComponent } from "@openwaba/contracts";
import type { Template } from "./template-text";
import { placeholders } from "./template-text";

// The template form's fields as typed, the components JSON they make for the Cloud API
// (cloud-api-reference.md §4: header, body, footer, buttons; Meta's authentication shape), and
// back (to edit a template). Empty optional parts are left out rather than sent empty.

export type Category = "MARKETING" | "UTILITY" | "AUTHENTICATION";
export type HeaderFormat = "NONE" | "TEXT" | "IMAGE" | "VIDEO" | "DOCUMENT";
export type ButtonDraft =
  | { type: "QUICK_REPLY"; text: string }
  /** `example` is the value of {{1}} at the URL's end, when it has one. */
  | { type: "URL"; text: string; url: string; example: string }
  | { type: "PHONE_NUMBER"; text: string; phone_number: string }
  | { type: "COPY_CODE"; example: string };
export type ButtonType = ButtonDraft["type"];

export interface TemplateDraft {
  name: string;
  language: string;
  category: Category;
  header: {
    format: HeaderFormat;
    text: string;
    example: string;
    /** A media header's sample: the handle from the upload, and the file's name to show. */
    handle: string;
    sample: string;
  };
  body: string;
  /** Example values by variable name ("1", "2"… or named ones). */
  examples: Record<string, string>;
  footer: string;
  buttons: ButtonDraft[];
  /** Authentication templates: Meta writes the text; the business picks these. */
  auth: {
    otp: "COPY_CODE" | "ONE_TAP";
    buttonText: string;
    autofillText: string;
    packageName: string;
    signatureHash: string;
    securityRecommendation: boolean;
    expirationMinutes: string;
  };
}

export const EMPTY_TEMPLATE: TemplateDraft = {
  name: "",
  language: "en_US",
  category: "UTILITY",
  header: { format: "NONE", text: "", example: "", handle: "", sample: "" },
  body: "",
  examples: {},
  footer: "",
  buttons: [],
  auth: {
    otp: "COPY_CODE",
    buttonText: "Copy code",
    autofillText: "Autofill",
    packageName: "",
    signatureHash: "",
    securityRecommendation: true,
    expirationMinutes: "10",
  },
};

/** Meta's limits per button type (§4 BUTTONS). */
export const BUTTON_LIMITS: Record<ButtonType, number> = { QUICK_REPLY: 10, URL: 2, PHONE_NUMBER: 1, COPY_CODE: 1 };
export const MAX_BUTTONS = 10;
export const BUTTON_WORDS: Record<ButtonType, string> = {
  QUICK_REPLY: "Quick reply",
  URL: "Visit website",
  PHONE_NUMBER: "Call phone number",
  COPY_CODE: "Copy offer code",
};

export const newButton = (type: ButtonType): ButtonDraft =>
  type === "QUICK_REPLY"
    ? { type, text: "" }
    : type === "URL"
      ? { type, text: "", url: "https://", example: "" }
      : type === "PHONE_NUMBER"
        ? { type, text: "", phone_number: "" }
        : { type, example: "" };

/** Which button types may still be added (the per-type and total limits). */
export const addableButtons = (buttons: ButtonDraft[]): ButtonType[] =>
  buttons.length >= MAX_BUTTONS
    ? []
    : (Object.keys(BUTTON_LIMITS) as ButtonType[]).filter(
        (t) => buttons.filter((b) => b.type === t).length < BUTTON_LIMITS[t],
      );

/**
 * Quick replies stand together (Meta refuses QR, URL, QR): a new quick reply joins the others,
 * any other button goes after them.
 */
export function withButton(buttons: ButtonDraft[], b: ButtonDraft): ButtonDraft[] {
  if (b.type !== "QUICK_REPLY") return [...buttons, b];
  const last = buttons.map((x) => x.type).lastIndexOf("QUICK_REPLY");
  return last === -1 ? [b, ...buttons] : [...buttons.slice(0, last + 1), b, ...buttons.slice(last + 1)];
}

const URL_VARIABLE = /\{\{\s*1\s*\}\}$/;
export const urlHasVariable = (url: string) => URL_VARIABLE.test(url.trim());

/** Named variables make a NAMED template; numbered ones (the default) a positional one. */
export const isNamed = (d: TemplateDraft) =>
  [...placeholders(d.body), ...placeholders(d.header.format === "TEXT" ? d.header.text : "")].some(
    (n) => !/^\d+$/.test(n),
  );

function examplesOf(where: "header" | "body", text: string, values: Record<string, string>, named: boolean) {
  const names = placeholders(text);
  if (!names.length) return undefined;
  if (named) return { [`${where}_text_named_params`]: names.map((n) => ({ param_name: n, example: values[n] ?? "" })) };
  const list = names.map((n) => values[n] ?? "");
  return where === "body" ? { body_text: [list] } : { header_text: list.slice(0, 1) };
}

/** The components JSON of a draft, as POST /{waba-id}/message_templates and POST /{template-id} take it. */
export function componentsOf(d: TemplateDraft): GraphComponent[] {
  if (d.category === "AUTHENTICATION") return authenticationComponents(d);
  const named = isNamed(d);
  const out: GraphComponent[] = [];
  const h = d.header;
  if (h.format === "TEXT") {
    const example = examplesOf("header", h.text, { [placeholders(h.text)[0] ?? "1"]: h.example }, named);
    out.push({ type: "HEADER", format: "TEXT", text: h.text, ...(example ? { example } : {}) });
  } else if (h.format !== "NONE") {
    out.push({ type: "HEADER", format: h.format, ...(h.handle ? { example: { header_handle: [h.handle] } } : {}) });
  }
  const example = examplesOf("body", d.body, d.examples, named);
  out.push({ type: "BODY", text: d.body, ...(example ? { example } : {}) });
  if (d.footer.trim()) out.push({ type: "FOOTER", text: d.footer });
  if (d.buttons.length) out.push({ type: "BUTTONS", buttons: d.buttons.map(buttonOf) });
  return out;
}

function buttonOf(b: ButtonDraft): Extract<GraphComponent, { type: "BUTTONS" }>["buttons"][number] {
  switch (b.type) {
    case "QUICK_REPLY":
      return { type: "QUICK_REPLY", text: b.text };
    case "PHONE_NUMBER":
      return { type: "PHONE_NUMBER", text: b.text, phone_number: b.phone_number.replace(/[\s()-]/g, "") };
    case "COPY_CODE":
      return { type: "COPY_CODE", example: b.example };
    case "URL": {
      const url = b.url.trim();
      // Meta's example of a URL with a variable is the whole URL as one customer would get it.
      return {
        type: "URL",
        text: b.text,
        url,
        ...(urlHasVariable(url) ? { example: [url.replace(URL_VARIABLE, b.example)] } : {}),
      };
    }
  }
}

function authenticationComponents(d: TemplateDraft): GraphComponent[] {
  const a = d.auth;
  const oneTap = a.otp === "ONE_TAP";
  const minutes = a.expirationMinutes.trim();
  const out: GraphComponent[] = [
    { type: "BODY", ...(a.securityRecommendation ? { add_security_recommendation: true } : {}) },
  ];
  if (minutes) out.push({ type: "FOOTER", code_expiration_minutes: Number(minutes) });
  out.push({
    type: "BUTTONS",
    buttons: [
      {
        type: "OTP",
        otp_type: a.otp,
        ...(a.buttonText.trim() ? { text: a.buttonText } : {}),
        ...(oneTap
          ? {
              ...(a.autofillText.trim() ? { autofill_text: a.autofillText } : {}),
              supported_apps: [{ package_name: a.packageName.trim(), signature_hash: a.signatureHash.trim() }],
            }
          : {}),
      },
    ],
  });
  return out;
}

/** What POST /suite/api/templates takes for a new template. */
export function createRequestOf(d: TemplateDraft) {
  return {
    name: d.name,
    language: d.language,
    category: d.category,
    ...(isNamed(d) && d.category !== "AUTHENTICATION" ? { parameter_format: "named" } : {}),
    components: componentsOf(d),
  };
}

/** What POST /suite/api/templates/{id} takes: the components, and the category only when it changes (an approved one's can't). */
export function editRequestOf(d: TemplateDraft, t: Template) {
  return { components: componentsOf(d), ...(d.category !== t.category ? { category: d.category } : {}) };
}

/** Meta's edit rule (§4): only APPROVED, REJECTED or PAUSED templates can be edited. */
export const canEdit = (t: Template) => ["APPROVED", "REJECTED", "PAUSED"].includes(t.status);
/** An approved template keeps its category. */
export const categoryLocked = (t: Template) => t.status === "APPROVED";

/** A template as the Cloud API lists it, back in the form's fields. */
export function draftOf(t: Template): TemplateDraft {
  const of = (type: string) => t.components.find((c) => c.type === type);
  const header = of("HEADER");
  const body = of("BODY");
  const footer = of("FOOTER");
  const buttons = of("BUTTONS")?.buttons ?? [];
  const d: TemplateDraft = structuredClone({
    ...EMPTY_TEMPLATE,
    name: t.name,
    language: t.language,
    category: t.category as Category,
  });
  if (t.category === "AUTHENTICATION") {
    const otp = buttons.find((b) => b.type === "OTP");
    d.auth = {
      otp: otp?.otp_type === "ONE_TAP" ? "ONE_TAP" : "COPY_CODE",
      buttonText: otp?.text ?? "",
      autofillText: otp?.autofill_text ?? "",
      packageName: otp?.supported_apps?.[0]?.package_name ?? "",
      signatureHash: otp?.supported_apps?.[0]?.signature_hash ?? "",
      securityRecommendation: !!body?.add_security_recommendation,
      expirationMinutes: footer?.code_expiration_minutes ? String(footer.code_expiration_minutes) : "",
    };
    return d;
  }
  if (header?.format === "TEXT") {
    d.header = {
      ...d.header,
      format: "TEXT",
      text: header.text ?? "",
      example: header.example?.header_text?.[0] ?? header.example?.header_text_named_params?.[0]?.example ?? "",
    };
  } else if (header?.format && ["IMAGE", "VIDEO", "DOCUMENT"].includes(header.format)) {
    d.header = {
      ...d.header,
      format: header.format as HeaderFormat,
      handle: header.example?.header_handle?.[0] ?? "",
      sample: header.example?.header_handle?.[0] ? "the sample sent before" : "",
    };
  }
  d.body = body?.text ?? "";
  const names = placeholders(d.body);
  const positional = body?.example?.body_text?.[0] ?? [];
  const named = Object.fromEntries((body?.example?.body_text_named_params ?? []).map((p) => [p.param_name, p.example]));
  d.examples = Object.fromEntries(names.map((n, i) => [n, named[n] ?? positional[i] ?? ""]));
  d.footer = footer?.text ?? "";
  d.buttons = buttons.flatMap((b): ButtonDraft[] => {
    switch (b.type) {
      case "QUICK_REPLY":
        return [{ type: "QUICK_REPLY", text: b.text ?? "" }];
      case "PHONE_NUMBER":
        return [{ type: "PHONE_NUMBER", text: b.text ?? "", phone_number: b.phone_number ?? "" }];
      case "COPY_CODE":
        return [{ type: "COPY_CODE", example: typeof b.example === "string" ? b.example : "" }];
      case "URL": {
        const url = b.url ?? "";
        const full = Array.isArray(b.example) ? (b.example[0] ?? "") : "";
        const prefix = url.replace(URL_VARIABLE, "");
        return [
          {
            type: "URL",
            text: b.text ?? "",
            url,
            example: urlHasVariable(url) ? (full.startsWith(prefix) ? full.slice(prefix.length) : full) : "",
          },
        ];
      }
      default:
        return []; // kinds this form does not make (flows, catalogs) are not offered for editing
    }
  });
  return d;
}

/** Kinds of buttons in a template that this form cannot show: editing it here would drop them. */
export const unsupportedButtons = (t: Template) =>
  (t.components.find((c) => c.type === "BUTTONS")?.buttons ?? [])
    .filter((b) => !["QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE", "OTP"].includes(b.type))
    .map((b) => b.type);

/** The message as the customer sees it, with the examples in place of the variables. */
export function previewOf(d: TemplateDraft): {
  header?: string;
  media?: string;
  body: string;
  footer?: string;
  buttons: string[];
} {
  const fill = (text: string, values: Record<string, string>) =>
    text.replace(/\{\{\s*(\w+)\s*\}\}/g, (w, n: string) => values[n] || w);
  if (d.category === "AUTHENTICATION") {
    const a = d.auth;
    return {
      body: `123456 is your verification code.${a.securityRecommendation ? " For your security, do not share this code." : ""}`,
      footer: a.expirationMinutes.trim() ? `This code expires in ${a.expirationMinutes.trim()} minutes.` : undefined,
      buttons: [a.otp === "ONE_TAP" ? a.autofillText || "Autofill" : a.buttonText || "Copy code"],
    };
  }
  const h = d.header;
  return {
    ...(h.format === "TEXT" ? { header: fill(h.text, { [placeholders(h.text)[0] ?? "1"]: h.example }) } : {}),
    ...(["IMAGE", "VIDEO", "DOCUMENT"].includes(h.format) ? { media: h.format.toLowerCase() } : {}),
    body: fill(d.body, d.examples),
    ...(d.footer.trim() ? { footer: d.footer } : {}),
    buttons: d.buttons.map((b) => (b.type === "COPY_CODE" ? "Copy offer code" : b.text)),
  };
}

/**
 * What the Cloud API said when it refused, in plain words: Meta's title and message for the user
 * (error_user_title / error_user_msg) when it gave them, else the message.
 */
export function refusalOf(body: any, fallback: string): { title: string; message: string } {
  const g = body?.error?.graph;
  const title =
    g?.error_user_title ?? (body?.error?.code === "forbidden" ? "Not allowed" : "The template was not accepted");
  return { title, message: g?.error_user_msg ?? g?.error_data?.details ?? body?.error?.message ?? fallback };
}
