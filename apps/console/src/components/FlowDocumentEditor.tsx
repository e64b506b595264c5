import { useEffect, useMemo, useState, type FormEvent } from "react";
import { api } from "../api";
import type { FlowDetail, FlowDocument, DocumentProblem as Problem } from "@openwaba/contracts/suite";
import { FlowOutline } from "./FlowOutline";
import { FlowVersions } from "./FlowVersions";
import { ProblemList, problemsOf } from "./ProblemList";

const pretty = (d: unknown) => JSON.stringify(d, null, 2);

/**
 * A flow's document as JSON beside its outline in words. Save makes a new version (the server
 * names what is wrong, with paths); Publish makes the latest live; old versions open read-only.
 */
export function FlowDocumentEditor({ flow, onChanged }: { flow: FlowDetail; onChanged: () => Promise<unknown> }) {
  const saved = useMemo(() => pretty(flow.document), [flow.document]);
  const [text, setText] = useState(saved);
  useEffect(() => setText(saved), [saved]); // a save or a reload brings the latest version
  const [viewing, setViewing] = useState<{ version: number; document: FlowDocument } | null>(null);
  const [errors, setErrors] = useState<Problem[]>([]);
  const [warnings, setWarnings] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const parsed = useMemo((): { value: unknown } | { error: string } => {
    try {
      return { value: JSON.parse(text) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [text]);
  const dirty = text !== saved;

  const attempt = async (f: () => Promise<string>) => {
    setErrors([]);
    setWarnings([]);
    setNotice(null);
    try {
      setNotice(await f());
      await onChanged();
    } catch (e) {
      setErrors(problemsOf(e));
    }
  };
  const save = (e?: FormEvent) => {
    e?.preventDefault();
    if (!("value" in parsed) || !dirty) return;
    void attempt(async () => {
      const r = await api<FlowDetail>("PUT", `/suite/api/flows/${flow.id}`, { document: parsed.value });
      setWarnings(r.warnings ?? []);
      return `Saved as version ${r.latest_version}${r.live_version === r.latest_version ? "" : "; publish it to make it live"}.`;
    });
  };
  const publish = (version: number) =>
    void attempt(async () => {
      await api("POST", `/suite/api/flows/${flow.id}/publish`, { version });
      setViewing(null);
      return `Version ${version} is live.`;
    });
  const view = async (version: number) => {
    if (version === flow.latest_version) return setViewing(null);
    setViewing(await api("GET", `/suite/api/flows/${flow.id}/versions/${version}`));
  };
  const latestIsLive = flow.live_version === flow.latest_version && flow.enabled;

  return (
    <form className="flow-document" onSubmit={save} aria-label="Flow document">
      <div className="toolbar">
        {viewing ? (
          <>
            <strong>Version {viewing.version} (read-only)</strong>
            <button
              type="button"
              onClick={() => publish(viewing.version)}
              disabled={viewing.version === flow.live_version && flow.enabled}
            >
              Publish this version
            </button>
            <button
              type="button"
              onClick={() => {
                setText(pretty(viewing.document));
                setViewing(null);
              }}
            >
              Edit a copy of it
            </button>
            <button type="button" onClick={() => setViewing(null)}>
              Back to the latest
            </button>
          </>
        ) : (
          <>
            <button type="submit" disabled={!dirty || "error" in parsed}>
              Save
            </button>
            <button
              type="button"
              onClick={() => publish(flow.latest_version)}
              disabled={dirty || latestIsLive}
              title={dirty ? "Save first" : undefined}
            >
              Publish version {flow.latest_version}
            </button>
            <span className="muted">
              {dirty
                ? "Unsaved changes (Ctrl+S saves)"
                : latestIsLive
                  ? `Version ${flow.latest_version} is live`
                  : `Version ${flow.latest_version} is not live`}
            </span>
          </>
        )}
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ProblemList title="Not saved: the flow has problems" problems={errors} error />
      <ProblemList title="Saved, but look at this" problems={warnings} error={false} />
      {!viewing && "error" in parsed && <p className="error">Not valid JSON yet: {parsed.error}</p>}
      <div className="flow-columns">
        <textarea
          className="flow-json"
          aria-label="Flow document (JSON)"
          spellCheck={false}
          readOnly={!!viewing}
          value={viewing ? pretty(viewing.document) : text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "s" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              save();
            }
          }}
        />
        <FlowOutline document={viewing ? viewing.document : "value" in parsed ? parsed.value : null} />
      </div>
      <FlowVersions flow={flow} viewing={viewing?.version ?? null} onView={(v) => void view(v)} />
    </form>
  );
}
