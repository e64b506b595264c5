import { useCallback, useEffect, useState } from "react";
import type { Conversation, ListedConversation, TimelineMessage } from "@openwaba/contracts/suite";
import { api } from "../api";
import type { Session } from "../App";
import { go } from "../route";
import { useClockTravel, useStream } from "../stream";
import { usePhoneNumbers } from "../numbers/use-phone-numbers";
import { ConversationList } from "../components/ConversationList";
import { NewConversation } from "../components/NewConversation";
import { Thread } from "../components/Thread";

export type Queue = "mine" | "unassigned" | "open" | "pending" | "resolved";
const QUERY: Record<Queue, string> = {
  mine: "state=open&assignee=me",
  unassigned: "state=open&assignee=unassigned",
  open: "state=open",
  pending: "state=pending",
  resolved: "state=resolved",
};
const FITS: Record<Queue, (c: Conversation, me: string) => boolean> = {
  mine: (c, me) => c.state === "open" && c.assignee_id === me,
  unassigned: (c) => c.state === "open" && !c.assignee_id,
  open: (c) => c.state === "open",
  pending: (c) => c.state === "pending",
  resolved: (c) => c.state === "resolved",
};
const SEARCH_DELAY_MS = 250;

/**
 * The inbox: queues (or a search over every state) on the left, the selected conversation — or a
 * new one being started (`compose`) — on the right, kept live by the stream.
 */
export function Inbox({
  session,
  selectedId,
  compose,
}: {
  session: Session;
  selectedId: string | null;
  compose?: { to: string } | null;
}) {
  const [queue, setQueue] = useState<Queue>("open");
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const [list, setList] = useState<ListedConversation[]>([]);
  const [skew, setSkew] = useState(0);
  const numbers = usePhoneNumbers();
  const me = session.user.id;

  // Typing waits a moment before searching.
  useEffect(() => {
    const t = setTimeout(() => setSearch(q.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [q]);
  const reload = useCallback(
    () =>
      api(
        "GET",
        `/suite/api/conversations?${search ? `state=all&q=${encodeURIComponent(search)}` : QUERY[queue]}`,
      ).then((r) => {
        setList(r.data);
        if (r.server_time) setSkew(Date.parse(r.server_time) - Date.now());
      }),
    [queue, search],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  // The list's times ("Today", "Yesterday") are said against the server's clock, which may travel.
  useClockTravel(() => void reload());
  // The open conversation is read: nothing unread in it for this viewer.
  useEffect(() => {
    if (selectedId) setList((prev) => prev.map((c) => (c.id === selectedId ? { ...c, unread: 0 } : c)));
  }, [selectedId]);

  useStream((kind, data) => {
    if (kind === "conversation.updated") {
      const c = data.conversation as Conversation;
      setList((prev) => {
        const was = prev.find((x) => x.id === c.id);
        const rest = prev.filter((x) => x.id !== c.id);
        // A search keeps its results (live), it does not gather new ones.
        const fits = search ? !!was : FITS[queue](c, me);
        return (
          fits ? [{ ...c, last_message: was?.last_message ?? null, unread: was?.unread ?? 0 }, ...rest] : rest
        ).sort((a, b) => b.last_message_at.localeCompare(a.last_message_at));
      });
    }
    if (kind === "message.created") {
      const m = data.message as TimelineMessage;
      if (m.kind === "note" || m.type === "reaction") return;
      setList((prev) =>
        prev.map((c) =>
          c.id !== data.conversation_id
            ? c
            : {
                ...c,
                last_message: m,
                unread: m.direction === "in" && c.id !== selectedId ? (c.unread ?? 0) + 1 : c.unread,
              },
        ),
      );
    }
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

  const started = (c: Conversation) => {
    // It is open and the sender's: the "open" queue shows it (a search would hide it).
    setQ("");
    setSearch("");
    setQueue("open");
    setList((prev) => [
      { ...c, unread: 0, last_message: prev.find((x) => x.id === c.id)?.last_message ?? null },
      ...prev.filter((x) => x.id !== c.id),
    ]);
    go(`inbox/${c.id}`);
  };

  return (
    <div className="inbox">
      <section className="queues" aria-label="Conversations">
        <div className="inbox-tools">
          <input
            type="search"
            aria-label="Search conversations"
            placeholder="Search…"
            title="Search by name, number or the words of messages"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            maxLength={100}
          />
          <button type="button" onClick={() => go("inbox/new")}>
            New conversation
          </button>
        </div>
        {search ? (
          <p className="muted search-note" role="status">
            Conversations in every state matching “{search}”
          </p>
        ) : (
          <div className="queue-tabs" role="tablist">
            {(["mine", "unassigned", "open", "pending", "resolved"] as Queue[]).map((x) => (
              <button key={x} role="tab" aria-selected={queue === x} onClick={() => setQueue(x)}>
                {x}
              </button>
            ))}
          </div>
        )}
        <ConversationList
          conversations={list}
          selectedId={selectedId}
          me={me}
          numbers={numbers}
          now={Date.now() + skew}
        />
      </section>
      {compose ? (
        <NewConversation
          key={compose.to}
          to={compose.to}
          numbers={numbers}
          onStarted={started}
          onCancel={() => go("inbox")}
        />
      ) : selectedId ? (
        <Thread key={selectedId} id={selectedId} session={session} numbers={numbers} />
      ) : (
        <section className="thread empty">
          <p>Select a conversation (j / k to move), or start a new one.</p>
        </section>
      )}
    </div>
  );
}
