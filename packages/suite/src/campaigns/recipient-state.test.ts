import { describe, expect, it } from "vitest";
import { beforeFailed, isRecipientState, statesBefore, timelineStatus } from "./recipient-state";

describe("campaign recipient states", () => {
  it("moves a recipient only forward: a delivered one is not sent again by a late tick", () => {
    expect(statesBefore("delivered")).toEqual(["pending", "sending", "unconfirmed", "accepted", "sent"]);
    expect(statesBefore("sent")).not.toContain("delivered");
    expect(statesBefore("read")).toContain("delivered");
    expect(statesBefore("pending")).toEqual([]);
  });
  it("knows its states, and which have not failed or been cancelled yet", () => {
    expect(isRecipientState("read")).toBe(true);
    expect(isRecipientState("deleted")).toBe(false);
    expect(beforeFailed("read")).toBe(true);
    expect(beforeFailed("failed")).toBe(false);
    expect(beforeFailed("cancelled")).toBe(false);
  });
  it("shows a campaign message's tick on the timeline, accepted until the Cloud API says more", () => {
    expect(timelineStatus("delivered")).toBe("delivered");
    expect(timelineStatus("unconfirmed")).toBe("accepted");
    expect(timelineStatus("pending")).toBe("accepted");
  });
});
