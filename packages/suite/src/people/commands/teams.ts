import type { Db } from "@openwaba/store";
import { SuiteError, notFound } from "../../errors";
import { newId } from "../../ids";
import { tenantTeam } from "../tenant-team";

/** How a team's conversations are given out. */
export type TeamAssignment = "round_robin" | "least_open" | "manual";

export interface CreateTeamProps {
  tenantId: string;
  name: string;
  assignment: TeamAssignment;
  /** When it is made. */
  at: number;
}

/** A new team of a tenant, with no members yet. */
export async function createTeam(db: Db, p: CreateTeamProps) {
  const row = { id: newId(), tenant_id: p.tenantId, name: p.name, assignment: p.assignment, created_at: p.at };
  await db.insertInto("suite_teams").values(row).execute();
  return row;
}

/** Renames a team or changes its assignment; another tenant's team is 404. */
export async function editTeam(
  db: Db,
  p: { tenantId: string; teamId: string; change: { name?: string; assignment?: TeamAssignment } },
): Promise<void> {
  const r = await db
    .updateTable("suite_teams")
    .set(p.change)
    .where("id", "=", p.teamId)
    .where("tenant_id", "=", p.tenantId)
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw notFound("Team");
}

export interface SetTeamMembersProps {
  tenantId: string;
  /** A team of the tenant; another tenant's is 404. */
  teamId: string;
  /** Every member, replacing the old ones: people of the tenant (repeats count once). */
  userIds: string[];
}

/** Replaces a team's members; returns them, each once. */
export async function setTeamMembers(tx: Db, p: SetTeamMembersProps): Promise<{ id: string; member_ids: string[] }> {
  const t = await tenantTeam(tx, { tenantId: p.tenantId, teamId: p.teamId });
  if (!t) throw notFound("Team");
  const ids = [...new Set(p.userIds)];
  const known = ids.length
    ? await tx
        .selectFrom("suite_users")
        .select("id")
        .where("id", "in", ids)
        .where("tenant_id", "=", p.tenantId)
        .execute()
    : [];
  if (known.length !== ids.length)
    throw new SuiteError(400, "invalid_request", "user_ids: every member must be a user of this tenant.", {
      field: "user_ids",
    });
  await tx.deleteFrom("suite_team_members").where("team_id", "=", t.id).execute();
  if (ids.length)
    await tx
      .insertInto("suite_team_members")
      .values(ids.map((user_id) => ({ team_id: t.id, user_id })))
      .execute();
  return { id: t.id, member_ids: ids };
}
