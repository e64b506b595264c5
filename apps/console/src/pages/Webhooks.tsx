import { useEffect, useState } from "react";
import { api } from "../api";

/** Webhooks: which apps are subscribed to the WABA, the last deliveries, and what failed for good (with redrive). */
export function Webhooks() {
  const [data, setData] = useState<any[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const load = () => api("GET", "/suite/api/webhooks").then((r) => setData(r.data));
  useEffect(() => { void load(); const t = setInterval(load, 5000); return () => clearInterval(t); }, []);
  const redrive = async () => { const r = await api("POST", "/suite/api/webhooks/redrive"); setNotice(`${r.redriven} event(s) sent again.`); void load(); };
  return (
    <div className="page">
      <h1>Webhooks</h1>
      {notice && <p role="status" className="notice">{notice}</p>}
      {data.map((w) => (
        <section key={w.waba_id}>
          <h2>WABA {w.waba_id}</h2>
          <table><caption>Subscribed apps</caption><thead><tr><th>App</th><th>Callback</th></tr></thead>
            <tbody>{w.subscriptions.map((s: any) => <tr key={s.whatsapp_business_api_data?.id ?? s.id}><td>{s.whatsapp_business_api_data?.name ?? s.id}</td><td>{s.override_callback_uri ?? "the app's own callback"}</td></tr>)}</tbody></table>
          {w.deliveries === null ? <p className="muted">This Cloud API keeps no delivery history.</p> : (
            <table><caption>Recent deliveries</caption><thead><tr><th>When</th><th>To</th><th>Fields</th><th>Events</th><th>Result</th><th>Time</th></tr></thead>
              <tbody>{w.deliveries.map((d: any, i: number) => <tr key={i} className={d.ok ? "" : "failed-row"}><td>{new Date(d.at).toLocaleTimeString()}</td><td>{d.url}</td><td>{d.fields.join(", ")}</td><td>{d.events}</td><td>{d.ok ? "200" : d.result}</td><td>{d.ms} ms</td></tr>)}</tbody></table>
          )}
          {w.dead_letters !== null && (
            <>
              <h3>Failed for good ({w.dead_letters.length}) {w.dead_letters.length > 0 && <button onClick={() => void redrive()}>Redrive all</button>}</h3>
              <ul>{w.dead_letters.map((d: any) => <li key={d.id}>#{d.id} after {d.attempts} attempts: {d.last_error}</li>)}</ul>
            </>
          )}
        </section>
      ))}
    </div>
  );
}
