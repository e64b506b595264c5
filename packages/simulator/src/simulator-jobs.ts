import { z } from "zod";
import { defineQueue, type JobCatalog } from "@openwaba/store";

export const SIM_QUEUE = "simulator";

/** The simulator's jobs: a phone's steps that wait (delivered after its delay, read later). */
export function simulatorJobs(o: { claimTimeoutMs: number }) {
  const simulator = defineQueue({
    name: SIM_QUEUE,
    ordered: false,
    batchSize: 100,
    visibilityMs: o.claimTimeoutMs,
    retry: { maxAttempts: 20, backoff: { baseMs: 500, capMs: 30_000 }, exhausted: "bury" },
  });
  const message = z.object({ id: z.string() });
  return {
    /** The message reaches the user's phone (if it is online then; otherwise when it comes online). */
    "sim.deliver": { queue: simulator, schema: message, kind: "deliver" },
    /** The user reads the message. */
    "sim.read": { queue: simulator, schema: message, kind: "read" },
  } satisfies JobCatalog;
}

export type SimulatorJobs = ReturnType<typeof simulatorJobs>;
