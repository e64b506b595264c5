import { useCallback, useEffect, useState } from "react";
import { ApiError, api } from "../api";
import { FlowDocumentEditor } from "../components/FlowDocumentEditor";
import { RunList } from "../components/RunList";
import { RunTrace } from "../components/RunTrace";
import type { FlowDetail } from "@openwaba/contracts/suite";
import { TRIGGER_LABEL } from "../flows/flow-words";

/** One flow (#/flows/<id>): its document with an outline and versions, or its runs and their traces. */
export function FlowEditor({ id, tab, runId }: { id: string; tab: "document" | "runs"; runId: string | null }) {
  const [flow, setFlow] = useState<FlowDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api<FlowDetail>("GET", `/suite/api/flows/${id}`)
        .then(setFlow)
        .catch((e) => setError(e.message)),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const setEnabled = async (enabled: boolean) => {
    setError(null);
    try {
      setFlow({ ...flow!, ...(await api<FlowDetail>("PATCH", `/suite/api/flows/${id}`, { enabled })) });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  if (!flow)
    return (
      <div className="page">
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : (
          "Loading…"
        )}
      </div>
    );

  return (
    <div className="page flow-editor">
      <p>
        <a href="#/flows">← All flows</a>
      </p>
      <h1>{flow.name}</h1>
      <div className="toolbar">
        <span>Trigger: {TRIGGER_LABEL[flow.trigger_type] ?? flow.trigger_type}</span>
        <span>
          {flow.live_version === null ? (
            <span className="badge">draft: never published</span>
          ) : (
            <>
              <span className={`badge ${flow.enabled ? "live" : "warn"}`}>{flow.enabled ? "enabled" : "disabled"}</span>{" "}
              live version {flow.live_version}
            </>
          )}
        </span>
        {flow.next_fire_at && <span>Next firing {new Date(flow.next_fire_at).toLocaleString()}</span>}
        {flow.live_version !== null && (
          <button type="button" onClick={() => void setEnabled(!flow.enabled)}>
            {flow.enabled ? "Disable" : "Enable"}
          </button>
        )}
        <a href={`/suite/api/flows/${id}/export`} download>
          Export
        </a>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <nav className="tabs" aria-label="Flow">
        <a href={`#/flows/${id}`} aria-current={tab === "document" ? "page" : undefined}>
          Document
        </a>
        <a href={`#/flows/${id}/runs`} aria-current={tab === "runs" ? "page" : undefined}>
          Runs
        </a>
      </nav>
      {tab === "document" ? (
        <FlowDocumentEditor flow={flow} onChanged={load} />
      ) : (
        <div className="runs-tab">
          <RunList flowId={id} selectedId={runId} />
          {runId && <RunTrace key={runId} id={runId} flowLink={false} />}
        </div>
      )}
    </div>
  );
}
