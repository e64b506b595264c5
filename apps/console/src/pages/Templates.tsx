import { useEffect, useState } from "react";
import { ApiError, api } from "../api";
import { TemplateEditor } from "../components/TemplateEditor";
import { canEdit, refusalOf } from "../templates/template-draft";
import { languageName } from "../templates/template-languages";
import { bodyOf, componentOf, type Template } from "../templates/template-text";

const EDIT_RULE = "Only approved, rejected or paused templates can be edited (Meta's rule).";

/** Templates: each with its text and review status (and why), new ones, edits and deletion for admins and supervisors. */
export function Templates() {
  const [list, setList] = useState<Template[]>([]);
  const [lead, setLead] = useState(false);
  const [editing, setEditing] = useState<Template | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const load = () => api<{ data: Template[] }>("GET", "/suite/api/templates").then((r) => setList(r.data));
  useEffect(() => {
    void load();
    void api("GET", "/suite/api/me").then((r) => setLead(r.user.role !== "agent"));
  }, []);

  const saved = (message: string) => {
    setNotice(message);
    setEditing(null);
    setFormKey(formKey + 1);
    void load();
  };
  const edit = (t: Template) => {
    setNotice(null);
    setEditing(t);
    setFormKey(formKey + 1);
  };
  const remove = async (t: Template) => {
    if (
      !window.confirm(
        `Delete ${t.name} in ${languageName(t.language)}? Messages can no longer be sent with it${t.status === "APPROVED" ? ", and its name can't be used again for 30 days" : ""}.`,
      )
    )
      return;
    try {
      await api("DELETE", `/suite/api/templates/${t.id}`);
      setNotice(`${t.name} (${t.language}) deleted.`);
      if (editing?.id === t.id) {
        setEditing(null);
        setFormKey(formKey + 1);
      }
      void load();
    } catch (err) {
      const r = refusalOf(err instanceof ApiError ? err.body : null, String(err));
      setNotice(`${t.name} was not deleted: ${r.message}`);
    }
  };

  return (
    <div className="page two-col">
      <section>
        <h1>Templates</h1>
        {notice && (
          <p role="status" className="notice">
            {notice}
          </p>
        )}
        <table className="templates">
          <thead>
            <tr>
              <th>Name</th>
              <th>Language</th>
              <th>Category</th>
              <th>Status</th>
              <th>Message</th>
              <th>Quality</th>
              {lead && <th>Actions</th>}
            </tr>
          </thead>
          <tbody>
            {list.map((t) => (
              <tr key={t.id} data-template={`${t.name}/${t.language}`}>
                <td>{t.name}</td>
                <td>{t.language}</td>
                <td>{t.category.toLowerCase()}</td>
                <td title={t.rejected_reason ?? ""}>
                  {t.status}
                  {t.rejected_reason && t.rejected_reason !== "NONE" ? ` (${t.rejected_reason})` : ""}
                </td>
                <td>
                  <TemplateText t={t} />
                </td>
                <td>{t.quality_score?.score ?? "—"}</td>
                {lead && (
                  <td className="actions">
                    <button
                      type="button"
                      onClick={() => edit(t)}
                      disabled={!canEdit(t)}
                      title={canEdit(t) ? undefined : EDIT_RULE}
                      aria-label={`Edit ${t.name} (${t.language})`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      onClick={() => void remove(t)}
                      aria-label={`Delete ${t.name} (${t.language})`}
                    >
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {!list.length && <p className="muted">No templates yet.</p>}
      </section>
      {lead && (
        <TemplateEditor
          key={formKey}
          editing={editing}
          onSaved={saved}
          onCancel={() => {
            setEditing(null);
            setFormKey(formKey + 1);
          }}
        />
      )}
    </div>
  );
}

/** What the customer reads: the header, the body as written, the footer, the buttons' labels. */
function TemplateText({ t }: { t: Template }) {
  const header = componentOf(t, "HEADER");
  const footer = componentOf(t, "FOOTER");
  const buttons = componentOf(t, "BUTTONS")?.buttons ?? [];
  return (
    <div className="template-text">
      {header?.format === "TEXT" ? (
        <strong>{header.text}</strong>
      ) : header?.format ? (
        <span className="muted">[{header.format.toLowerCase()}]</span>
      ) : null}
      <p>{bodyOf(t)}</p>
      {(footer?.text || footer?.code_expiration_minutes) && (
        <small>{footer.text ?? `This code expires in ${footer.code_expiration_minutes} minutes.`}</small>
      )}
      {buttons.length > 0 && (
        <ul className="template-buttons">
          {buttons.map((b, i) => (
            <li key={i}>{b.type === "COPY_CODE" ? "Copy offer code" : (b.text ?? b.type.toLowerCase())}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
