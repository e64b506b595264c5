import type { Answer } from "../answer";
import type { TestServer } from "../harness";
import type { SuiteSession } from "../suite-session";
import { waitFor } from "../webhook-receiver";
import type { Chat, ChatMessage } from "./chat-message";

// What the flow tests do again and again: publish a flow, write and tap as a simulated customer,
// read what the phone shows and what the run did. Runs, conversations and contacts come back as
// the suite answers them (Answer): the tests read the fields they check.

/** A conversation as the suite's list shows it (the fields the kit reads). */
interface ListedConversation extends Answer {
  id: string;
  wa_id: string;
}

/** An item of a conversation's timeline (the fields the kit reads). */
interface TimelineItem extends Answer {
  type: string;
  direction?: "in" | "out";
  status?: string;
  error?: unknown;
  data?: { run_id?: string };
}

export function flowKit(s: TestServer, admin: SuiteSession) {
  const timeline = async (conversationId: string) =>
    (await admin.call<{ timeline: TimelineItem[] }>("GET", `/suite/api/conversations/${conversationId}`)).body.timeline;
  const kit = {
    async publish(document: Record<string, unknown>): Promise<string> {
      const r = await admin.call<{ id: string }>("POST", "/suite/api/flows", { document, publish: true });
      if (r.status !== 201) throw new Error(`flow: ${JSON.stringify(r.body)}`);
      return r.body.id;
    },
    async user(wa: string, extra: Record<string, unknown> = {}) {
      const r = await s.call("POST", "/simulator/users", { wa_id: wa, ...extra });
      if (r.status !== 201 && r.status !== 409) throw new Error(`user: ${JSON.stringify(r.body)}`);
    },
    async say(wa: string, body: string) {
      const r = await s.call("POST", `/simulator/users/${wa}/messages`, { to: s.phone, type: "text", text: { body } });
      if (r.status !== 201) throw new Error(`say: ${JSON.stringify(r.body)}`);
    },
    /** Taps a reply button or list row of the last interactive message the phone shows. */
    async tap(wa: string, id: string) {
      const last = [...(await kit.chat(wa))]
        .reverse()
        .find((m) => m.direction === "received" && m.type === "interactive");
      if (!last) throw new Error("no interactive message to tap");
      const type = last.content.type === "button" ? "button_reply" : "list_reply";
      const r = await s.call("POST", `/simulator/users/${wa}/messages`, {
        to: s.phone,
        type: "interactive",
        interactive: { type, [type]: { id } },
        context: { message_id: last.id },
      });
      if (r.status !== 201) throw new Error(`tap: ${JSON.stringify(r.body)}`);
    },
    /** The phone's messages; a phone the simulator does not know is an error. */
    async chat(wa: string): Promise<ChatMessage[]> {
      const r = await s.call<Chat>("GET", `/simulator/users/${wa}/chats/${s.phone}`);
      if (!r.body.messages) throw new Error(`chat: ${JSON.stringify(r.body)}`);
      return r.body.messages;
    },
    /** The texts the customer received, in order (text, interactive body, rendered template). */
    async received(wa: string): Promise<string[]> {
      return (await kit.chat(wa)).filter((m) => m.direction === "received").map(shown);
    },
    async waitReceived(wa: string, count: number, what = `${count} messages`): Promise<string[]> {
      try {
        return await waitFor(
          async () => {
            const r = await kit.received(wa);
            return r.length >= count ? r : null;
          },
          10_000,
          what,
        );
      } catch (err) {
        // What the bot did says why the phone got nothing.
        const run = await kit.run(wa).catch(() => null);
        const c = await kit.conversation(wa).catch(() => null);
        const sent = c
          ? (await timeline(c.id))
              .filter((i) => i.direction === "out")
              .map((i) => ({ status: i.status, error: i.error }))
          : null;
        throw new Error(
          `${(err as Error).message}; phone: ${JSON.stringify(await kit.received(wa))}; sent: ${JSON.stringify(sent)}; run: ${JSON.stringify(run?.steps ?? null)}`,
        );
      }
    },
    async conversation(wa: string): Promise<ListedConversation | undefined> {
      const list = await admin.call<{ data: ListedConversation[] }>(
        "GET",
        "/suite/api/conversations?state=all&limit=200",
      );
      return list.body.data.find((c) => c.wa_id === wa);
    },
    /** The customer's latest flow run, as GET /suite/api/flow-runs/{id} answers it (null: none). */
    async run(wa: string): Promise<Answer | null> {
      const c = await kit.conversation(wa);
      if (!c) return null;
      const runs = (await timeline(c.id)).filter((i) => i.type === "bot_started");
      const id = runs[runs.length - 1]?.data?.run_id;
      return id ? (await admin.call("GET", `/suite/api/flow-runs/${id}`)).body : null;
    },
    async waitRun(wa: string, pred: (run: Answer) => boolean, what: string): Promise<Answer> {
      return waitFor(
        async () => {
          const r = await kit.run(wa);
          return r && pred(r) ? r : null;
        },
        10_000,
        what,
      );
    },
    /** The first contact a search for the number finds, as the suite answers it. */
    async contact(wa: string): Promise<Answer | undefined> {
      return (await admin.call<{ data: Answer[] }>("GET", `/suite/api/contacts?q=${wa}`)).body.data[0];
    },
  };
  return kit;
}

/** The text a message shows on the phone: its text, interactive body or rendered template (else its type). */
function shown(m: ChatMessage): string {
  const c = m.content ?? {};
  if (typeof c.body === "string") return c.body;
  if (c.body?.text) return c.body.text;
  if (c.rendered?.body) return c.rendered.body;
  return m.type;
}
