import { useEffect, useState } from "react";
import { ApiError, api } from "../api";
import type { FlowSummary } from "@openwaba/contracts/suite";

/** Hands the conversation to a published flow an agent may start (trigger "manual"): a survey, a form. */
export function StartFlow({
  conversationId,
  onError,
}: {
  conversationId: string;
  onError: (e: string | null) => void;
}) {
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  useEffect(() => {
    void api("GET", "/suite/api/flows")
      .then((r) =>
        setFlows(
          r.data.filter((f: FlowSummary) => f.trigger_type === "manual" && f.enabled && f.live_version !== null),
        ),
      )
      .catch(() => undefined);
  }, []);
  if (!flows.length) return null;
  const start = async (flowId: string) => {
    onError(null);
    try {
      await api("POST", `/suite/api/conversations/${conversationId}/flow`, { flow_id: flowId });
    } catch (e) {
      onError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <select aria-label="Start flow" value="" onChange={(e) => e.target.value && void start(e.target.value)}>
      <option value="">Start flow…</option>
      {flows.map((f) => (
        <option key={f.id} value={f.id}>
          {f.name}
        </option>
      ))}
    </select>
  );
}
