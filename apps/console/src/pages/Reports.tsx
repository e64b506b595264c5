import type { LiveReport, Report, ReportCost as Cost, ReportRange, ReportRow as Row } from "@openwaba/contracts/suite";
import { useEffect, useState } from "react";
import { ApiError, api } from "../api";
import { useStream } from "../stream";
import { BarChart } from "../components/BarChart";
import { money } from "../campaigns/campaign-words";

type Group = "day" | "agent" | "team";
type Preset = ReportRange["preset"];
/** What the report covers: a preset, or the days picked (YYYY-MM-DD, the business's days). */
interface Range {
  preset: Preset;
  from: string;
  to: string;
}

const PRESET_WORDS: Record<Preset, string> = {
  today: "Today",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  custom: "Custom range",
};
/** The suite decides which days a preset is (its clock and the business's time zone), not the browser. */
const rangeQuery = (r: Range) => (r.preset === "custom" ? `from=${r.from}&to=${r.to}` : `range=${r.preset}`);
const dayWords = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
  });
const total = (c: Cost) => Object.values(c.by_category).reduce((a, b) => a + b, 0);

/** The supervisor's view: queues and agents live, then reports by day, agent or team with charts and CSV. */
export function Reports() {
  const [live, setLive] = useState<LiveReport | null>(null);
  const [group, setGroup] = useState<Group>("day");
  const [range, setRange] = useState<Range>({ preset: "7d", from: "", to: "" });
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  /** The business's today, as the last preset said it (the suite's clock may have travelled). */
  const [today, setToday] = useState<string | undefined>(undefined);
  const loadLive = () => api("GET", "/suite/api/reports/live").then(setLive);
  useEffect(() => {
    void loadLive();
  }, []);
  useEffect(() => {
    if (range.preset === "custom" && (!range.from || !range.to)) return;
    let stale = false;
    api("GET", `/suite/api/reports?group=${group}&${rangeQuery(range)}`)
      .then((r) => {
        if (!stale) {
          setReport(r);
          setProblem(null);
          if (r.range.preset !== "custom") setToday(r.range.to_day);
        }
      })
      .catch((e) => {
        if (!stale)
          setProblem(
            e instanceof ApiError
              ? { field: e.body?.error?.field ?? null, message: e.message }
              : { field: null, message: String(e) },
          );
      });
    return () => {
      stale = true;
    };
  }, [group, range]);
  useStream((kind) => {
    if (kind === "conversation.updated" || kind === "agent.availability") void loadLive();
  });

  const shown: ReportRange | undefined = report?.range;
  // Custom starts from the days on screen; a day picker goes no further than the business's today.
  const pick = (preset: Preset) =>
    setRange(preset === "custom" && shown ? { preset, from: shown.from_day, to: shown.to_day } : { ...range, preset });
  const rows: Row[] = report?.rows ?? [];
  const costs: Cost[] | null = report ? report.cost : null;
  return (
    <div className="page">
      <h1>Reports</h1>
      <section aria-labelledby="live-title">
        <h2 id="live-title">Now</h2>
        <div className="cards">
          {live?.queues.map((q: any) => (
            <div className="card" key={q.team_id ?? "none"}>
              <strong>{q.name}</strong>
              <span>
                {q.waiting} waiting · {q.open} open
              </span>
              {q.oldest_waiting_s !== null && <span className="muted">oldest waiting {q.oldest_waiting_s}s</span>}
            </div>
          ))}
        </div>
        <table>
          <caption>Agents</caption>
          <thead>
            <tr>
              <th>Agent</th>
              <th>Availability</th>
              <th>Open</th>
              <th>Awaiting first reply</th>
              <th>Capacity</th>
            </tr>
          </thead>
          <tbody>
            {live?.agents.map((a: any) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{a.availability}</td>
                <td>{a.open}</td>
                <td>{a.awaiting_first_response}</td>
                <td>{a.capacity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="report-title">
        <h2 id="report-title">{PRESET_WORDS[range.preset]}</h2>
        <div className="toolbar report-range">
          <label>
            Period{" "}
            <select aria-label="Period" value={range.preset} onChange={(e) => pick(e.target.value as Preset)}>
              {(Object.keys(PRESET_WORDS) as Preset[]).map((p) => (
                <option key={p} value={p}>
                  {PRESET_WORDS[p]}
                </option>
              ))}
            </select>
          </label>
          {range.preset === "custom" && (
            <>
              <label>
                From{" "}
                <input
                  type="date"
                  aria-label="From"
                  value={range.from}
                  max={range.to || today}
                  aria-invalid={problem?.field === "from" || undefined}
                  onChange={(e) => setRange({ ...range, from: e.target.value })}
                />
              </label>
              <label>
                To{" "}
                <input
                  type="date"
                  aria-label="To"
                  value={range.to}
                  min={range.from}
                  max={today}
                  aria-invalid={problem?.field === "to" || undefined}
                  onChange={(e) => setRange({ ...range, to: e.target.value })}
                />
              </label>
            </>
          )}
          <label>
            Group by{" "}
            <select aria-label="Group by" value={group} onChange={(e) => setGroup(e.target.value as Group)}>
              <option value="day">day</option>
              <option value="agent">agent</option>
              <option value="team">team</option>
            </select>
          </label>
          <a href={`/suite/api/reports?group=${group}&${rangeQuery(range)}&format=csv`} download>
            Export CSV
          </a>
        </div>
        {problem && (
          <p role="alert" className="error">
            {problem.message}
          </p>
        )}
        {shown && (
          <p className="muted" data-testid="report-days">
            {shown.from_day === shown.to_day
              ? dayWords(shown.from_day)
              : `${dayWords(shown.from_day)} – ${dayWords(shown.to_day)}`}{" "}
            · {shown.days === 1 ? "1 day" : `${shown.days} days`} in {shown.time_zone}
          </p>
        )}
        <div className="charts">
          <BarChart title="Conversations" rows={rows.map((r) => ({ label: r.key, value: r.conversations }))} />
          <BarChart
            title="First response (median)"
            unit="s"
            rows={rows.map((r) => ({ label: r.key, value: r.first_response_median_s }))}
          />
        </div>
        <table aria-label="Report">
          <thead>
            <tr>
              <th>{group}</th>
              <th>Conversations</th>
              <th>Resolved</th>
              <th>First response (median)</th>
              <th>Resolution (median)</th>
              <th>CSAT</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{r.key}</td>
                <td>{r.conversations}</td>
                <td>{r.resolved}</td>
                <td data-metric="first-response">
                  {r.first_response_median_s === null ? "—" : `${r.first_response_median_s}s`}
                </td>
                <td>{r.resolution_median_s === null ? "—" : `${r.resolution_median_s}s`}</td>
                <td>{r.csat_avg === null ? "—" : `${r.csat_avg} (${r.csat_count})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {report && (
          <div className="charts">
            <BarChart
              title="Messages by status"
              rows={Object.entries(report.messages_by_status).map(([k, v]) => ({ label: k, value: v as number }))}
            />
            {costs === null ? (
              <p className="muted">The Cloud API's pricing analytics did not answer: no costs.</p>
            ) : (
              costs.map((c) => {
                const say = (v: number) => (c.currency ? money(v, c.currency) : String(v));
                return (
                  <div key={c.currency ?? "none"}>
                    <BarChart
                      title={`Cost by category (${c.currency ?? "currency unknown"}, from the pricing analytics)`}
                      format={say}
                      rows={Object.entries(c.by_category).map(([k, v]) => ({ label: k, value: v }))}
                    />
                    <p data-testid="cost-total">Total cost: {say(total(c))}</p>
                  </div>
                );
              })
            )}
          </div>
        )}
      </section>
    </div>
  );
}
