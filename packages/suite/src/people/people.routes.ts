import type { FastifyInstance } from "fastify";
import { authorizePersonChange } from "../auth/policies";
import { tenantTransaction } from "../unit-of-work";
import {
  availabilityRequest,
  inviteRequest,
  teamEditRequest,
  teamMembersRequest,
  teamRequest,
  userEditRequest,
} from "@openwaba/contracts/suite";
import { ROLES, presentUser, requireUser } from "../auth/sessions";
import { notFound, parseBody } from "../errors";
import type { Suite } from "../suite";
import { editPerson } from "./commands/edit-person";
import { invitePerson } from "./commands/invite-person";
import { setAvailability } from "./commands/set-availability";
import { createTeam, editTeam, setTeamMembers } from "./commands/teams";

/** Users, invitations, availability and teams of the signed-in user's tenant. */
export function registerPeopleRoutes(app: FastifyInstance, suite: Suite): void {
  app.get("/suite/api/users", async (req, reply) => {
    const { user } = await requireUser(suite, req, "people.list");
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
    const { user } = await requireUser(suite, req, "people.manage");
    const b = parseBody(inviteRequest, req.body);
    const { user: invited, token, expiresAt } = await invitePerson(suite, suite.db, { tenantId: user.tenant_id, ...b });
    return reply.code(201).send({
      user: presentUser(invited),
      invitation: {
        token,
        accept_url: `/#/invitation/${token}`,
        expires_at: new Date(expiresAt).toISOString(),
      },
    });
  });

  app.patch<{ Params: { id: string } }>("/suite/api/users/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "people.manage");
    const b = parseBody(userEditRequest, req.body);
    const target = await suite.db
      .selectFrom("suite_users")
      .selectAll()
      .where("id", "=", req.params.id)
      .where("tenant_id", "=", user.tenant_id)
      .executeTakeFirst();
    if (!target) throw notFound("User");
    authorizePersonChange(user, target, b);
    const updated = await tenantTransaction(suite, user.tenant_id, (tx) =>
      editPerson(suite, tx, { personId: target.id, change: b, actorId: user.id }),
    );
    return reply.send(presentUser(updated));
  });

  // An agent's availability: only online agents are assigned automatically; coming online takes waiting work.
  app.post("/suite/api/me/availability", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    const b = parseBody(availabilityRequest, req.body);
    await tenantTransaction(suite, user.tenant_id, (tx) =>
      setAvailability(suite, tx, { user, availability: b.availability }),
    );
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
    const { user } = await requireUser(suite, req, "teams.manage");
    const b = parseBody(teamRequest, req.body);
    const row = await createTeam(suite.db, { tenantId: user.tenant_id, ...b, at: suite.clock.now() });
    return reply.code(201).send({ id: row.id, name: row.name, assignment: row.assignment, member_ids: [] });
  });

  app.patch<{ Params: { id: string } }>("/suite/api/teams/:id", async (req, reply) => {
    const { user } = await requireUser(suite, req, "teams.manage");
    const b = parseBody(teamEditRequest, req.body);
    await editTeam(suite.db, { tenantId: user.tenant_id, teamId: req.params.id, change: b });
    return reply.send({ ok: true });
  });

  app.put<{ Params: { id: string } }>("/suite/api/teams/:id/members", async (req, reply) => {
    const { user } = await requireUser(suite, req, "teams.manage");
    const b = parseBody(teamMembersRequest, req.body);
    const team = await tenantTransaction(suite, user.tenant_id, (tx) =>
      setTeamMembers(tx, { tenantId: user.tenant_id, teamId: req.params.id, userIds: b.user_ids }),
    );
    return reply.send(team);
  });
}
