import type { Db } from "@openwaba/store";
import type { Suite } from "../suite";

/** What moves a run on: its start, a reply (perhaps asking for a person), a timer. */
export type RunInput =
  | { kind: "start" }
  | {
      kind: "reply";
      messageId: string;
      reply: { type: string; text: string; id: string | null };
      asksForHuman?: boolean;
    }
  | { kind: "timer"; token: string };

/** Queues an input for a run; inputs of one conversation are handled one at a time, in order. */
export async function queueRunInput(
  suite: Suite,
  tx: Db,
  run: { id: string; conversation_id: string },
  input: RunInput,
): Promise<void> {
  await suite.jobs.enqueue(
    tx,
    "flow.input",
    { runId: run.id, input },
    { key: run.conversation_id, runAt: suite.clock.now() },
  );
}
