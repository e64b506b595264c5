import { ApiError } from "../api";

// A 400 answer names the field it is about (`error.field`, a dotted path such as
// "schedule.time" or "template.parameters.1"); forms show its message next to that field.

export interface FieldProblem {
  field: string;
  message: string;
}

/** The problem of an API error, with its field ("" when it names none). */
export const problemOf = (err: unknown): FieldProblem => ({
  field: err instanceof ApiError ? String(err.body?.error?.field ?? "") : "",
  message: err instanceof Error ? err.message : String(err),
});

/** Whether a problem is about the field at `path` or something inside it. */
export const isAt = (p: FieldProblem | null, path: string) =>
  !!p && !!p.field && (p.field === path || p.field.startsWith(`${path}.`));

export function FieldError({ problem, at }: { problem: FieldProblem | null; at: string }) {
  if (!problem || !isAt(problem, at)) return null;
  return (
    <p className="error field-error" role="alert" data-field={problem.field}>
      {problem.message}
    </p>
  );
}
