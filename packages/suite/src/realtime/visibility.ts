// Who sees what (pure): admins and supervisors see the whole tenant; an agent sees conversations
// assigned to them, those in the queues of teams they belong to, and those in no team's queue.

export interface Viewer {
  id: string;
  role: string;
  teamIds: string[];
}
export interface Visible {
  team_id: string | null;
  assignee_id?: string | null;
}

export function canSee(v: Viewer, c: Visible): boolean {
  if (v.role === "admin" || v.role === "supervisor") return true;
  if (c.assignee_id === v.id) return true;
  return c.team_id === null || v.teamIds.includes(c.team_id);
}
