import type { TemplateCategory, TemplateComponent } from "@openwaba/contracts";
import {
  bodyVariableProblem,
  placeholders,
  variableProblem,
  type ParameterFormat,
  type TemplateProblem,
} from "./template-variables";

// The structural rules of a template (cloud-api-reference.md §4), checked at creation and edit.
// Each problem carries the subcode Meta uses and a message that names the component.

type Of<T extends TemplateComponent["type"]> = Extract<TemplateComponent, { type: T }>;
type Button = Of<"BUTTONS">["buttons"][number];
const problem = (subcode: number, title: string, message: string): TemplateProblem => ({ subcode, title, message });

export function templateProblem(t: {
  category: TemplateCategory;
  parameter_format?: ParameterFormat;
  components: TemplateComponent[];
}): TemplateProblem | null {
  const format = t.parameter_format ?? "positional";
  const seen = new Map<string, TemplateComponent>();
  for (const c of t.components) {
    if (seen.has(c.type))
      return problem(2388042, "Duplicate component", `A template has at most one ${c.type} component.`);
    seen.set(c.type, c);
  }
  const header = seen.get("HEADER") as Of<"HEADER"> | undefined;
  const body = seen.get("BODY") as Of<"BODY"> | undefined;
  const footer = seen.get("FOOTER") as Of<"FOOTER"> | undefined;
  const buttons = (seen.get("BUTTONS") as Of<"BUTTONS"> | undefined)?.buttons ?? [];
  if (!body) return problem(2388042, "Body required", "A template needs a BODY component.");

  if (t.category === "AUTHENTICATION") return authenticationProblem(body, footer, header, buttons);
  if (buttons.some((b) => b.type === "OTP"))
    return problem(
      2388042,
      "OTP buttons are for authentication",
      "BUTTONS: an OTP button is only allowed in an AUTHENTICATION template.",
    );
  if (!body.text) return problem(2388042, "Body text required", "BODY: text is required.");
  if (body.add_security_recommendation !== undefined)
    return problem(
      2388042,
      "Not an authentication template",
      "BODY: add_security_recommendation belongs to AUTHENTICATION templates.",
    );

  return (
    bodyVariableProblem(body.text, format) ??
    examplesProblem("BODY", body.text, format, body.example?.body_text?.[0], body.example?.body_text_named_params) ??
    headerProblem(header, format, t.category) ??
    footerProblem(footer, body.text) ??
    buttonsProblem(buttons)
  );
}

function examplesProblem(
  where: string,
  text: string,
  format: ParameterFormat,
  positional?: string[],
  named?: { param_name: string }[],
): TemplateProblem | null {
  const names = [...new Set(placeholders(text))];
  if (!names.length) return null;
  if (format === "positional") {
    if (!positional)
      return problem(
        2388042,
        "Examples required",
        `${where}: add an example value for each of the ${names.length} variable(s).`,
      );
    if (positional.length !== names.length)
      return problem(
        2388042,
        "Examples do not match variables",
        `${where} has ${names.length} variable(s) but ${positional.length} example value(s).`,
      );
    return null;
  }
  const given = new Set((named ?? []).map((n) => n.param_name));
  const missing = names.filter((n) => !given.has(n));
  return missing.length
    ? problem(
        2388042,
        "Examples required",
        `${where}: add an example for ${missing.map((n) => `{{${n}}}`).join(", ")}.`,
      )
    : null;
}

function headerProblem(
  h: Of<"HEADER"> | undefined,
  format: ParameterFormat,
  category: TemplateCategory,
): TemplateProblem | null {
  if (!h) return null;
  if (h.format === "TEXT") {
    if (!h.text) return problem(2388042, "Header text required", "HEADER: a TEXT header needs text.");
    const vp = variableProblem(h.text, format, "HEADER");
    if (vp) return vp;
    if (new Set(placeholders(h.text)).size > 1)
      return problem(2388042, "Too many header variables", "HEADER: a text header may have at most one variable.");
    return examplesProblem("HEADER", h.text, format, h.example?.header_text, h.example?.header_text_named_params);
  }
  if (h.text !== undefined)
    return problem(2388042, "Unexpected header text", `HEADER: a ${h.format} header has no text.`);
  if (h.format === "LOCATION")
    return category === "AUTHENTICATION"
      ? problem(
          2388042,
          "Location header not allowed",
          "HEADER: LOCATION headers are for utility and marketing templates.",
        )
      : null;
  if (h.format === "GIF" && category !== "MARKETING")
    return problem(2388042, "GIF header not allowed", "HEADER: GIF headers are for marketing templates.");
  if (!h.example?.header_handle?.length)
    return problem(
      2388042,
      "Header sample required",
      `HEADER: a ${h.format} header needs a sample: example.header_handle from the resumable upload API.`,
    );
  return null;
}

function footerProblem(f: Of<"FOOTER"> | undefined, bodyText: string): TemplateProblem | null {
  if (!f) return null;
  if (f.code_expiration_minutes !== undefined)
    return problem(
      2388042,
      "Not an authentication template",
      "FOOTER: code_expiration_minutes belongs to AUTHENTICATION templates.",
    );
  if (!f.text) return problem(2388042, "Footer text required", "FOOTER: text is required.");
  if (placeholders(f.text).length || /\{\{|\}\}/.test(f.text))
    return problem(2388073, "Footer can't have variables", "FOOTER: the footer may not contain variables.");
  if (f.text.trim() === bodyText.trim()) return problem(2388073, "Duplicate content", "FOOTER repeats the BODY text.");
  return null;
}

function buttonsProblem(buttons: Button[]): TemplateProblem | null {
  const count = (type: Button["type"]) => buttons.filter((b) => b.type === type).length;
  const limits: [Button["type"], number][] = [
    ["QUICK_REPLY", 10],
    ["URL", 2],
    ["PHONE_NUMBER", 1],
    ["COPY_CODE", 1],
    ["VOICE_CALL", 1],
    ["FLOW", 1],
  ];
  for (const [type, max] of limits) {
    if (count(type) > max) return problem(2388042, "Too many buttons", `BUTTONS: at most ${max} ${type} button(s).`);
  }
  // Quick replies must stand together: QR, QR, URL is fine; QR, URL, QR is not.
  const qr = buttons.map((b) => b.type === "QUICK_REPLY");
  const first = qr.indexOf(true),
    last = qr.lastIndexOf(true);
  if (first !== -1 && qr.slice(first, last + 1).includes(false))
    return problem(
      2388042,
      "Quick replies must be grouped",
      "BUTTONS: quick reply buttons must be next to each other, before or after the other buttons.",
    );
  const texts = buttons.flatMap((b) => ("text" in b && b.text ? [b.text] : []));
  if (new Set(texts).size !== texts.length)
    return problem(2388042, "Duplicate button text", "BUTTONS: each button needs its own text.");
  for (const [i, b] of buttons.entries()) {
    if (b.type !== "URL") continue;
    const vars = placeholders(b.url);
    if (!/^https?:\/\//.test(b.url))
      return problem(2388042, "Invalid URL", `BUTTONS[${i}]: url must start with http:// or https://.`);
    if (vars.length > 1 || (vars.length === 1 && !/\{\{\s*1\s*\}\}$/.test(b.url)))
      return problem(2388042, "Invalid URL variable", `BUTTONS[${i}]: a URL may have one variable, {{1}}, at its end.`);
    if (vars.length === 1 && !b.example?.length)
      return problem(2388042, "Examples required", `BUTTONS[${i}]: a URL with a variable needs an example.`);
  }
  return null;
}

function authenticationProblem(
  body: Of<"BODY">,
  footer: Of<"FOOTER"> | undefined,
  header: Of<"HEADER"> | undefined,
  buttons: Button[],
): TemplateProblem | null {
  // Meta writes the text of authentication templates itself ("<code> is your verification code.").
  if (body.text !== undefined)
    return problem(
      2388042,
      "Authentication body is fixed",
      "BODY: authentication templates take no text; set add_security_recommendation instead.",
    );
  if (header)
    return problem(
      2388042,
      "No header in authentication templates",
      "HEADER: authentication templates have no header.",
    );
  if (footer?.text !== undefined)
    return problem(
      2388042,
      "Authentication footer is fixed",
      "FOOTER: authentication templates take only code_expiration_minutes.",
    );
  if (buttons.length !== 1 || buttons[0].type !== "OTP")
    return problem(
      2388042,
      "One OTP button required",
      "BUTTONS: an authentication template has exactly one OTP button.",
    );
  const otp = buttons[0];
  if ((otp.otp_type === "ONE_TAP" || otp.otp_type === "ZERO_TAP") && !otp.supported_apps?.length) {
    return problem(
      2388042,
      "Supported apps required",
      `BUTTONS: a ${otp.otp_type} button needs supported_apps (package name and signature hash).`,
    );
  }
  return null;
}
