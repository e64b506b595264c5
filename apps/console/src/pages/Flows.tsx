import { useEffect, useState } from "react";
import { api } from "../api";
import { go } from "../route";
import { ProblemList, problemsOf } from "../components/ProblemList";
import { FLOW_EXAMPLES } from "../flows/flow-examples";
import { runState, type FlowSummary, type DocumentProblem as Problem } from "@openwaba/contracts/suite";
import { TRIGGER_LABEL } from "../flows/flow-words";
import { STATE_WORDS } from "../flows/trace-words";

/** Automation flows: what starts each, which version is live, how its runs went; new ones from examples or a file. */
export function Flows() {
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    void api("GET", "/suite/api/flows").then((r) => setFlows(r.data));
  }, []);

  const create = async (document: unknown, path = "/suite/api/flows", body: unknown = { document }) => {
    setProblems([]);
    try {
      go(`flows/${(await api("POST", path, body)).id}`);
    } catch (e) {
      setProblems(problemsOf(e));
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (e) {
      setProblems([{ path: file.name, message: `not JSON: ${(e as Error).message}` }]);
      return;
    }
    await create(json, "/suite/api/flows/import", json);
  };

  return (
    <div className="page">
      <h1>Flows</h1>
      <p className="muted">
        Bots that talk to customers: a flow starts on its trigger, sends and asks, calls your systems, and hands over to
        a person when it should.
      </p>
      <div className="toolbar">
        <details className="new-flow">
          <summary>New flow</summary>
          <ul>
            {FLOW_EXAMPLES.map((x) => (
              <li key={x.key}>
                <button type="button" onClick={() => void create(x.document)}>
                  {x.title}
                </button>{" "}
                <span className="muted">{x.description}</span>
              </li>
            ))}
          </ul>
        </details>
        <label className="attach">
          Import a .flow.json file
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Import a flow file"
            onChange={(e) => {
              void importFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
        </label>
      </div>
      <ProblemList title="The flow was not made:" problems={problems} error />
      {flows && !flows.length ? (
        <p className="muted">No flows yet: start from an example.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Trigger</th>
              <th>Status</th>
              <th>Version</th>
              <th>Runs</th>
              <th>Next firing</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(flows ?? []).map((f) => (
              <tr key={f.id}>
                <td>
                  <a href={`#/flows/${f.id}`}>{f.name}</a>
                </td>
                <td>{TRIGGER_LABEL[f.trigger_type] ?? f.trigger_type}</td>
                <td>
                  {f.live_version === null ? (
                    <span className="badge">draft</span>
                  ) : f.enabled ? (
                    <span className="badge live">enabled</span>
                  ) : (
                    <span className="badge warn">disabled</span>
                  )}
                </td>
                <td>
                  {f.live_version === null
                    ? `v${f.latest_version} (not published)`
                    : `live v${f.live_version}${f.latest_version > f.live_version ? ` · latest v${f.latest_version}` : ""}`}
                </td>
                <td>
                  {runState.options
                    .filter((s) => f.runs[s])
                    .map((s) => `${f.runs[s]} ${STATE_WORDS[s]}`)
                    .join(" · ") || "—"}
                </td>
                <td>{f.next_fire_at ? new Date(f.next_fire_at).toLocaleString() : "—"}</td>
                <td>
                  <a href={`/suite/api/flows/${f.id}/export`} download>
                    Export
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
