import type { FastifyInstance } from "fastify";
import { tenantTransaction } from "../realtime/tenant-lock";
import { createHash } from "node:crypto";
import { z } from "zod";
import { ROLES, presentUser, requireUser } from "../auth/sessions";
import { SuiteError, notFound, parseBody } from "../errors";
import { newId, randomSecret } from "../ids";
import type { Suite } from "../suite";
import { transferConversation } from "../routing/assign";
import { setAvailability } from "./availability";

const INVITE_MS = 7 * 24 * 3600_000;
const invite = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
});
const editUser = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    role: z.enum(ROLES).optional(),
    status: z.enum(["active", "disabled"]).optional(),
    capacity: z.number().int().min(0).max(500).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "give at least one of name, role, status, capacity" });
const availability = z.strictObject({ availability: z.enum(["online", "away", "offline"]) });
const team = z.strictObject({
  name: z.string().trim().min(1).max(80),
  assignment: z.enum(["round_robin", "least_open", "manual"]).default("round_robin"),
});
const editTeam = z
  .strictObject({
    name: z.string().trim().min(1).max(80).optional(),
    assignment: z.enum(["round_robin", "least_open", "manual"]).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "give name and/or assignment" });
const members = z.strictObject({ user_ids: z.array(z.string().min(1)).max(500) });

/** Users, invitations, availability and teams of the signed-in user's tenant. */
export function registerPeopleRoutes(app: FastifyInstance, suite: Suite): void {
  app.get("/suite/api/users", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    const rows = await suite.db
      .selectFrom("suite_users")
      .selectAll()
      .where("tenant_id", "=", user.tenant_id)
      .orderBy("name")
      .execute();
    return reply.send({ data: rows.map(presentUser) });
  });

  // An invitation: the person appears as "invited"; the link (token shown once) lets them set a password.
  app.post("/suite/api/users", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin"]);
    const b = parseBody(invite, req.body);
    if (await suite.db.selectFrom("suite_users").select("id").where("email", "=", b.email).executeTakeFirst()) {
      throw new SuiteError(409, "email_taken", `${b.email} already has an account.`, { field: "email" });
    }
    const token = randomSecret(24),
      now = suite.securityClock.now();
    const row = {
      id: newId(),
      tenant_id: user.tenant_id,
      email: b.email,
      name: b.name,
      role: b.role,
      password_hash: null,
      status: "invited",
      availability: "offline" as const,
      capacity: 10,
      invite_token_hash: createHash("sha256").update(token).digest("hex"),
      invite_expires_at: now + INVITE_MS,
      created_at: now,
    };
    await suite.db.insertInto("suite_users").values(row).execute();
    return reply.code(201).send({
      user: presentUser({ ...row, failed_logins: 0, locked_until: null, last_assigned_at: null }),
      invitation: {
        token,
        accept_url: `/#/invitation/${token}`,
        expires_at: new Date(row.invite_expires_at).toISOString(),
      },
    });
  });

  app.patch<{ Params: { id: string } }>("/suite/api/users/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin"]);
    const b = parseBody(editUser, req.body);
    const target = await suite.db
      .selectFrom("suite_users")
      .selectAll()
      .where("id", "=", req.params.id)
      .where("tenant_id", "=", user.tenant_id)
      .executeTakeFirst();
    if (!target) throw notFound("User");
    if (target.id === user.id && ((b.role && b.role !== "admin") || b.status === "disabled"))
      throw new SuiteError(409, "last_admin", "You cannot demote or disable yourself.");
    await tenantTransaction(suite, user.tenant_id, async (tx) => {
      await tx.updateTable("suite_users").set(b).where("id", "=", target.id).execute();
      if (b.status !== "disabled") return;
      // Someone who leaves takes nothing with them: sessions end, their open work goes back to the queues.
      await tx.deleteFrom("suite_sessions").where("user_id", "=", target.id).execute();
      const held = await tx
        .selectFrom("suite_conversations")
        .select("id")
        .where("assignee_id", "=", target.id)
        .where("state", "!=", "resolved")
        .execute();
      for (const c of held) await transferConversation(suite, tx, c.id, { assignee_id: null }, user.id);
    });
    suite.bus.notify();
    const updated = await suite.db
      .selectFrom("suite_users")
      .selectAll()
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    return reply.send(presentUser(updated));
  });

  // An agent's availability: only online agents are assigned automatically; coming online takes waiting work.
  app.post("/suite/api/me/availability", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const b = parseBody(availability, req.body);
    await tenantTransaction(suite, user.tenant_id, (tx) => setAvailability(suite, tx, user, b.availability));
    suite.bus.notify();
    return reply.send({ availability: b.availability });
  });

  app.get("/suite/api/teams", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const teams = await suite.db
      .selectFrom("suite_teams")
      .selectAll()
      .where("tenant_id", "=", user.tenant_id)
      .orderBy("name")
      .execute();
    const m = await suite.db
      .selectFrom("suite_team_members")
      .innerJoin("suite_teams", "suite_teams.id", "suite_team_members.team_id")
      .select(["suite_team_members.team_id", "suite_team_members.user_id"])
      .where("suite_teams.tenant_id", "=", user.tenant_id)
      .execute();
    return reply.send({
      data: teams.map((t) => ({
        id: t.id,
        name: t.name,
        assignment: t.assignment,
        member_ids: m.filter((x) => x.team_id === t.id).map((x) => x.user_id),
      })),
    });
  });

  app.post("/suite/api/teams", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin"]);
    const b = parseBody(team, req.body);
    const row = {
      id: newId(),
      tenant_id: user.tenant_id,
      name: b.name,
      assignment: b.assignment,
      created_at: suite.clock.now(),
    };
    await suite.db.insertInto("suite_teams").values(row).execute();
    return reply.code(201).send({ id: row.id, name: row.name, assignment: row.assignment, member_ids: [] });
  });

  app.patch<{ Params: { id: string } }>("/suite/api/teams/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin"]);
    const b = parseBody(editTeam, req.body);
    const r = await suite.db
      .updateTable("suite_teams")
      .set(b)
      .where("id", "=", req.params.id)
      .where("tenant_id", "=", user.tenant_id)
      .executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw notFound("Team");
    return reply.send({ ok: true });
  });

  app.put<{ Params: { id: string } }>("/suite/api/teams/:id/members", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin"]);
    const b = parseBody(members, req.body);
    const t = await suite.db
      .selectFrom("suite_teams")
      .select("id")
      .where("id", "=", req.params.id)
      .where("tenant_id", "=", user.tenant_id)
      .executeTakeFirst();
    if (!t) throw notFound("Team");
    const ids = [...new Set(b.user_ids)];
    const known = ids.length
      ? await suite.db
          .selectFrom("suite_users")
          .select("id")
          .where("id", "in", ids)
          .where("tenant_id", "=", user.tenant_id)
          .execute()
      : [];
    if (known.length !== ids.length)
      throw new SuiteError(400, "invalid_request", "user_ids: every member must be a user of this tenant.", {
        field: "user_ids",
      });
    await tenantTransaction(suite, user.tenant_id, async (tx) => {
      await tx.deleteFrom("suite_team_members").where("team_id", "=", t.id).execute();
      if (ids.length)
        await tx
          .insertInto("suite_team_members")
          .values(ids.map((user_id) => ({ team_id: t.id, user_id })))
          .execute();
    });
    return reply.send({ id: t.id, member_ids: ids });
  });
}
