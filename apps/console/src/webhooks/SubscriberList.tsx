import { useState } from "react";
import { ApiError, api } from "../api";
import type { WebhookSubscriber as Subscriber } from "@openwaba/contracts/suite";

/** The apps subscribed to the WABA: where their events go (or that none go anywhere), their backlog, and a test button. */
export function SubscriberList({
  wabaId,
  subscribers,
  onChange,
}: {
  wabaId: string;
  subscribers: Subscriber[];
  onChange: () => void;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const test = async (s: Subscriber) => {
    setNotice(null);
    try {
      const r = await api("POST", "/suite/api/webhooks/test", { waba_id: wabaId, app_id: s.app_id });
      const x = r.results[0];
      setNotice(
        x.ok ? `Test message delivered to ${s.name} (${x.result}).` : `Test message to ${s.name} failed: ${x.result}`,
      );
    } catch (err) {
      setNotice(err instanceof ApiError ? err.message : String(err));
    }
    onChange();
  };
  return (
    <>
      <table className="subscribers">
        <caption>Subscribed apps</caption>
        <thead>
          <tr>
            <th>App</th>
            <th>Events go to</th>
            <th>Fields</th>
            <th>Waiting</th>
            <th>Failed for good</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {subscribers.map((s) => (
            <tr key={s.app_id}>
              <td>
                {s.name}
                <br />
                <span className="muted">{s.app_id}</span>
              </td>
              <td>
                {s.callback_url ? (
                  <>
                    {s.callback_url}
                    <br />
                    <span className="muted">
                      {s.via === "override" ? "this WABA's override" : "the app's callback"}
                    </span>
                  </>
                ) : (
                  <span className="warning-text">No callback: nothing is delivered to this app</span>
                )}
              </td>
              <td>{s.fields ? s.fields.join(", ") : "all"}</td>
              <td>{s.waiting}</td>
              <td>{s.dead}</td>
              <td>
                {s.callback_url && (
                  <button type="button" onClick={() => void test(s)}>
                    Send test
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
    </>
  );
}
