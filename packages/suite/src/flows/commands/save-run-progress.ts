import type { Db } from "@openwaba/store";
import type { Suite } from "../../suite";
import type { FlowRun } from "../flow-runs";

/** What the interpreter moves as a run goes on: where it is, what it waits for, how often it asked. */
export type RunProgress = Partial<
  Pick<FlowRun, "node" | "waiting" | "wait_token" | "wait_until" | "attempts" | "steps">
>;

export interface SaveRunProgressProps {
  /** The run; saved only while it is still active (a person may have stopped it meanwhile). */
  runId: string;
  /** Its position, wait and counters as they change (what is left out stays). */
  progress: RunProgress;
  /** Its variables, answers and last HTTP reply, saved whole. */
  vars: unknown;
}

/**
 * Saves a run's position and variables while it is still active. Returns when it was saved, or
 * null when the run had ended (someone else ended it: the interpreter stops).
 */
export async function saveRunProgress(suite: Suite, tx: Db, p: SaveRunProgressProps): Promise<number | null> {
  const now = suite.clock.now();
  const r = await tx
    .updateTable("suite_flow_runs")
    .set({ ...p.progress, vars: JSON.stringify(p.vars), updated_at: now })
    .where("id", "=", p.runId)
    .where("state", "=", "active")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) ? now : null;
}
