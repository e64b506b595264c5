import type { Alert } from "@openwaba/contracts/suite";
import { useEffect, useState } from "react";
import { api } from "../api";
import { useStream } from "../stream";
import { formatNumber, testNumber } from "../numbers/phone-number-words";

/** The business's numbers as the Cloud API reports them, and the alerts about numbers and templates. */
export function Numbers() {
  const [numbers, setNumbers] = useState<any[]>([]);
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const load = () => {
    void api("GET", "/suite/api/numbers").then((r) => setNumbers(r.data));
    void api("GET", "/suite/api/alerts")
      .then((r) => setAlerts(r.data))
      .catch(() => undefined);
  };
  useEffect(load, []);
  useStream((kind, data) => {
    if (kind === "alert.created") {
      setAlerts((a) => [data.alert, ...a]);
      void api("GET", "/suite/api/numbers").then((r) => setNumbers(r.data));
    }
  });
  return (
    <div className="page">
      <h1>Numbers</h1>
      <table>
        <thead>
          <tr>
            <th>Number</th>
            <th>Name</th>
            <th>Status</th>
            <th>Quality</th>
            <th>Messaging limit</th>
            <th>Throughput</th>
          </tr>
        </thead>
        <tbody>
          {numbers.map((n) => (
            <tr key={n.id}>
              <td>
                {formatNumber(n.display_phone_number)}
                {testNumber(n.display_phone_number) && <span className="muted"> · test number</span>}
              </td>
              <td>{n.verified_name}</td>
              <td>{n.status}</td>
              <td className={`quality ${n.quality_rating}`}>{n.quality_rating}</td>
              <td>{n.whatsapp_business_manager_messaging_limit ?? n.messaging_limit_tier}</td>
              <td>{n.throughput?.level}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>
        Alerts <button onClick={() => void api("POST", "/suite/api/alerts/read").then(load)}>Mark all read</button>
      </h2>
      <ul className="alerts" aria-live="polite">
        {alerts.map((a) => (
          <li key={a.id} className={`alert ${a.severity} ${a.read ? "read" : ""}`}>
            <time dateTime={a.at}>{new Date(a.at).toLocaleString()}</time> {a.title}
          </li>
        ))}
        {!alerts.length && <li className="muted">No alerts.</li>}
      </ul>
    </div>
  );
}
