import { describe, expect, it } from "vitest";
import { chooseAgent, type Candidate } from "./assignment";

const agent = (id: string, o: Partial<Candidate> = {}): Candidate => ({
  id,
  availability: "online",
  open: 0,
  capacity: 3,
  lastAssignedAt: null,
  ...o,
});

describe("automatic assignment", () => {
  it("round robin takes whoever was assigned longest ago", () => {
    expect(
      chooseAgent("round_robin", [
        agent("a", { lastAssignedAt: 20 }),
        agent("b", { lastAssignedAt: 10 }),
        agent("c", { lastAssignedAt: 30 }),
      ]),
    ).toBe("b");
    expect(chooseAgent("round_robin", [agent("a", { lastAssignedAt: 20 }), agent("b")])).toBe("b");
  });
  it("least open takes the lightest load", () => {
    expect(
      chooseAgent("least_open", [
        agent("a", { open: 2, lastAssignedAt: 1 }),
        agent("b", { open: 1, lastAssignedAt: 99 }),
      ]),
    ).toBe("b");
  });
  it("skips agents at capacity (not one below) and agents not online", () => {
    expect(
      chooseAgent("least_open", [agent("a", { open: 3 }), agent("b", { open: 2, availability: "away" })]),
    ).toBeNull();
    expect(chooseAgent("least_open", [agent("a", { open: 2 })])).toBe("a");
  });
  it("never assigns on a manual team", () => {
    expect(chooseAgent("manual", [agent("a")])).toBeNull();
  });
});
