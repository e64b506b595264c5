import { z } from "zod";
import { instant } from "./conversations";
import { flowDocumentSchema } from "./flow-document";

// The flows API's answers (packages/suite/src/flows/flows.routes.ts): flows with their versions,
// runs and their traces. The document itself is the flow document schema (./flow-document).

export const runState = z.enum(["active", "completed", "handed_over", "stopped", "expired", "failed"]);
export type RunState = z.infer<typeof runState>;

/** What starts a flow: the type of its document's trigger. */
export const triggerType = z.enum([
  "first_message",
  "keyword",
  "outside_hours",
  "button",
  "event",
  "schedule",
  "conversation_resolved",
  "manual",
]);

/** A problem the server found in a document: where (a dotted path) and what. */
export const documentProblem = z.object({ path: z.string(), message: z.string() });

/** A flow in GET /suite/api/flows: its live and latest versions, and its runs by state. */
export const flowSummary = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  trigger_type: triggerType,
  live_version: z.number().int().nullable(),
  latest_version: z.number().int(),
  next_fire_at: instant.nullable(),
  updated_at: instant,
  runs: z.partialRecord(runState, z.number().int()),
});
export type FlowSummary = z.infer<typeof flowSummary>;

/** GET /suite/api/flows. */
export const flowList = z.object({ data: z.array(flowSummary) });

/** A flow with its latest document (GET, POST, PUT, PATCH /suite/api/flows…); what was saved may warn. */
export const flowDetail = flowSummary.omit({ runs: true }).extend({
  created_at: instant,
  document: flowDocumentSchema,
  versions: z
    .array(z.object({ version: z.number().int(), created_by: z.string().nullable(), created_at: instant }))
    .optional(),
  warnings: z.array(documentProblem).optional(),
});
export type FlowDetail = z.infer<typeof flowDetail>;

/** A run of a flow in one conversation: where it is and what it waits for. */
export const flowRun = z.object({
  id: z.string(),
  flow_id: z.string(),
  flow_version: z.number().int(),
  conversation_id: z.string(),
  wa_id: z.string(),
  state: runState,
  node: z.string(),
  waiting: z.enum(["reply", "timer"]).nullable(),
  wait_until: instant.nullable(),
  trigger: z.record(z.string(), z.any()),
  started_at: instant,
  updated_at: instant,
  ended_at: instant.nullable(),
  end_reason: z.string().nullable(),
});
export type FlowRun = z.infer<typeof flowRun>;

/** GET /suite/api/flows/:id/runs. */
export const flowRunList = z.object({ data: z.array(flowRun) });

/** One step of a run's trace. */
export const runStep = z.object({
  seq: z.number().int(),
  node: z.string().nullable(),
  kind: z.string(),
  detail: z.record(z.string(), z.any()),
  at: instant,
});
export type RunStep = z.infer<typeof runStep>;

/** GET /suite/api/flow-runs/:id: the run, its flow's name and its steps. */
export const runTrace = flowRun.extend({
  flow_name: z.string().nullable(),
  /** What the bot gathered; null for agents (leads only). */
  vars: z
    .object({
      vars: z.record(z.string(), z.unknown()),
      event: z.record(z.string(), z.unknown()),
      reply: z.unknown(),
      http: z.unknown(),
    })
    .nullable(),
  steps: z.array(runStep),
});
export type RunTrace = z.infer<typeof runTrace>;
