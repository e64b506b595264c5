import type { SuiteSession, TestServer } from "@openwaba/server/testing";
import { waitFor } from "@openwaba/server/testing";

// What the flow tests do again and again: publish a flow, write and tap as a simulated customer,
// read what the phone shows and what the run did.

export function flowKit(s: TestServer, admin: SuiteSession) {
  const kit = {
    async publish(document: Record<string, unknown>): Promise<string> {
      const r = await admin.call("POST", "/suite/api/flows", { document, publish: true });
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
    async chat(wa: string): Promise<any[]> {
      return (await s.call("GET", `/simulator/users/${wa}/chats/${s.phone}`)).body.messages;
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
        const timeline = c
          ? (await admin.call("GET", `/suite/api/conversations/${c.id}`)).body.timeline
              .filter((i: any) => i.direction === "out")
              .map((i: any) => ({ status: i.status, error: i.error }))
          : null;
        throw new Error(
          `${(err as Error).message}; phone: ${JSON.stringify(await kit.received(wa))}; sent: ${JSON.stringify(timeline)}; run: ${JSON.stringify(run?.steps ?? null)}`,
        );
      }
    },
    async conversation(wa: string) {
      return (await admin.call("GET", "/suite/api/conversations?state=all&limit=200")).body.data.find(
        (c: any) => c.wa_id === wa,
      );
    },
    async run(wa: string) {
      const c = await kit.conversation(wa);
      if (!c) return null;
      const runs = (await admin.call("GET", `/suite/api/conversations/${c.id}`)).body.timeline.filter(
        (i: any) => i.type === "bot_started",
      );
      const id = runs[runs.length - 1]?.data.run_id;
      return id ? (await admin.call("GET", `/suite/api/flow-runs/${id}`)).body : null;
    },
    async waitRun(wa: string, pred: (run: any) => boolean, what: string) {
      return waitFor(
        async () => {
          const r = await kit.run(wa);
          return r && pred(r) ? r : null;
        },
        10_000,
        what,
      );
    },
    async contact(wa: string) {
      return (await admin.call("GET", `/suite/api/contacts?q=${wa}`)).body.data[0];
    },
  };
  return kit;
}

export function shown(m: any): string {
  const c = m.content ?? {};
  if (typeof c.body === "string") return c.body;
  if (c.body?.text) return c.body.text;
  if (c.rendered?.body) return c.rendered.body;
  return m.type;
}
