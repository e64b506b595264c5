import { useEffect, useState, type FormEvent } from "react";
import { ApiError, api } from "../api";
import type { MessageStatus } from "@openwaba/contracts/suite";
import { when } from "./webhook-types";

const errorWords = (m: MessageStatus) =>
  m.errors.map((e) => `${e.code} ${e.title}: ${e.error_data.details}`).join("; ");

/** What became of the messages sent (by the inbox, a campaign, a bot or a script): a status webhook's news without a receiver. */
export function MessageStatuses({ wabaId, refreshKey }: { wabaId: string; refreshKey: number }) {
  const [rows, setRows] = useState<MessageStatus[]>([]);
  const [id, setId] = useState("");
  const [found, setFound] = useState<MessageStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api("GET", `/suite/api/webhooks/messages?waba_id=${wabaId}&limit=20`)
      .then((r) => setRows(r.data))
      .catch(() => undefined);
  }, [wabaId, refreshKey]);
  const look = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setFound(null);
    try {
      setFound(await api("GET", `/suite/api/webhooks/messages/${encodeURIComponent(id.trim())}?waba_id=${wabaId}`));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <section>
      <h3>Messages sent, and what became of them</h3>
      <form className="inline" onSubmit={look}>
        <input aria-label="Message id" placeholder="wamid.…" value={id} onChange={(e) => setId(e.target.value)} />
        <button type="submit" disabled={!id.trim()}>
          Find
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {found && (
        <p role="status" className={found.status === "failed" ? "error" : ""}>
          {found.id}: <strong>{found.status}</strong>
          {found.errors.length > 0 && ` — ${errorWords(found)}`} (to +{found.wa_id}, {when(found.updated_at)})
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>Sent</th>
            <th>To</th>
            <th>Type</th>
            <th>Status</th>
            <th>Error</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} className={m.status === "failed" ? "failed-row" : ""}>
              <td>{when(m.created_at)}</td>
              <td>+{m.wa_id}</td>
              <td>{m.type}</td>
              <td>{m.status}</td>
              <td>{errorWords(m)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
