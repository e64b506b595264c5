import type { ApiKey } from "@openwaba/contracts/suite";
import { useEffect, useState, type FormEvent } from "react";
import { ApiError, api } from "../api";

/** API keys for the business's own systems (events that start flows) and the command line; a key is shown once. */
export function ApiKeys({ onNotice }: { onNotice: (m: string) => void }) {
  const [keys, setKeys] = useState<ApiKey[]>([]);
  const [name, setName] = useState("");
  const [made, setMade] = useState<{ name: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const load = () => api("GET", "/suite/api/api-keys").then((r) => setKeys(r.data));
  useEffect(() => {
    void load();
  }, []);
  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
      await load();
    } catch (e) {
      onNotice(e instanceof ApiError ? e.message : String(e));
    }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await api("POST", "/suite/api/api-keys", { name });
      setMade({ name: r.name, key: r.key });
      setCopied(false);
      setName("");
    });
  };
  const copy = async () => {
    await navigator.clipboard.writeText(made!.key);
    setCopied(true);
  };
  return (
    <>
      <p className="muted">
        Send a key as <code>Authorization: Bearer owk_…</code>; it acts as the admin who made it (e.g.{" "}
        <code>POST /suite/api/flows/events</code> from your shop).
      </p>
      {made && (
        <div className="key-once" role="status">
          <p>The key {made.name && `“${made.name}” `}is shown only now: copy it somewhere safe.</p>
          <code aria-label="The new key">{made.key}</code>{" "}
          <button type="button" onClick={() => void copy()}>
            {copied ? "Copied" : "Copy"}
          </button>
          <button type="button" className="link" onClick={() => setMade(null)}>
            Done
          </button>
        </div>
      )}
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Key</th>
            <th>Made</th>
            <th>Last used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} className={k.revoked ? "failed-row" : ""}>
              <td>{k.name}</td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>{new Date(k.created_at).toLocaleString()}</td>
              <td>{k.last_used_at ? new Date(k.last_used_at).toLocaleString() : "never"}</td>
              <td>
                {k.revoked ? (
                  "revoked"
                ) : (
                  <button type="button" onClick={() => void run(() => api("DELETE", `/suite/api/api-keys/${k.id}`))}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline" onSubmit={create} aria-label="New API key">
        <input
          aria-label="Key name"
          placeholder="what uses it, e.g. shop"
          required
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit">Make a key</button>
      </form>
    </>
  );
}
