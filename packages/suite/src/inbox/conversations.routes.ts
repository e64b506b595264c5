import type { FastifyInstance } from "fastify";
import { tenantTransaction } from "../realtime/tenant-lock";
import { z } from "zod";
import { requireUser } from "../auth/sessions";
import { SuiteError, forbidden, parseBody } from "../errors";
import { newId } from "../ids";
import { publish } from "../realtime/publish";
import { claimConversation, transferConversation } from "../routing/assign";
import type { Suite } from "../suite";
import { sendFromConsole } from "./compose";
import { startConversation } from "./start-conversation";
import { reopenConversation, resolveConversation } from "./resolve";
import { startResolvedFlow, stopBotRun } from "../flows/flow-runs";
import { recordEvent } from "./conversation-events";
import { STATES, canMove, type ConversationState } from "./conversation-state";
import { authorNames } from "./author-names";
import { conversationSearch, listExtras, markConversationRead } from "./conversation-list";
import { presentConversation, presentMessage } from "./present";
import { mayWorkOn, teamIdsOf, visibleConversation } from "./visible-conversation";

const list = z.strictObject({
  state: z.enum([...STATES, "all"]).default("open"),
  assignee: z.string().optional(),
  team: z.string().optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const note = z.strictObject({ body: z.string().trim().min(1).max(4096) });
const assign = z
  .strictObject({ assignee_id: z.string().nullable().optional(), team_id: z.string().nullable().optional() })
  .refine((b) => b.assignee_id !== undefined || b.team_id !== undefined, {
    message: "give assignee_id and/or team_id",
  });
const state = z.strictObject({
  state: z.enum(STATES),
  snoozed_until: z.iso.datetime().optional(),
  csat: z.number().int().min(1).max(5).optional(),
});
const edit = z
  .strictObject({
    labels: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    priority: z.enum(["low", "normal", "high", "urgent"]).optional(),
  })
  .refine((b) => b.labels !== undefined || b.priority !== undefined, { message: "give labels and/or priority" });

/** The inbox: conversations the user may see, their timelines, and what agents do with them. */
export function registerConversationRoutes(app: FastifyInstance, suite: Suite): void {
  app.get<{ Querystring: Record<string, string> }>("/suite/api/conversations", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const f = parseBody(list, req.query);
    let q = suite.db.selectFrom("suite_conversations").selectAll().where("tenant_id", "=", user.tenant_id);
    if (f.state !== "all") q = q.where("state", "=", f.state);
    if (f.assignee === "me") q = q.where("assignee_id", "=", user.id);
    else if (f.assignee === "unassigned") q = q.where("assignee_id", "is", null);
    else if (f.assignee) q = q.where("assignee_id", "=", f.assignee);
    if (f.team) q = q.where("team_id", "=", f.team);
    if (f.q?.trim()) q = q.where(conversationSearch(suite, f.q.trim()));
    // What an agent may see (realtime/visibility.ts), in the query, so paging never hides it.
    if (user.role === "agent") {
      const teams = await teamIdsOf(suite.db, user.id);
      q = q.where((e) =>
        e.or([
          e("assignee_id", "=", user.id),
          e("team_id", "is", null),
          ...(teams.length ? [e("team_id", "in", teams)] : []),
        ]),
      );
    }
    const rows = await q.orderBy("last_message_at", "desc").limit(f.limit).execute();
    const now = suite.clock.now();
    const extras = await listExtras(suite.db, user.id, rows);
    // server_time: the list says "Today" by the server's clock (which tests may move).
    return reply.send({
      data: rows.map((c) => ({ ...presentConversation(c, now), ...extras.get(c.id) })),
      server_time: new Date(now).toISOString(),
    });
  });

  // A new conversation: the business writes first, with an approved template (start-conversation.ts).
  app.post("/suite/api/conversations", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    return reply.code(201).send(await startConversation(suite, user, req.body));
  });

  app.get<{ Params: { id: string } }>("/suite/api/conversations/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    const messages = await suite.db
      .selectFrom("suite_messages")
      .selectAll()
      .where("conversation_id", "=", c.id)
      .orderBy("at")
      .execute();
    const events = await suite.db
      .selectFrom("suite_conversation_events")
      .selectAll()
      .where("conversation_id", "=", c.id)
      .orderBy("at")
      .execute();
    const names = await authorNames(
      suite.db,
      c.tenant_id,
      messages.map((m) => m.author_id),
    );
    const timeline = [
      ...messages.map((m) => ({ sort: m.at, item: presentMessage(m, names) as Record<string, unknown> })),
      ...events.map((e) => ({
        sort: e.at,
        item: {
          kind: "event",
          id: e.id,
          type: e.kind,
          actor_id: e.actor_id,
          data: JSON.parse(e.data),
          at: new Date(e.at).toISOString(),
        },
      })),
    ]
      .sort((a, b) => a.sort - b.sort)
      .map((x) => x.item);
    const past = await suite.db
      .selectFrom("suite_cycles")
      .select(["opened_at", "resolved_at", "agent_id", "csat"])
      .where("conversation_id", "=", c.id)
      .orderBy("resolved_at", "desc")
      .limit(20)
      .execute();
    // server_time: the console counts the window down against the server's clock (which tests may move).
    return reply.send({
      conversation: presentConversation(c, suite.clock.now()),
      server_time: new Date(suite.clock.now()).toISOString(),
      timeline,
      past_cycles: past.map((p) => ({
        ...p,
        opened_at: new Date(p.opened_at).toISOString(),
        resolved_at: new Date(p.resolved_at).toISOString(),
      })),
    });
  });

  app.post<{ Params: { id: string } }>("/suite/api/conversations/:id/messages", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    mayWorkOn(user, c);
    return reply.code(201).send(await sendFromConsole(suite, user, c, req.body));
  });

  // Internal notes: on the timeline for the team, never sent to the customer.
  app.post<{ Params: { id: string } }>("/suite/api/conversations/:id/notes", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    const b = parseBody(note, req.body);
    const now = suite.clock.now();
    const row = {
      id: newId(),
      conversation_id: c.id,
      direction: "note",
      type: "text",
      content: JSON.stringify({ body: b.body }),
      status: "note",
      error: null,
      author_id: user.id,
      context_id: null,
      at: now,
      updated_at: now,
    };
    const names = new Map([[user.id, user.name]]);
    await tenantTransaction(suite, c.tenant_id, async (tx) => {
      await tx.insertInto("suite_messages").values(row).execute();
      await publish(suite, tx, {
        tenant_id: c.tenant_id,
        team_id: c.team_id,
        conversation_id: c.id,
        kind: "message.created",
        payload: { message: presentMessage(row, names), assignee_id: c.assignee_id },
      });
    });
    suite.bus.notify();
    return reply.code(201).send(presentMessage(row, names));
  });

  app.post<{ Params: { id: string } }>("/suite/api/conversations/:id/claim", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    await tenantTransaction(suite, c.tenant_id, (tx) => claimConversation(suite, tx, c.id, user.id));
    suite.bus.notify();
    return reply.send(await current(suite, c.id));
  });

  // Transfer: supervisors and admins move anything; an agent hands on what is theirs.
  app.post<{ Params: { id: string } }>("/suite/api/conversations/:id/assign", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    const b = parseBody(assign, req.body);
    if (user.role === "agent" && c.assignee_id !== user.id)
      throw forbidden("Agents may transfer only conversations assigned to them.");
    if (b.assignee_id) {
      const a = await suite.db
        .selectFrom("suite_users")
        .select("id")
        .where("id", "=", b.assignee_id)
        .where("tenant_id", "=", user.tenant_id)
        .where("status", "=", "active")
        .executeTakeFirst();
      if (!a)
        throw new SuiteError(400, "invalid_request", "assignee_id: no active user of this tenant has that id.", {
          field: "assignee_id",
        });
    }
    if (b.team_id) {
      const t = await suite.db
        .selectFrom("suite_teams")
        .select("id")
        .where("id", "=", b.team_id)
        .where("tenant_id", "=", user.tenant_id)
        .executeTakeFirst();
      if (!t)
        throw new SuiteError(400, "invalid_request", "team_id: no team of this tenant has that id.", {
          field: "team_id",
        });
    }
    await tenantTransaction(suite, c.tenant_id, (tx) => transferConversation(suite, tx, c.id, b, user.id));
    suite.bus.notify();
    return reply.send(await current(suite, c.id));
  });

  app.post<{ Params: { id: string } }>("/suite/api/conversations/:id/state", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    mayWorkOn(user, c);
    const b = parseBody(state, req.body);
    const now = suite.clock.now();
    if (!canMove(c.state as ConversationState, b.state))
      throw new SuiteError(409, "invalid_transition", `A ${c.state} conversation cannot become ${b.state}.`);
    const until = b.snoozed_until ? Date.parse(b.snoozed_until) : null;
    if (b.state === "snoozed" && (until === null || until <= now))
      throw new SuiteError(400, "invalid_request", "snoozed_until: snoozing needs a time in the future.", {
        field: "snoozed_until",
      });
    await tenantTransaction(suite, c.tenant_id, async (tx) => {
      if (b.state === "resolved") {
        if (!(await resolveConversation(suite, tx, c, user.id, b.csat ?? null)))
          throw new SuiteError(409, "invalid_transition", "The conversation changed meanwhile; look again.");
        await stopBotRun(suite, tx, c.id, "resolved", user.id);
        await startResolvedFlow(suite, tx, c.id);
        return;
      }
      // A resolved conversation can only be reopened (canMove), as a new cycle.
      if (c.state === "resolved") {
        if (!(await reopenConversation(suite, tx, c, user.id)))
          throw new SuiteError(409, "invalid_transition", "The conversation changed meanwhile; look again.");
        return;
      }
      // Only from the state it was read in: of two agents changing it at once, one does it.
      const moved = await tx
        .updateTable("suite_conversations")
        .set({ state: b.state, snoozed_until: b.state === "snoozed" ? until : null, resolved_at: null })
        .where("id", "=", c.id)
        .where("state", "=", c.state)
        .executeTakeFirst();
      if (!Number(moved.numUpdatedRows))
        throw new SuiteError(409, "invalid_transition", "The conversation changed meanwhile; look again.");
      await recordEvent(
        suite,
        tx,
        c.id,
        b.state,
        user.id,
        b.state === "snoozed" ? { snoozed_until: b.snoozed_until } : {},
      );
    });
    suite.bus.notify();
    return reply.send(await current(suite, c.id));
  });

  app.patch<{ Params: { id: string } }>("/suite/api/conversations/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    mayWorkOn(user, c);
    const b = parseBody(edit, req.body);
    await tenantTransaction(suite, c.tenant_id, async (tx) => {
      await tx
        .updateTable("suite_conversations")
        .set({
          ...(b.labels ? { labels: JSON.stringify([...new Set(b.labels)]) } : {}),
          ...(b.priority ? { priority: b.priority } : {}),
        })
        .where("id", "=", c.id)
        .execute();
      await recordEvent(suite, tx, c.id, "edited", user.id, b);
    });
    suite.bus.notify();
    return reply.send(await current(suite, c.id));
  });

  // "Agent is typing": shown in the other consoles at once (never stored), and to the customer.
  app.post<{ Params: { id: string } }>("/suite/api/conversations/:id/typing", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    suite.bus.signal({
      tenant_id: c.tenant_id,
      team_id: c.team_id,
      conversation_id: c.id,
      kind: "agent.typing",
      payload: { user_id: user.id, name: user.name },
    });
    return reply.send({ ok: true });
  });

  // The agent has read the customer's messages: blue ticks on the customer's phone, and nothing
  // unread in this viewer's list (the count is each person's own: nobody else needs to hear).
  app.post<{ Params: { id: string } }>("/suite/api/conversations/:id/read", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    await markConversationRead(suite.db, c.id, user.id, suite.clock.now());
    const last = await suite.db
      .selectFrom("suite_messages")
      .select("id")
      .where("conversation_id", "=", c.id)
      .where("direction", "=", "in")
      .orderBy("at", "desc")
      .limit(1)
      .executeTakeFirst();
    if (last) {
      const conn = await suite.db
        .selectFrom("suite_numbers")
        .select("connection_id")
        .where("id", "=", c.phone_number_id)
        .executeTakeFirstOrThrow();
      await (await suite.client(conn.connection_id))
        .markRead(c.phone_number_id, last.id)
        .catch((err) => suite.log.warn({ err }, "mark as read failed"));
    }
    return reply.send({ ok: true });
  });
}

async function current(suite: Suite, id: string) {
  const c = await suite.db.selectFrom("suite_conversations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  return presentConversation(c, suite.clock.now());
}
