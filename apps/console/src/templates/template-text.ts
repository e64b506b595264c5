import type {
  TemplateNode as Template,
  TemplateNodeButton as TemplateButton,
  TemplateNodeComponent as TemplateComponent,
} from "@openwaba/contracts/suite";
import { api } from "../api";

// Templates as the Cloud API lists them (GET /suite/api/templates) and what the console reads in
// them: the body's variables ({{1}}, {{2}}… or named ones) and the text with values put in.

export type { Template, TemplateButton, TemplateComponent };

const VARIABLE = /\{\{\s*(\w+)\s*\}\}/g;

/** A text's variables, each once: numbered ones in number order (parameters go by number), named ones as they appear. */
export function placeholders(text: string): string[] {
  const names = [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]))];
  return names.every((n) => /^\d+$/.test(n)) ? names.sort((a, b) => Number(a) - Number(b)) : names;
}

/** The text with each variable replaced by its value; a variable without a value stays as written. */
export const fillVariables = (text: string, values: Record<string, string>) =>
  text.replace(VARIABLE, (w, n: string) => values[n] || w);

export const componentOf = (t: Template | undefined, type: string) => t?.components.find((c) => c.type === type);

/**
 * The body as written, with its variables. Authentication templates have none written: Meta
 * puts the code in front of its own words (§4), so the code is their one variable.
 */
export function bodyOf(t: Template | undefined): string {
  const body = componentOf(t, "BODY");
  if (t?.category === "AUTHENTICATION" && body && body.text === undefined) {
    return `{{1}} is your verification code.${body.add_security_recommendation ? " For your security, do not share this code." : ""}`;
  }
  return body?.text ?? "";
}

/** Only approved templates can be sent. */
export const approvedTemplates = () =>
  api<{ data: Template[] }>("GET", "/suite/api/templates").then((r) => r.data.filter((t) => t.status === "APPROVED"));
