import type { ContactDetail } from "@openwaba/contracts/suite";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError, api } from "../api";
import { go } from "../route";
import { numberWords, usePhoneNumbers } from "../numbers/use-phone-numbers";
import { FieldError, problemOf, type FieldProblem } from "../components/FieldError";
import { consentWords } from "../contacts/consent-words";

/**
 * A contact (#/contacts/<id>): what the business knows of them, their conversations (those the
 * viewer may see), an edit form, "Message this contact" (the latest conversation, or a new one)
 * and, for admins and supervisors, delete — which keeps the conversations.
 */
export function ContactProfile({ id, lead }: { id: string; lead: boolean }) {
  const [p, setP] = useState<ContactDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const numbers = usePhoneNumbers();
  useEffect(() => {
    void api<ContactDetail>("GET", `/suite/api/contacts/${id}`)
      .then(setP)
      .catch((e) =>
        setError(
          e instanceof ApiError && e.status === 404
            ? "This contact does not exist (it may have been deleted)."
            : e.message,
        ),
      );
  }, [id]);

  if (!p)
    return (
      <div className="page">
        <p>
          <a href="#/contacts">← All contacts</a>
        </p>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : (
          <p>Loading…</p>
        )}
      </div>
    );
  const numberName = (nid: string) => {
    const n = numbers.find((x) => x.id === nid);
    return n ? numberWords(n) : nid;
  };
  // The latest conversation the viewer may see, or a new one to this number.
  const message = () => go(p.conversations[0] ? `inbox/${p.conversations[0].id}` : `inbox/new/${p.wa_id}`);
  // Said as everywhere else; with when it was given.
  const consent = `${consentWords(p.consent)}${p.consent ? ` · ${new Date(p.consent.at).toLocaleString()}` : ""}`;

  return (
    <div className="page contact-profile">
      <p>
        <a href="#/contacts">← All contacts</a>
      </p>
      <h1>{p.name}</h1>
      <div className="actions">
        <button type="button" className="primary" onClick={message}>
          Message this contact
        </button>
        <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
          Edit
        </button>
        {lead && (
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete…
          </button>
        )}
      </div>
      {editing && (
        <ContactEdit
          p={p}
          onSaved={(x) => {
            setP({ ...p, ...x });
            setEditing(false);
          }}
        />
      )}
      <dl className="contact-facts">
        <dt>Number</dt>
        <dd>+{p.wa_id}</dd>
        <dt>Language</dt>
        <dd>{p.language ?? "—"}</dd>
        <dt>Time zone</dt>
        <dd>{p.timezone ?? "—"}</dd>
        <dt>Marketing consent</dt>
        <dd data-consent>{consent}</dd>
        <dt>Tags</dt>
        <dd>
          {p.tags.length
            ? p.tags.map((t) => (
                <span key={t} className="badge">
                  {t}
                </span>
              ))
            : "—"}
        </dd>
        <dt>Last activity</dt>
        <dd>{p.last_activity_at ? new Date(p.last_activity_at).toLocaleString() : "—"}</dd>
        <dt>Contact since</dt>
        <dd>{new Date(p.created_at).toLocaleDateString()}</dd>
      </dl>
      <h2>Attributes</h2>
      {Object.keys(p.attributes).length ? (
        <table className="attributes">
          <tbody>
            {Object.entries(p.attributes).map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">None.</p>
      )}
      <h2>Conversations</h2>
      {p.conversations.length ? (
        <ul className="contact-conversations">
          {p.conversations.map((c) => (
            <li key={c.id}>
              <a href={`#/inbox/${c.id}`}>On {numberName(c.phone_number_id)}</a> · {c.state} · last message{" "}
              {new Date(c.last_message_at).toLocaleString()}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None yet{lead ? "" : " that you can see"}.</p>
      )}
      {deleting && <DeleteContact p={p} onClose={() => setDeleting(false)} />}
    </div>
  );
}

/** Name, language, time zone, tags and attributes as typed; saved, they replace what was there. */
function ContactEdit({ p, onSaved }: { p: ContactDetail; onSaved: (x: Partial<ContactDetail>) => void }) {
  const [name, setName] = useState(p.name);
  const [language, setLanguage] = useState(p.language ?? "");
  const [timezone, setTimezone] = useState(p.timezone ?? "");
  const [tags, setTags] = useState(p.tags.join(", "));
  const [attributes, setAttributes] = useState(Object.entries(p.attributes).map(([key, value]) => ({ key, value })));
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const body = {
        name: name.trim(),
        ...(language.trim() ? { language: language.trim() } : {}),
        ...(timezone.trim() ? { timezone: timezone.trim() } : {}),
        tags: tags
          .split(/[,;]/)
          .map((t) => t.trim())
          .filter(Boolean),
        attributes: Object.fromEntries(attributes.filter((a) => a.key.trim()).map((a) => [a.key.trim(), a.value])),
      };
      onSaved(await api<Partial<ContactDetail>>("PATCH", `/suite/api/contacts/${p.id}`, body));
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setBusy(false);
    }
  };
  const setAttribute = (i: number, a: { key: string; value: string }) =>
    setAttributes(attributes.map((x, j) => (j === i ? a : x)));
  return (
    <form className="contact-edit" onSubmit={save} aria-label="Edit the contact">
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
      </label>
      <FieldError problem={problem} at="name" />
      <label>
        Language
        <input value={language} onChange={(e) => setLanguage(e.target.value)} placeholder="pl, pt_BR…" />
      </label>
      <label>
        Time zone
        <input value={timezone} onChange={(e) => setTimezone(e.target.value)} placeholder="Europe/Warsaw" />
      </label>
      <label>
        Tags <span className="muted">(separated by commas)</span>
        <input value={tags} onChange={(e) => setTags(e.target.value)} />
      </label>
      <FieldError problem={problem} at="tags" />
      <fieldset>
        <legend>Attributes</legend>
        {attributes.map((a, i) => (
          <div key={i} className="inline">
            <input
              aria-label={`Attribute ${i + 1} name`}
              value={a.key}
              onChange={(e) => setAttribute(i, { ...a, key: e.target.value })}
              placeholder="name"
            />
            <input
              aria-label={`Attribute ${i + 1} value`}
              value={a.value}
              onChange={(e) => setAttribute(i, { ...a, value: e.target.value })}
              placeholder="value"
            />
            <button
              type="button"
              className="link"
              onClick={() => setAttributes(attributes.filter((_, j) => j !== i))}
              aria-label={`Remove attribute ${a.key || i + 1}`}
            >
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setAttributes([...attributes, { key: "", value: "" }])}>
          Add an attribute
        </button>
      </fieldset>
      <FieldError problem={problem} at="attributes" />
      {problem && !["name", "tags", "attributes"].some((f) => problem.field.startsWith(f)) && (
        <p className="error" role="alert">
          {problem.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}

/** Deleting asks first, and says what it means: the contact goes, the conversations stay. */
function DeleteContact({ p, onClose }: { p: ContactDetail; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const confirm = async () => {
    try {
      await api("DELETE", `/suite/api/contacts/${p.id}`);
      go("contacts");
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <dialog ref={ref} className="confirm" aria-labelledby="delete-title" onClose={onClose}>
      <h2 id="delete-title">Delete {p.name}?</h2>
      <p>
        Their attributes, tags and consent are forgotten (a STOP they sent in WhatsApp stays: only they can lift it),
        and the business's systems are told. Conversations with +{p.wa_id} stay in the inbox; if they write again, they
        become a new contact.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => ref.current?.close()}>
          Keep
        </button>
        <button type="button" className="danger" onClick={() => void confirm()}>
          Delete the contact
        </button>
      </div>
    </dialog>
  );
}
