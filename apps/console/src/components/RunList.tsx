import { useEffect, useState } from "react";
import { api } from "../api";
import { runState, type FlowRun } from "@openwaba/contracts/suite";
import { STATE_WORDS, reasonWords, startedBy } from "../flows/trace-words";

/** A flow's runs, newest first, by state; each opens its trace. */
export function RunList({ flowId, selectedId }: { flowId: string; selectedId: string | null }) {
  const [state, setState] = useState("");
  const [runs, setRuns] = useState<FlowRun[] | null>(null);
  useEffect(() => {
    const load = () =>
      api("GET", `/suite/api/flows/${flowId}/runs?limit=100${state ? `&state=${state}` : ""}`)
        .then((r) => setRuns(r.data))
        .catch(() => undefined);
    void load();
    const t = setInterval(load, 5000); // runs start and end without anyone here: look now and then
    return () => clearInterval(t);
  }, [flowId, state]);
  return (
    <section aria-label="Runs">
      <div className="toolbar">
        <label>
          State{" "}
          <select aria-label="Run state" value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">all</option>
            {runState.options.map((s) => (
              <option key={s} value={s}>
                {STATE_WORDS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {runs && !runs.length ? (
        <p className="muted">No runs{state ? ` ${STATE_WORDS[state as FlowRun["state"]]}` : ""} yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Started</th>
              <th>Customer</th>
              <th>Started by</th>
              <th>Version</th>
              <th>State</th>
              <th>Where / why it ended</th>
            </tr>
          </thead>
          <tbody>
            {(runs ?? []).map((r) => (
              <tr key={r.id} aria-current={r.id === selectedId ? "true" : undefined}>
                <td>
                  <a href={`#/flows/${flowId}/runs/${r.id}`}>{new Date(r.started_at).toLocaleString()}</a>
                </td>
                <td>+{r.wa_id}</td>
                <td>{startedBy(r.trigger)}</td>
                <td>{r.flow_version}</td>
                <td>
                  <span className={`run-state ${r.state}`}>{STATE_WORDS[r.state]}</span>
                </td>
                <td>
                  {r.state === "active" ? (
                    <>
                      <code>{r.node}</code>
                      {r.waiting && ` (waiting for ${r.waiting === "reply" ? "an answer" : "a timer"})`}
                    </>
                  ) : (
                    reasonWords(r.end_reason)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
