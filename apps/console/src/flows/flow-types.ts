// The flows API as the console reads it. The document's types come from the suite's own schema
// (type-only: nothing of the server is bundled), so the outline keeps up with the node types.

import type {
  Condition,
  FlowDocument,
  FlowNode,
  FlowTrigger,
  MessageSpec,
  Validation,
} from "@openwaba/suite/flow-document";

export type { Condition, FlowDocument, FlowNode, FlowTrigger, MessageSpec, Validation };

export type RunState = "active" | "completed" | "handed_over" | "stopped" | "expired" | "failed";
export const RUN_STATES: RunState[] = ["active", "completed", "handed_over", "stopped", "expired", "failed"];

/** A problem the server found in a document: where (a dotted path) and what. */
export interface Problem {
  path: string;
  message: string;
}

export interface FlowSummary {
  id: string;
  name: string;
  enabled: boolean;
  trigger_type: FlowTrigger["type"];
  live_version: number | null;
  latest_version: number;
  next_fire_at: string | null;
  updated_at: string;
  runs: Partial<Record<RunState, number>>;
}

export interface FlowDetail extends Omit<FlowSummary, "runs"> {
  created_at: string;
  document: FlowDocument;
  versions?: { version: number; created_by: string | null; created_at: string }[];
  warnings?: Problem[];
}

export interface FlowRun {
  id: string;
  flow_id: string;
  flow_version: number;
  conversation_id: string;
  wa_id: string;
  state: RunState;
  node: string;
  waiting: "reply" | "timer" | null;
  wait_until: string | null;
  trigger: Record<string, any>;
  started_at: string;
  updated_at: string;
  ended_at: string | null;
  end_reason: string | null;
}

export interface RunStep {
  seq: number;
  node: string | null;
  kind: string;
  detail: Record<string, any>;
  at: string;
}

export interface RunTrace extends FlowRun {
  flow_name: string | null;
  /** What the bot gathered; null for agents (leads only). */
  vars: { vars: Record<string, unknown>; event: Record<string, unknown>; reply: unknown; http: unknown } | null;
  steps: RunStep[];
}
