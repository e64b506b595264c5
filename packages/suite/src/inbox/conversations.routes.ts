import type { FastifyInstance } from "fastify";
import { tenantTransaction } from "../unit-of-work";
import {
  assignRequest,
  conversationEditRequest,
  conversationListQuery,
  noteRequest,
  stateRequest,
} from "@openwaba/contracts/suite";
import { requireUser } from "../auth/sessions";
import { SuiteError, parseBody } from "../errors";
import { claimConversation } from "./commands/take-conversation";
import { transferConversation } from "./commands/transfer-conversation";
import type { Suite } from "../suite";
import { sendFromConsole } from "./compose";
import { startConversation } from "./start-conversation";
import { addNote } from "./commands/add-note";
import { changeConversationState } from "./commands/change-conversation-state";
import { editConversation } from "./commands/edit-conversation";
import { tenantTeam } from "../people/tenant-team";
import { authorNames } from "./author-names";
import { conversationSearch, listExtras } from "./conversation-list";
import { markConversationRead } from "./commands/mark-read";
import { presentConversation, presentEvent, presentMessage } from "./present";
import { teamIdsOf, visibleConversation } from "./visible-conversation";
import { authorizeTransfer, authorizeWorkOn, may } from "../auth/policies";

/** The inbox: conversations the user may see, their timelines, and what agents do with them. */
export function registerConversationRoutes(app: FastifyInstance, suite: Suite): void {
  app.get<{ Querystring: Record<string, string> }>("/suite/api/conversations", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const f = parseBody(conversationListQuery, req.query);
    let q = suite.db.selectFrom("suite_conversations").selectAll().where("tenant_id", "=", user.tenant_id);
    if (f.state !== "all") q = q.where("state", "=", f.state);
    if (f.assignee === "me") q = q.where("assignee_id", "=", user.id);
    else if (f.assignee === "unassigned") q = q.where("assignee_id", "is", null);
    else if (f.assignee) q = q.where("assignee_id", "=", f.assignee);
    if (f.team) q = q.where("team_id", "=", f.team);
    if (f.q?.trim()) q = q.where(conversationSearch(suite, f.q.trim()));
    // What an agent may see (canSeeConversation in auth/policies.ts), in the query, so paging never hides it.
    if (!may(user, "conversations.see-all")) {
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
      ...events.map((e) => ({ sort: e.at, item: presentEvent({ ...e, data: JSON.parse(e.data) }) })),
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
    authorizeWorkOn(user, c);
    return reply.code(201).send(await sendFromConsole(suite, user, c, req.body));
  });

  // Internal notes: on the timeline for the team, never sent to the customer.
  app.post<{ Params: { id: string } }>("/suite/api/conversations/:id/notes", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    const b = parseBody(noteRequest, req.body);
    const shown = await tenantTransaction(suite, c.tenant_id, (tx) =>
      addNote(suite, tx, { conversation: c, body: b.body, author: { id: user.id, name: user.name } }),
    );
    return reply.code(201).send(shown);
  });

  app.post<{ Params: { id: string } }>("/suite/api/conversations/:id/claim", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    await tenantTransaction(suite, c.tenant_id, (tx) =>
      claimConversation(suite, tx, { conversationId: c.id, userId: user.id }),
    );
    return reply.send(await current(suite, c.id));
  });

  // Transfer: supervisors and admins move anything; an agent hands on what is theirs.
  app.post<{ Params: { id: string } }>("/suite/api/conversations/:id/assign", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    const b = parseBody(assignRequest, req.body);
    authorizeTransfer(user, c);
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
      const t = await tenantTeam(suite.db, { tenantId: user.tenant_id, teamId: b.team_id });
      if (!t)
        throw new SuiteError(400, "invalid_request", "team_id: no team of this tenant has that id.", {
          field: "team_id",
        });
    }
    await tenantTransaction(suite, c.tenant_id, (tx) =>
      transferConversation(suite, tx, {
        conversationId: c.id,
        assigneeId: b.assignee_id,
        teamId: b.team_id,
        actorId: user.id,
      }),
    );
    return reply.send(await current(suite, c.id));
  });

  app.post<{ Params: { id: string } }>("/suite/api/conversations/:id/state", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    authorizeWorkOn(user, c);
    const b = parseBody(stateRequest, req.body);
    await tenantTransaction(suite, c.tenant_id, (tx) =>
      changeConversationState(suite, tx, {
        conversation: c,
        to: b.state,
        snoozedUntil: b.snoozed_until ? Date.parse(b.snoozed_until) : undefined,
        csat: b.csat,
        actorId: user.id,
      }),
    );
    return reply.send(await current(suite, c.id));
  });

  app.patch<{ Params: { id: string } }>("/suite/api/conversations/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const c = await visibleConversation(suite.db, user, req.params.id);
    authorizeWorkOn(user, c);
    const b = parseBody(conversationEditRequest, req.body);
    await tenantTransaction(suite, c.tenant_id, (tx) =>
      editConversation(suite, tx, { conversationId: c.id, ...b, actorId: user.id }),
    );
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
    await markConversationRead(suite.db, { conversationId: c.id, userId: user.id, at: suite.clock.now() });
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
