import type { Contact, ContactList } from "@openwaba/contracts/suite";
import { useEffect, useState } from "react";
import { api } from "../api";
import { CONSENT_STATE_WORDS, consentWords } from "../contacts/consent-words";
import { go } from "../route";

/** Contacts: search and segment (tag, consent), import a CSV after a dry run, export what is shown; a row opens the contact. */
export function Contacts() {
  const [q, setQ] = useState("");
  const [tag, setTag] = useState("");
  const [consent, setConsent] = useState("");
  const [data, setData] = useState<ContactList>({ data: [], total: 0 });
  const [report, setReport] = useState<any>(null);
  const [file, setFile] = useState<File | null>(null);
  const [country, setCountry] = useState("");
  const [error, setError] = useState<string | null>(null);
  const query = new URLSearchParams({
    ...(q ? { q } : {}),
    ...(tag ? { tag } : {}),
    ...(consent ? { consent } : {}),
  }).toString();
  const load = () => api("GET", `/suite/api/contacts?limit=200&${query}`).then(setData);
  // Typing waits a moment before searching; the first load does not.
  useEffect(() => {
    if (!query) {
      void load();
      return;
    }
    const t = setTimeout(() => void load(), 200);
    return () => clearTimeout(t);
  }, [query]);

  const upload = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    const csrf = (await api("GET", "/suite/api/me")).csrf_token;
    const r = await fetch(
      `/suite/api/contacts/import?dry_run=${dryRun}${country ? `&default_country=${country}` : ""}`,
      { method: "POST", headers: { "content-type": "text/csv", "x-csrf-token": csrf }, body: file },
    );
    const json = await r.json();
    if (!r.ok) {
      setError(json.error?.message ?? `HTTP ${r.status}`);
      return;
    }
    setReport(json);
    if (!dryRun) void load();
  };

  return (
    <div className="page">
      <h1>
        Contacts <span className="muted">{data.total}</span>
      </h1>
      <div className="toolbar">
        <input
          aria-label="Search contacts"
          placeholder="name or number"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <input aria-label="Tag" placeholder="tag" value={tag} onChange={(e) => setTag(e.target.value)} />
        <select aria-label="Consent" value={consent} onChange={(e) => setConsent(e.target.value)}>
          <option value="">any consent</option>
          <option value="granted">{CONSENT_STATE_WORDS.granted}</option>
          <option value="revoked">
            {CONSENT_STATE_WORDS.revoked} or {CONSENT_STATE_WORDS.stopped}
          </option>
          <option value="none">{CONSENT_STATE_WORDS.none}</option>
        </select>
        <a href={`/suite/api/contacts/export?${query}`} download>
          Export CSV
        </a>
      </div>
      <details className="import">
        <summary>Import a CSV</summary>
        <p className="muted">
          Columns: phone (required), name, language, timezone, tags (separated by ;), consent (yes/no); any other column
          becomes an attribute. Separated by commas, semicolons or tabs, saved as UTF-8 ("CSV UTF-8" in Excel).
        </p>
        <div className="inline">
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label="CSV file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <input
            aria-label="Default country"
            placeholder="default country (PL)"
            size={18}
            value={country}
            onChange={(e) => setCountry(e.target.value.toUpperCase())}
          />
          <button type="button" disabled={!file} onClick={() => void upload(true)}>
            Check (dry run)
          </button>
          <button type="button" disabled={!file || !report?.dry_run} onClick={() => void upload(false)}>
            Import
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {report && (
          <div role="status">
            <p>
              {report.rows} rows: {report.contacts} contacts ({report.duplicates} duplicate numbers merged),{" "}
              {report.errors.length} with errors
              {report.dry_run ? " — nothing written yet" : `; ${report.created} created, ${report.updated} updated`}
              {report.separator && report.separator !== ","
                ? ` (read as ${report.separator === ";" ? "semicolon" : "tab"}-separated)`
                : ""}
              .
            </p>
            {report.stopped_in_whatsapp > 0 && (
              <p>
                {report.stopped_in_whatsapp} of them stopped marketing messages in WhatsApp: their consent stays{" "}
                {CONSENT_STATE_WORDS.stopped} until they resume there.
              </p>
            )}
            {report.errors.length > 0 && (
              <ul>
                {report.errors.slice(0, 20).map((e: any) => (
                  <li key={e.line}>
                    line {e.line}: {e.error}
                  </li>
                ))}
              </ul>
            )}
            {report.dry_run && (
              <table>
                <caption>Preview</caption>
                <tbody>
                  {report.preview.map((c: any) => (
                    <tr key={c.wa_id}>
                      <td>+{c.wa_id}</td>
                      <td>{c.name}</td>
                      <td>{c.tags.join(", ")}</td>
                      <td>{c.consent ? CONSENT_STATE_WORDS[c.consent as "granted" | "revoked"] : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </details>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Number</th>
            <th>Tags</th>
            <th>Marketing consent</th>
            <th>Attributes</th>
            <th>Last activity</th>
          </tr>
        </thead>
        <tbody>
          {data.data.map((c) => (
            <tr key={c.id} className="clickable" onClick={() => go(`contacts/${c.id}`)}>
              <td>
                <a href={`#/contacts/${c.id}`}>{c.name}</a>
              </td>
              <td>+{c.wa_id}</td>
              <td>{c.tags.join(", ")}</td>
              <td>{consentWords(c.consent)}</td>
              <td>
                {Object.entries(c.attributes)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join("; ")}
              </td>
              <td>{c.last_activity_at ? new Date(c.last_activity_at).toLocaleString() : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
