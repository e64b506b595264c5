import { useEffect, useState } from "react";
import { api } from "../api";
import { useStream } from "../stream";
import { BarChart } from "../components/BarChart";

interface Row { key: string; conversations: number; resolved: number; first_response_median_s: number | null; resolution_median_s: number | null; csat_avg: number | null; csat_count: number }
type Group = "day" | "agent" | "team";

/** The supervisor's view: queues and agents live, then reports by day, agent or team with charts and CSV. */
export function Reports() {
  const [live, setLive] = useState<any>(null);
  const [group, setGroup] = useState<Group>("day");
  const [report, setReport] = useState<any>(null);
  const loadLive = () => api("GET", "/suite/api/reports/live").then(setLive);
  useEffect(() => { void loadLive(); }, []);
  useEffect(() => { void api("GET", `/suite/api/reports?group=${group}`).then(setReport); }, [group]);
  useStream((kind) => { if (kind === "conversation.updated" || kind === "agent.availability") void loadLive(); });

  const rows: Row[] = report?.rows ?? [];
  return (
    <div className="page">
      <h1>Reports</h1>
      <section aria-labelledby="live-title">
        <h2 id="live-title">Now</h2>
        <div className="cards">
          {live?.queues.map((q: any) => (
            <div className="card" key={q.team_id ?? "none"}><strong>{q.name}</strong><span>{q.waiting} waiting · {q.open} open</span>{q.oldest_waiting_s !== null && <span className="muted">oldest waiting {q.oldest_waiting_s}s</span>}</div>
          ))}
        </div>
        <table>
          <caption>Agents</caption>
          <thead><tr><th>Agent</th><th>Availability</th><th>Open</th><th>Awaiting first reply</th><th>Capacity</th></tr></thead>
          <tbody>{live?.agents.map((a: any) => <tr key={a.id}><td>{a.name}</td><td>{a.availability}</td><td>{a.open}</td><td>{a.awaiting_first_response}</td><td>{a.capacity}</td></tr>)}</tbody>
        </table>
      </section>
      <section aria-labelledby="report-title">
        <h2 id="report-title">Last 7 days</h2>
        <div className="toolbar">
          <label>Group by <select aria-label="Group by" value={group} onChange={(e) => setGroup(e.target.value as Group)}><option value="day">day</option><option value="agent">agent</option><option value="team">team</option></select></label>
          <a href={`/suite/api/reports?group=${group}&format=csv`} download>Export CSV</a>
        </div>
        <div className="charts">
          <BarChart title="Conversations" rows={rows.map((r) => ({ label: r.key, value: r.conversations }))} />
          <BarChart title="First response (median)" unit="s" rows={rows.map((r) => ({ label: r.key, value: r.first_response_median_s }))} />
        </div>
        <table aria-label="Report">
          <thead><tr><th>{group}</th><th>Conversations</th><th>Resolved</th><th>First response (median)</th><th>Resolution (median)</th><th>CSAT</th></tr></thead>
          <tbody>{rows.map((r) => (
            <tr key={r.key}><td>{r.key}</td><td>{r.conversations}</td><td>{r.resolved}</td><td data-metric="first-response">{r.first_response_median_s === null ? "—" : `${r.first_response_median_s}s`}</td>
              <td>{r.resolution_median_s === null ? "—" : `${r.resolution_median_s}s`}</td><td>{r.csat_avg === null ? "—" : `${r.csat_avg} (${r.csat_count})`}</td></tr>
          ))}</tbody>
        </table>
        {report && (
          <div className="charts">
            <BarChart title="Messages by status" rows={Object.entries(report.messages_by_status).map(([k, v]) => ({ label: k, value: v as number }))} />
            <BarChart title="Cost by category (from the pricing analytics)" rows={Object.entries(report.cost_by_category ?? {}).map(([k, v]) => ({ label: k, value: v as number }))} />
          </div>
        )}
      </section>
    </div>
  );
}
