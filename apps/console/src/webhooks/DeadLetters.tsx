import { useState } from "react";
import { api } from "../api";
import type { WebhookDeadLetter as DeadLetter, WebhookSubscriber as Subscriber } from "@openwaba/contracts/suite";
import { when } from "./webhook-types";

/** Events a subscriber never took in the retry period (7 days), with a redrive of one or all. */
export function DeadLetters({
  wabaId,
  letters,
  subscribers,
  onChange,
}: {
  wabaId: string;
  letters: DeadLetter[];
  subscribers: Subscriber[];
  onChange: () => void;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const redrive = async (ids?: number[]) => {
    const r = await api("POST", "/suite/api/webhooks/redrive", { waba_id: wabaId, ...(ids ? { ids } : {}) });
    setNotice(`${r.redriven} event(s) sent again.`);
    onChange();
  };
  const name = (id: string | null) => (id ? (subscribers.find((s) => s.app_id === id)?.name ?? id) : "every app");
  return (
    <section>
      <h3>
        Failed for good ({letters.length}){" "}
        {letters.length > 0 && (
          <button type="button" onClick={() => void redrive()}>
            Redrive all
          </button>
        )}
      </h3>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {letters.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Since</th>
              <th>App</th>
              <th>Field</th>
              <th>Attempts</th>
              <th>Last error</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {letters.map((d) => (
              <tr key={d.id}>
                <td>{when(d.created_at)}</td>
                <td>{name(d.app_id)}</td>
                <td>{d.field}</td>
                <td>{d.attempts}</td>
                <td>{d.last_error}</td>
                <td>
                  <button type="button" onClick={() => void redrive([d.id])}>
                    Redrive
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
