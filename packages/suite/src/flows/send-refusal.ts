import { TRANSIENT_GRAPH_CODES } from "../client/transient-refusals";
import { SuiteError } from "../errors";

// What a failed send means for a run. A refusal that passes (a limit, an outage) or an error that
// is not the platform's (the network, a bug) is thrown on: the run's job is tried again. Any other
// refusal of the platform's is final: the run hands the conversation to a person.

/** The platform refused a message for good (not a passing limit): the run goes to a person. */
export class SendRefused extends Error {}

/** The platform's final refusal in a send's error, or null when the send should be tried again. */
export function finalRefusal(err: unknown): { message: string; code: number | null } | null {
  if (!(err instanceof SuiteError)) return null;
  const graph = err.extra.graph as { code?: number; message?: string } | undefined;
  if (!graph || TRANSIENT_GRAPH_CODES.has(Number(graph.code))) return null;
  return { message: err.message, code: graph.code ?? null };
}
