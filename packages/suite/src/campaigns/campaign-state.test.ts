import { describe, expect, it } from "vitest";
import { CAMPAIGN_STATES, SENDING, UNFINISHED, canMove, isDraft, mayDelete, readyState } from "./campaign-state";

describe("campaign states", () => {
  it("sends a draft only by preparing it, and a prepared one goes scheduled, running or completed", () => {
    expect(canMove("draft", "preparing")).toBe(true);
    expect(canMove("draft", "running")).toBe(false);
    for (const to of ["scheduled", "running", "completed", "draft"] as const)
      expect(canMove("preparing", to)).toBe(true);
  });
  it("pauses only what is being sent, and resumes only what is paused", () => {
    expect(CAMPAIGN_STATES.filter((s) => canMove(s, "paused"))).toEqual(SENDING);
    expect(canMove("draft", "paused")).toBe(false);
    expect(canMove("paused", "running")).toBe(true);
    expect(canMove("completed", "running")).toBe(false);
  });
  it("cancels anything not finished, and nothing leaves completed or cancelled", () => {
    expect(CAMPAIGN_STATES.filter((s) => canMove(s, "cancelled"))).toEqual(UNFINISHED);
    for (const to of ["draft", "running", "paused", "cancelled", "completed"] as const) {
      expect(canMove("completed", to)).toBe(false);
      expect(canMove("cancelled", to)).toBe(false);
    }
  });
  it("edits only a draft, and deletes a draft or a finished campaign only", () => {
    expect(isDraft("draft")).toBe(true);
    expect(isDraft("paused")).toBe(false);
    expect(["draft", "completed", "cancelled"].every(mayDelete)).toBe(true);
    expect(["preparing", "scheduled", "running", "paused"].some(mayDelete)).toBe(false);
  });
  it("completes a send with nobody to send to, schedules one whose first recipient is due later, else runs it", () => {
    expect(readyState(0, null, 1000)).toBe("completed");
    expect(readyState(5, 2000, 1000)).toBe("scheduled");
    expect(readyState(5, 1000, 1000)).toBe("running");
    expect(readyState(5, null, 1000)).toBe("running");
  });
});
