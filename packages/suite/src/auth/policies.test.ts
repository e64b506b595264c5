import { describe, expect, it } from "vitest";
import { canSeeConversation as canSee } from "./policies";

const agent = { id: "a1", role: "agent", teamIds: ["sales"] };

describe("who sees a conversation", () => {
  it("lets an agent see their team's queue and the shared one, not another team's", () => {
    expect(canSee(agent, { team_id: "sales" })).toBe(true);
    expect(canSee(agent, { team_id: null })).toBe(true);
    expect(canSee(agent, { team_id: "support" })).toBe(false);
  });
  it("lets an agent see what is assigned to them wherever it sits", () => {
    expect(canSee(agent, { team_id: "support", assignee_id: "a1" })).toBe(true);
    expect(canSee(agent, { team_id: "support", assignee_id: "a2" })).toBe(false);
  });
  it("lets supervisors and admins see everything", () => {
    expect(canSee({ id: "s", role: "supervisor", teamIds: [] }, { team_id: "support" })).toBe(true);
    expect(canSee({ id: "x", role: "admin", teamIds: [] }, { team_id: "support" })).toBe(true);
  });
});
