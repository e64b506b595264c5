import { useCallback, useEffect, useState } from "react";
import { ApiError, api } from "../api";
import type { RunTrace as Trace } from "@openwaba/contracts/suite";
import { STATE_WORDS, reasonWords, startedBy, stepWords } from "../flows/trace-words";

const when = (iso: string) => new Date(iso).toLocaleString();
const isEmpty = (v: unknown) =>
  v === null || v === undefined || (typeof v === "object" && !Object.keys(v as object).length);

/** One run of a flow: what the bot did step by step, what it knows, and a way to stop it. */
export function RunTrace({ id, flowLink }: { id: string; flowLink: boolean }) {
  const [run, setRun] = useState<Trace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api<Trace>("GET", `/suite/api/flow-runs/${id}`)
        .then(setRun)
        .catch((e) => setError(e.message)),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);
  // A running bot moves on by itself: the trace follows it while the run is active.
  useEffect(() => {
    if (run?.state !== "active") return;
    const t = setInterval(() => void load(), 2000);
    return () => clearInterval(t);
  }, [run?.state, load]);
  const stop = async () => {
    setError(null);
    try {
      await api("POST", `/suite/api/flow-runs/${id}/stop`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
    void load();
  };

  if (!run)
    return (
      <section className="run-trace">
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : (
          <p>Loading…</p>
        )}
      </section>
    );
  const known = run.vars
    ? ([
        ["Variables", run.vars.vars],
        ["Last answer", run.vars.reply],
        ["Event", run.vars.event],
        ["Last HTTP answer", run.vars.http],
      ] as const)
    : null;
  return (
    <section className="run-trace" aria-label="Run trace">
      <h2>
        Run of {run.flow_name ?? "a deleted flow"} <span className="muted">version {run.flow_version}</span>
      </h2>
      <p>
        <span className={`run-state ${run.state}`}>{STATE_WORDS[run.state]}</span>
        {run.end_reason && `: ${reasonWords(run.end_reason)}`}
        {" · "}customer +{run.wa_id} · <a href={`#/inbox/${run.conversation_id}`}>open the conversation</a>
        {flowLink && (
          <>
            {" "}
            · <a href={`#/flows/${run.flow_id}/runs`}>all runs of this flow</a>
          </>
        )}
      </p>
      <p className="muted">
        Started {when(run.started_at)} by {startedBy(run.trigger)}
        {run.ended_at && `, ended ${when(run.ended_at)}`}
        {run.waiting &&
          run.wait_until &&
          ` · at ${run.node}, waiting for ${run.waiting === "reply" ? "the customer's answer" : "a timer"} until ${when(run.wait_until)}`}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {run.state === "active" && (
        <button type="button" onClick={() => void stop()}>
          Stop the bot
        </button>
      )}
      <table className="trace">
        <thead>
          <tr>
            <th>Time</th>
            <th>Step</th>
            <th>Kind</th>
            <th>What happened</th>
          </tr>
        </thead>
        <tbody>
          {run.steps.map((s) => (
            <tr key={s.seq} className={`step ${s.kind}`}>
              <td>
                <time dateTime={s.at}>{new Date(s.at).toLocaleTimeString()}</time>
              </td>
              <td>{s.node && <code>{s.node}</code>}</td>
              <td>
                <span className="step-kind">{s.kind}</span>
              </td>
              <td>{stepWords(s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {known && <h3>What the bot knows</h3>}
      {!known ? null : known.every(([, v]) => isEmpty(v)) ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <dl className="run-vars">
          {known
            .filter(([, v]) => !isEmpty(v))
            .map(([label, v]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>
                  <pre>{JSON.stringify(v, null, 2)}</pre>
                </dd>
              </div>
            ))}
        </dl>
      )}
    </section>
  );
}
