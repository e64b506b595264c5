import { Fragment, useEffect, useState } from "react";
import { ApiError, api } from "../api";
import type { WebhookDelivery as Delivery, WebhookSubscriber as Subscriber } from "@openwaba/contracts/suite";
import { readable, when } from "./webhook-types";

/**
 * Each POST to each subscriber, newest first: when, where, what, the receiver's status and time;
 * a row opens to the exact request and the start of the answer, and can be sent again.
 */
export function DeliveryLog({
  wabaId,
  subscribers,
  refreshKey,
}: {
  wabaId: string;
  subscribers: Subscriber[];
  refreshKey: number;
}) {
  const [rows, setRows] = useState<Delivery[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [failedOnly, setFailedOnly] = useState(false);
  const [appId, setAppId] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query = (before?: string) => {
    const q = new URLSearchParams({ waba_id: wabaId, limit: "25" });
    if (failedOnly) q.set("ok", "false");
    if (appId) q.set("app_id", appId);
    if (before) q.set("before", before);
    return `/suite/api/webhooks/deliveries?${q}`;
  };
  const load = async () => {
    const r = await api("GET", query());
    setRows(r.data);
    setNext(r.paging.next_before);
  };
  useEffect(() => {
    void load().catch(() => undefined);
  }, [wabaId, failedOnly, appId, refreshKey]);
  const older = async () => {
    if (!next) return;
    const r = await api("GET", query(next));
    setRows([...rows, ...r.data]);
    setNext(r.paging.next_before);
  };
  const resend = async (d: Delivery) => {
    try {
      const r = await api("POST", `/suite/api/webhooks/deliveries/${d.id}/resend`, { waba_id: wabaId });
      setNotice(r.success ? `Sent again: ${r.delivery.result}.` : `Sent again and failed: ${r.delivery.result}`);
      await load();
    } catch (err) {
      setNotice(err instanceof ApiError ? err.message : String(err));
    }
  };
  const name = (id: string) => subscribers.find((s) => s.app_id === id)?.name ?? id;
  return (
    <section className="deliveries">
      <h3>Deliveries</h3>
      <div className="inline filters">
        <label>
          <input type="checkbox" checked={failedOnly} onChange={(e) => setFailedOnly(e.target.checked)} /> Failed only
        </label>
        <select aria-label="App" value={appId} onChange={(e) => setAppId(e.target.value)}>
          <option value="">Every app</option>
          {subscribers.map((s) => (
            <option key={s.app_id} value={s.app_id}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">No deliveries {failedOnly ? "failed" : "yet"}.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>App</th>
              <th>To</th>
              <th>Fields</th>
              <th>Events</th>
              <th>Answer</th>
              <th>Time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <Fragment key={d.id}>
                <tr
                  className={`delivery ${d.ok ? "" : "failed-row"}`}
                  onClick={() => setOpen(open === d.id ? null : d.id)}
                  aria-expanded={open === d.id}
                >
                  <td>
                    {when(d.at)}
                    {d.redelivery && <span className="badge">{d.resend_of ? "resent" : "retry"}</span>}
                  </td>
                  <td>{name(d.app_id)}</td>
                  <td>{d.url}</td>
                  <td>{d.fields.join(", ")}</td>
                  <td>{d.events}</td>
                  <td>
                    {d.status ?? "no answer"}
                    {!d.ok && (
                      <>
                        <br />
                        <span className="muted">{d.result}</span>
                      </>
                    )}
                  </td>
                  <td>{d.ms} ms</td>
                </tr>
                {open === d.id && (
                  <tr className="delivery-detail">
                    <td colSpan={7}>
                      <div className="inline">
                        <strong>Request</strong>{" "}
                        <span className="muted">
                          ({d.request.length.toLocaleString()} bytes, signed with X-Hub-Signature-256)
                        </span>
                        <button type="button" onClick={() => void resend(d)}>
                          Resend
                        </button>
                      </div>
                      <pre aria-label="Request body">{readable(d.request)}</pre>
                      <strong>Answer</strong> <span className="muted">{d.status ? `HTTP ${d.status}` : d.result}</span>
                      <pre aria-label="Answer body">{d.response ? readable(d.response) : "(empty)"}</pre>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" onClick={() => void older()}>
          Older deliveries
        </button>
      )}
    </section>
  );
}
