// Template variables (cloud-api-reference.md §4): positional {{1}}…{{n}} in order from 1, or named
// {{first_name}} (lowercase, digits, underscore; unique). Pure functions, tested beside.

export type ParameterFormat = "positional" | "named";

export interface TemplateProblem {
  /** Meta's error_subcode for template creation (2388xxx). */
  subcode: number;
  title: string;
  message: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every {{…}} in a text, in order (the raw names between the braces). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** What is wrong with the variables of one text, or null. `where` names the component. */
export function variableProblem(text: string, format: ParameterFormat, where: string): TemplateProblem | null {
  const names = placeholders(text);
  const stripped = text.replace(PLACEHOLDER, "");
  if (/\{\{|\}\}/.test(stripped)) {
    return {
      subcode: 2388043,
      title: "Invalid variable braces",
      message: `${where}: every variable needs two opening and two closing braces, like {{1}}.`,
    };
  }
  for (const n of names) {
    if (format === "positional" && !/^[1-9]\d*$/.test(n)) {
      return {
        subcode: 2388043,
        title: "Invalid variable",
        message: `${where}: {{${n}}} is not a positional variable; use {{1}}, {{2}}, … or set parameter_format to named.`,
      };
    }
    if (format === "named" && !/^[a-z][a-z0-9_]*$/.test(n)) {
      return {
        subcode: 2388043,
        title: "Invalid variable",
        message: `${where}: {{${n}}} is not a valid named variable (lowercase letters, digits and underscores, starting with a letter).`,
      };
    }
  }
  if (format === "positional") {
    const numbers = names.map(Number);
    const distinct = [...new Set(numbers)].sort((a, b) => a - b);
    if (distinct.some((n, i) => n !== i + 1)) {
      return {
        subcode: 2388043,
        title: "Variables must be sequential",
        message: `${where}: variables must be numbered {{1}} to {{${distinct.length}}} without gaps; found ${distinct.map((n) => `{{${n}}}`).join(", ")}.`,
      };
    }
  } else if (new Set(names).size !== names.length) {
    return {
      subcode: 2388043,
      title: "Duplicate variable names",
      message: `${where}: each named variable may appear once.`,
    };
  }
  if (/\}\}\s*\{\{/.test(text)) {
    return {
      subcode: 2388043,
      title: "Adjacent variables",
      message: `${where}: two variables may not follow each other without text between them.`,
    };
  }
  return null;
}

/** Body rules on top of the generic ones: no variable first or last, enough words per variable. */
export function bodyVariableProblem(text: string, format: ParameterFormat): TemplateProblem | null {
  const generic = variableProblem(text, format, "BODY");
  if (generic) return generic;
  const trimmed = text.trim();
  if (/^\{\{[^{}]*\}\}/.test(trimmed) || /\{\{[^{}]*\}\}[.!?]?$/.test(trimmed)) {
    return {
      subcode: 2388299,
      title: "Leading or trailing params not allowed",
      message: "Variables can't be at the start or end of the template.",
    };
  }
  const variables = placeholders(text).length;
  const words = text
    .replace(PLACEHOLDER, " ")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  // Meta's ratio is unpublished; this one (at least two words of fixed text per variable, and
  // one more) refuses bodies that are mostly variables, as Meta does. Configurable later.
  if (variables > 0 && words < 2 * variables + 1) {
    return {
      subcode: 2388293,
      title: "Too many variables for the message length",
      message: `BODY has ${variables} variable(s) and only ${words} word(s) of fixed text; write at least ${2 * variables + 1} words or use fewer variables.`,
    };
  }
  return null;
}
