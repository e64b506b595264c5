import { useCallback, useEffect, useState } from "react";
import { api, type Conversation } from "../api";
import type { Session } from "../App";
import { go } from "../route";
import { useStream } from "../stream";
import { ConversationList } from "../components/ConversationList";
import { Thread } from "../components/Thread";

export type Queue = "mine" | "unassigned" | "open" | "pending" | "resolved";
const QUERY: Record<Queue, string> = { mine: "state=open&assignee=me", unassigned: "state=open&assignee=unassigned", open: "state=open", pending: "state=pending", resolved: "state=resolved" };
const FITS: Record<Queue, (c: Conversation, me: string) => boolean> = {
  mine: (c, me) => c.state === "open" && c.assignee_id === me, unassigned: (c) => c.state === "open" && !c.assignee_id,
  open: (c) => c.state === "open", pending: (c) => c.state === "pending", resolved: (c) => c.state === "resolved",
};

/** The inbox: queues on the left, the selected conversation on the right, kept live by the stream. */
export function Inbox({ session, selectedId }: { session: Session; selectedId: string | null }) {
  const [queue, setQueue] = useState<Queue>("open");
  const [list, setList] = useState<Conversation[]>([]);
  const me = session.user.id;

  const reload = useCallback(() => api("GET", `/suite/api/conversations?${QUERY[queue]}`).then((r) => setList(r.data)), [queue]);
  useEffect(() => { void reload(); }, [reload]);

  useStream((kind, data) => {
    if (kind !== "conversation.updated") return;
    const c = data.conversation as Conversation;
    setList((prev) => {
      const rest = prev.filter((x) => x.id !== c.id);
      return (FITS[queue](c, me) ? [c, ...rest] : rest).sort((a, b) => b.last_message_at.localeCompare(a.last_message_at));
    });
  });

  // j / k move through the list; keyboard users never need the mouse to triage.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest("input, textarea, select")) return;
      if (e.key !== "j" && e.key !== "k") return;
      const i = list.findIndex((c) => c.id === selectedId);
      const next = list[Math.min(list.length - 1, Math.max(0, i + (e.key === "j" ? 1 : -1)))];
      if (next) go(`inbox/${next.id}`);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [list, selectedId]);

  return (
    <div className="inbox">
      <section className="queues" aria-label="Conversations">
        <div className="queue-tabs" role="tablist">
          {(["mine", "unassigned", "open", "pending", "resolved"] as Queue[]).map((q) => (
            <button key={q} role="tab" aria-selected={queue === q} onClick={() => setQueue(q)}>{q}</button>
          ))}
        </div>
        <ConversationList conversations={list} selectedId={selectedId} me={me} />
      </section>
      {selectedId ? <Thread key={selectedId} id={selectedId} session={session} /> : <section className="thread empty"><p>Select a conversation (j / k to move).</p></section>}
    </div>
  );
}
