import { useEffect, useMemo, useRef, useState } from "react";
import { api } from "../api";
import type { FlowDocument, FlowNode } from "@openwaba/contracts/suite";
import { outlineOf } from "../flows/flow-words";

const TYPE_LABEL: Record<FlowNode["type"], string> = {
  send: "Send",
  ask: "Ask",
  branch: "Branch",
  set: "Set",
  http: "HTTP call",
  wait: "Wait",
  handover: "Hand over",
  csat: "CSAT survey",
  end: "End",
};

const looksLikeFlow = (d: unknown): d is FlowDocument =>
  !!d && typeof d === "object" && typeof (d as FlowDocument).nodes === "object" && !!(d as FlowDocument).nodes;

/** A flow as a supervisor reads it: the trigger in words, then each step as a card with where it goes next. */
export function FlowOutline({ document }: { document: unknown }) {
  const [teams, setTeams] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    void api("GET", "/suite/api/teams")
      .then((r) => setTeams(r.data))
      .catch(() => undefined);
  }, []);
  const list = useRef<HTMLOListElement>(null);
  // A draft may be any JSON: what cannot be read yet shows as a hint, never as a broken page.
  const outline = useMemo(() => {
    try {
      return looksLikeFlow(document) ? outlineOf(document, (id) => teams.find((t) => t.id === id)?.name ?? id) : null;
    } catch {
      return null;
    }
  }, [document, teams]);
  if (!outline)
    return (
      <aside className="outline">
        <p className="muted">The outline appears once the document has a trigger, a start and nodes.</p>
      </aside>
    );
  const jump = (id: string) => {
    const card = list.current?.querySelector<HTMLElement>(`[data-node="${CSS.escape(id)}"]`);
    card?.scrollIntoView?.({ block: "center", behavior: "smooth" });
    card?.focus();
  };
  return (
    <aside className="outline" aria-label="Outline">
      <p className="trigger-words">⚡ {outline.trigger}</p>
      <ul className="muted flow-settings">
        {outline.settings.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <ol className="node-cards" ref={list}>
        {outline.cards.map((c) => (
          <li
            key={c.id}
            data-node={c.id}
            tabIndex={-1}
            className={`node-card ${c.type ?? ""} ${c.reachable ? "" : "unreachable"}`}
          >
            <header>
              <span className="node-type">{TYPE_LABEL[c.type] ?? c.type}</span> <code>{c.id}</code>
              {c.start && <span className="badge">start</span>}
              {!c.reachable && <span className="badge warn">nothing leads here</span>}
            </header>
            <ul>
              {c.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
            {c.exits.length > 0 && (
              <ul className="exits">
                {c.exits.map((e, i) => (
                  <li key={i}>
                    {e.label} →{" "}
                    {e.to ? (
                      outline.cards.some((x) => x.id === e.to) ? (
                        <button type="button" className="link" onClick={() => jump(e.to!)}>
                          {e.to}
                        </button>
                      ) : (
                        <span className="error">{e.to} (no such step)</span>
                      )
                    ) : (
                      <em>{e.end}</em>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
