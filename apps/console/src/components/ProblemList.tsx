import type { DocumentProblem as Problem } from "@openwaba/contracts/suite";

/** Problems the server found in a flow document, each with where it is (a dotted path). */
export function ProblemList({ title, problems, error }: { title: string; problems: Problem[]; error: boolean }) {
  if (!problems.length) return null;
  return (
    <div className={`problems ${error ? "error" : "warning"}`} role={error ? "alert" : "status"}>
      <strong>{title}</strong>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {p.path && <code>{p.path}</code>} {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The `errors` of a 400 invalid_flow answer, or the error's message as the one problem. */
export function problemsOf(err: unknown): Problem[] {
  const body = (err as { body?: { error?: { errors?: Problem[]; message?: string } } }).body;
  return body?.error?.errors ?? [{ path: "", message: body?.error?.message ?? String((err as Error)?.message ?? err) }];
}
