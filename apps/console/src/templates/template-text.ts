import { api } from "../api";

// Templates as the Cloud API lists them (GET /suite/api/templates) and what the console reads in
// them: the body's variables ({{1}}, {{2}}… or named ones) and the text with values put in.

export interface TemplateComponent { type: string; format?: string; text?: string; buttons?: { type: string; text: string }[] }
export interface Template {
  id: string; name: string; language: string; status: string; category: string; parameter_format?: string;
  components: TemplateComponent[]; rejected_reason?: string; quality_score?: { score: string };
}

const VARIABLE = /\{\{\s*(\w+)\s*\}\}/g;

/** A text's variables, each once: numbered ones in number order (parameters go by number), named ones as they appear. */
export function placeholders(text: string): string[] {
  const names = [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]))];
  return names.every((n) => /^\d+$/.test(n)) ? names.sort((a, b) => Number(a) - Number(b)) : names;
}

/** The text with each variable replaced by its value; a variable without a value stays as written. */
export const fillVariables = (text: string, values: Record<string, string>) => text.replace(VARIABLE, (w, n: string) => values[n] || w);

export const componentOf = (t: Template | undefined, type: string) => t?.components.find((c) => c.type === type);
export const bodyOf = (t: Template | undefined) => componentOf(t, "BODY")?.text ?? "";

/** Only approved templates can be sent. */
export const approvedTemplates = () => api<{ data: Template[] }>("GET", "/suite/api/templates").then((r) => r.data.filter((t) => t.status === "APPROVED"));
