import { useEffect, useState } from "react";
import { api } from "../api";
import { type Progress, type Recipient, type RecipientState, recipientState } from "@openwaba/contracts/suite";
import { RECIPIENT_WORDS, countryName, money, when } from "../campaigns/campaign-words";

const PAGE = 50;
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString() : "");

/** Each recipient's state, filtered by state (or replies) and paged; the whole list as CSV. */
export function RecipientTable({ campaignId, progress }: { campaignId: string; progress: Progress }) {
  const [state, setState] = useState<RecipientState | "">("");
  const [replied, setReplied] = useState(false);
  const [offset, setOffset] = useState(0);
  const [rows, setRows] = useState<Recipient[]>([]);
  // Looked at again whenever the counts move (the campaign page follows them).
  const counts = JSON.stringify(progress.by_state) + progress.replied;
  useEffect(() => {
    const q = new URLSearchParams({
      limit: String(PAGE),
      offset: String(offset),
      ...(state ? { state } : {}),
      ...(replied ? { replied: "true" } : {}),
    });
    void api<{ data: Recipient[] }>("GET", `/suite/api/campaigns/${campaignId}/recipients?${q}`)
      .then((r) => setRows(r.data))
      .catch(() => undefined);
  }, [campaignId, state, replied, offset, counts]);
  const total = replied ? (state ? null : progress.replied) : state ? progress.by_state[state] : progress.recipients;
  const filter = (f: () => void) => {
    f();
    setOffset(0);
  };

  return (
    <section className="recipients" aria-label="Recipients">
      <h2>Recipients</h2>
      <div className="toolbar">
        <label>
          State{" "}
          <select
            aria-label="Recipient state"
            value={state}
            onChange={(e) => filter(() => setState(e.target.value as RecipientState | ""))}
          >
            <option value="">all</option>
            {recipientState.options.map((s) => (
              <option key={s} value={s}>
                {RECIPIENT_WORDS[s]} ({progress.by_state[s]})
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={replied} onChange={(e) => filter(() => setReplied(e.target.checked))} />
          replied only
        </label>
        <span className="spacer" />
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          ← Previous
        </button>
        <span>
          {rows.length
            ? `${offset + 1}–${offset + rows.length}${total !== null ? ` of ${total.toLocaleString()}` : ""}`
            : "none"}
        </span>
        <button
          type="button"
          disabled={rows.length < PAGE || (total !== null && offset + PAGE >= total)}
          onClick={() => setOffset(offset + PAGE)}
        >
          Next →
        </button>
        <a href={`/suite/api/campaigns/${campaignId}/recipients.csv`} download>
          Download CSV
        </a>
      </div>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>Number</th>
            <th>Country</th>
            <th>State</th>
            <th>Due</th>
            <th>Sent</th>
            <th>Delivered</th>
            <th>Read</th>
            <th>Replied</th>
            <th>Cost</th>
            <th>Problem</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.seq} className={r.state === "failed" ? "failed-row" : undefined}>
              <td>{r.seq}</td>
              <td>{r.phone}</td>
              <td>{countryName(r.country)}</td>
              <td>
                <span className={`recipient-state ${r.state}`}>{RECIPIENT_WORDS[r.state]}</span>
              </td>
              <td>{r.state === "pending" ? when(r.due_at) : ""}</td>
              <td>{time(r.sent_at)}</td>
              <td>{time(r.delivered_at)}</td>
              <td>{time(r.read_at)}</td>
              <td>
                {time(r.replied_at)}
                {r.opted_out_at ? " (opted out)" : ""}
              </td>
              <td>{r.cost === null ? "" : money(r.cost, progress.cost.currency)}</td>
              <td>
                {r.error
                  ? [r.error.code, r.error.title ?? r.error.retry, r.error.details].filter(Boolean).join(" · ")
                  : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
