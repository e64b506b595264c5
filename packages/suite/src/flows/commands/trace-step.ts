import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";

export interface TraceStepProps {
  /** The run whose trace it goes on. */
  runId: string;
  /** The node it happened at; null: the run as a whole (started, ended, gave up). */
  node: string | null;
  /** What happened: "enter", "sent", "answer", "waiting", "ended" … (the console words them). */
  kind: string;
  /** What the console shows of it (never secrets: leads and agents read traces). */
  detail?: Record<string, unknown>;
}

/** Adds a line to a run's trace. */
export async function traceStep(suite: Suite, tx: Db, p: TraceStepProps): Promise<void> {
  await tx
    .insertInto("suite_flow_steps")
    .values({
      run_id: p.runId,
      node: p.node,
      kind: p.kind,
      detail: JSON.stringify(p.detail ?? {}),
      at: suite.clock.now(),
    })
    .execute();
}
