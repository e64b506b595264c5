import { useEffect, useState } from "react";
import { api } from "../api";
import type { Campaign } from "@openwaba/contracts/suite";
import { LIVE_STATES } from "../campaigns/live-states";
import { money, percent, when } from "../campaigns/campaign-words";
import { CampaignStateBadge } from "../components/CampaignStateBadge";
import { ProgressBar } from "../components/ProgressBar";

const REFRESH_MS = 5000;

/** Broadcast campaigns, newest first: where each is, how far it went, how it did, what it cost. */
export function Campaigns() {
  const [list, setList] = useState<Campaign[] | null>(null);
  useEffect(() => {
    void api<{ data: Campaign[] }>("GET", "/suite/api/campaigns").then((r) => setList(r.data));
  }, []);
  const moving = !!list?.some((c) => LIVE_STATES.includes(c.state));
  useEffect(() => {
    if (!moving) return;
    const t = setInterval(
      () =>
        void api<{ data: Campaign[] }>("GET", "/suite/api/campaigns")
          .then((r) => setList(r.data))
          .catch(() => undefined),
      REFRESH_MS,
    );
    return () => clearInterval(t);
  }, [moving]);

  return (
    <div className="page">
      <h1>Campaigns</h1>
      <p className="muted">
        An approved template to many customers at once, each with their own values, at a pace the number allows.
      </p>
      <div className="toolbar">
        <a className="button primary" href="#/campaigns/new">
          New campaign
        </a>
      </div>
      {list && !list.length ? (
        <p className="muted">No campaigns yet.</p>
      ) : (
        <table className="campaigns" aria-label="Campaigns">
          <thead>
            <tr>
              <th>Name</th>
              <th>State</th>
              <th>Template</th>
              <th>Sent</th>
              <th>Delivered</th>
              <th>Read</th>
              <th>Replied</th>
              <th>Failed</th>
              <th>Cost</th>
              <th>Created</th>
              <th>Started</th>
              <th>Completed</th>
            </tr>
          </thead>
          <tbody>
            {(list ?? []).map((c) => {
              const p = c.progress;
              return (
                <tr key={c.id}>
                  <td>
                    <a href={`#/campaigns/${c.id}`}>{c.name}</a>
                  </td>
                  <td>
                    <CampaignStateBadge state={c.state} />
                  </td>
                  <td>
                    {c.spec.template.name} <span className="muted">{c.spec.template.language}</span>
                  </td>
                  <td className="progress-cell">
                    {p ? <ProgressBar value={p.sent} max={p.recipients} label={`Sent of ${c.name}`} /> : "—"}
                  </td>
                  <td>{percent(p?.rates.delivered ?? null)}</td>
                  <td>{percent(p?.rates.read ?? null)}</td>
                  <td>{percent(p?.rates.replied ?? null)}</td>
                  <td>{percent(p?.rates.failed ?? null)}</td>
                  <td>{p ? money(p.cost.total, p.cost.currency) : "—"}</td>
                  <td>{when(c.created_at)}</td>
                  <td>{when(c.started_at)}</td>
                  <td>{when(c.completed_at)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
