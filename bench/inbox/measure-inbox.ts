import { summarize, type Summary } from "../stats";
import type { OpenWabaProcess } from "../server-process";
import { consoleSession, openStream, type ConsoleSession } from "./console-session";

export interface InboxConfig {
  customers: number;
  agents: number;
  rounds: number;
  roundTimeoutMs: number;
}
export interface InboxResult {
  /** The customer's POST itself (the platform storing the inbound message), under the same burst. */
  customerRequest: Summary;
  agents: number;
  customers: number;
  rounds: number;
  /** Customer's POST → the message in the socket of the agent it is assigned to, first round (new conversations: routing + assignment too). */
  firstMessage: Summary;
  /** The same for later rounds (messages in open conversations). */
  followUps: Summary;
  /** Customer's POST → the message in every one of the 20 agents' sockets (each agent sees the team's queue). */
  everySocket: Summary;
  missing: number;
}

/**
 * 20 agents signed in with a stream open each; 200 simulated customers write at the same moment,
 * `rounds` times. For each message: the time from the customer's request to the event in the
 * sockets (the bench and the server share the machine; both read performance.now()).
 */
export async function measureInbox(
  server: OpenWabaProcess,
  admin: { email: string; password: string },
  c: InboxConfig,
): Promise<InboxResult> {
  const { url, credentials: creds } = server;
  const graph = (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${creds.access_token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const boss = await consoleSession(url, { path: "/suite/api/login", body: admin });
  await boss.call("POST", "/suite/api/me/availability", { availability: "offline" }); // the agents take the work
  const agents: ConsoleSession[] = [];
  for (let i = 0; i < c.agents; i++) {
    const inv = await boss.call("POST", "/suite/api/users", {
      email: `agent${i}@bench.test`,
      name: `Agent ${i}`,
      role: "agent",
    });
    const s = await consoleSession(url, {
      path: "/suite/api/invitations/accept",
      body: { token: inv.invitation.token, password: "bench password 123" },
    });
    await s.call("POST", "/suite/api/me/availability", { availability: "online" });
    agents.push(s);
  }
  const team = (await boss.call("GET", "/suite/api/teams")).data[0];
  await boss.call("PUT", `/suite/api/teams/${team.id}/members`, { user_ids: agents.map((a) => a.userId) });

  // body → when it was sent; body → arrivals per agent; conversation → its assignee
  const sentAt = new Map<string, number>();
  const arrivals = new Map<string, Map<string, number>>();
  const assignee = new Map<string, string>();
  const bodyConversation = new Map<string, string>();
  const closers: (() => void)[] = [];
  for (const a of agents) {
    closers.push(
      await openStream(url, a, (event, data, at) => {
        if (event === "conversation.updated" && data.conversation.assignee_id)
          assignee.set(data.conversation.id, data.conversation.assignee_id);
        if (event !== "message.created" || data.message.direction !== "in") return;
        const body = data.message.content.body as string;
        bodyConversation.set(body, data.conversation_id);
        const m = arrivals.get(body) ?? new Map<string, number>();
        if (!m.has(a.userId)) m.set(a.userId, at);
        arrivals.set(body, m);
      }),
    );
  }
  const customers = Array.from({ length: c.customers }, (_, i) => String(4477100_00000 + i));
  for (const wa of customers) await graph("POST", "/simulator/users", { wa_id: wa, read_probability: 0 });

  const first: number[] = [],
    follow: number[] = [],
    every: number[] = [],
    accepted: number[] = [];
  let missing = 0;
  for (let round = 0; round < c.rounds; round++) {
    const bodies = customers.map((wa, i) => `round ${round} customer ${i}`);
    await Promise.all(
      customers.map(async (wa, i) => {
        sentAt.set(bodies[i], performance.now());
        const r = await graph("POST", `/simulator/users/${wa}/messages`, {
          to: creds.phone_number_ids[0],
          type: "text",
          text: { body: bodies[i] },
        });
        accepted.push(performance.now() - sentAt.get(bodies[i])!);
        if (r.status !== 201) throw new Error(`customer message: HTTP ${r.status} ${await r.text()}`);
      }),
    );
    const deadline = Date.now() + c.roundTimeoutMs;
    while (Date.now() < deadline && bodies.some((b) => (arrivals.get(b)?.size ?? 0) < agents.length))
      await new Promise((r) => setTimeout(r, 20));
    for (const b of bodies) {
      const got = arrivals.get(b);
      const t0 = sentAt.get(b)!;
      if (!got?.size) {
        missing++;
        continue;
      }
      for (const at of got.values()) every.push(at - t0);
      const owner = assignee.get(bodyConversation.get(b)!);
      const ownerAt = owner ? got.get(owner) : undefined;
      if (ownerAt === undefined) {
        missing++;
        continue;
      }
      (round === 0 ? first : follow).push(ownerAt - t0);
    }
  }
  for (const close of closers) close();
  return {
    customerRequest: summarize(accepted),
    agents: agents.length,
    customers: customers.length,
    rounds: c.rounds,
    firstMessage: summarize(first),
    followUps: summarize(follow),
    everySocket: summarize(every),
    missing,
  };
}
