import { useEffect, useState } from "react";
import { ApiError, api } from "../api";
import { DeadLetters } from "../webhooks/DeadLetters";
import { DeliveryLog } from "../webhooks/DeliveryLog";
import { MessageStatuses } from "../webhooks/MessageStatuses";
import { SubscriberList } from "../webhooks/SubscriberList";
import type { WabaWebhooks } from "@openwaba/contracts/suite";

/** Webhooks, for debugging a receiver: who gets the WABA's events, each delivery, what failed for good, and what became of the messages sent. */
export function Webhooks() {
  const [data, setData] = useState<WabaWebhooks[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const load = () =>
    api("GET", "/suite/api/webhooks").then(
      (r) => {
        setData(r.data);
        setTick((t) => t + 1);
      },
      (err) => setError(err instanceof ApiError ? err.message : String(err)),
    );
  useEffect(() => {
    void load();
  }, []);
  if (error)
    return (
      <div className="page">
        <h1>Webhooks</h1>
        <p className="error" role="alert">
          {error}
        </p>
      </div>
    );
  if (!data)
    return (
      <div className="page">
        <h1>Webhooks</h1>
        <p>Loading…</p>
      </div>
    );
  return (
    <div className="page webhooks">
      <h1>Webhooks</h1>
      {data.map((w) => (
        <section key={w.waba_id}>
          <h2>WABA {w.waba_id}</h2>
          {w.subscribers === null ? (
            <>
              <p className="muted">
                This Cloud API keeps no delivery history (Meta's does not): only your receiver sees what was delivered.
              </p>
              <ul>
                {w.subscriptions.map((s: any) => (
                  <li key={s.whatsapp_business_api_data?.id}>
                    {s.whatsapp_business_api_data?.name} {s.override_callback_uri ? `→ ${s.override_callback_uri}` : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <SubscriberList wabaId={w.waba_id} subscribers={w.subscribers} onChange={() => void load()} />
              <DeliveryLog wabaId={w.waba_id} subscribers={w.subscribers} refreshKey={tick} />
              {w.dead_letters && (
                <DeadLetters
                  wabaId={w.waba_id}
                  letters={w.dead_letters}
                  subscribers={w.subscribers}
                  onChange={() => void load()}
                />
              )}
              <MessageStatuses wabaId={w.waba_id} refreshKey={tick} />
            </>
          )}
        </section>
      ))}
    </div>
  );
}
