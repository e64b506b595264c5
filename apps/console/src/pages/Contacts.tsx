import { useEffect, useState } from "react";
import { api, type Conversation } from "../api";

/** The customers the business has talked to (one row per number and customer), searchable, each a link to their conversation. */
export function Contacts() {
  const [q, setQ] = useState("");
  const [rows, setRows] = useState<Conversation[]>([]);
  useEffect(() => {
    const t = setTimeout(() => void api("GET", `/suite/api/conversations?state=all&limit=200${q ? `&q=${encodeURIComponent(q)}` : ""}`).then((r) => setRows(r.data)), 200);
    return () => clearTimeout(t);
  }, [q]);
  return (
    <div className="page">
      <h1>Contacts</h1>
      <input aria-label="Search contacts" placeholder="name or number" value={q} onChange={(e) => setQ(e.target.value)} />
      <table>
        <thead><tr><th>Name</th><th>Number</th><th>State</th><th>Labels</th><th>Last message</th><th>Window</th></tr></thead>
        <tbody>{rows.map((c) => (
          <tr key={c.id}><td><a href={`#/inbox/${c.id}`}>{c.contact_name}</a></td><td>+{c.wa_id}</td><td>{c.state}</td><td>{c.labels.join(", ")}</td>
            <td>{new Date(c.last_message_at).toLocaleString()}</td><td>{c.window.open ? "open" : "closed"}</td></tr>
        ))}</tbody>
      </table>
    </div>
  );
}
