import { describe, expect, it } from "vitest";
import { groupCycles, median, toCsv, type Cycle } from "./metrics";

const day = Date.UTC(2026, 10, 20);
const cycle = (o: Partial<Cycle>): Cycle => ({
  opened_at: day,
  first_response_at: null,
  resolved_at: null,
  agent_id: "a",
  team_id: "t",
  csat: null,
  ...o,
});

describe("report metrics", () => {
  it("takes the median of odd and even counts", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it("groups cycles by day with first response and resolution times in seconds and CSAT", () => {
    const rows = groupCycles(
      [
        cycle({ first_response_at: day + 30_000, resolved_at: day + 600_000, csat: 5 }),
        cycle({ first_response_at: day + 90_000, csat: 3 }),
        cycle({ opened_at: day + 86_400_000 }),
      ],
      "day",
    );
    expect(rows).toEqual([
      {
        key: "2026-11-20",
        conversations: 2,
        resolved: 1,
        first_response_median_s: 60,
        first_response_avg_s: 60,
        resolution_median_s: 600,
        csat_avg: 4,
        csat_count: 2,
      },
      {
        key: "2026-11-21",
        conversations: 1,
        resolved: 0,
        first_response_median_s: null,
        first_response_avg_s: null,
        resolution_median_s: null,
        csat_avg: null,
        csat_count: 0,
      },
    ]);
  });
  it("groups by the day in the business's time zone", () => {
    // 23:30 UTC on 20 November is already the 21st in Warsaw.
    const late = cycle({ opened_at: day + 23.5 * 3_600_000 });
    expect(groupCycles([late], "day").map((r) => r.key)).toEqual(["2026-11-20"]);
    expect(groupCycles([late], "day", "Europe/Warsaw").map((r) => r.key)).toEqual(["2026-11-21"]);
  });
  it("groups by agent, keeping unassigned cycles apart", () => {
    expect(groupCycles([cycle({ agent_id: null }), cycle({ agent_id: "b" })], "agent").map((r) => r.key)).toEqual([
      "b",
      "unassigned",
    ]);
  });
  it("writes CSV that spreadsheets read back", () => {
    expect(
      toCsv([
        { key: "Ola, Nowak", n: 1 },
        { key: 'say "hi"', n: null },
      ]),
    ).toBe('key,n\n"Ola, Nowak",1\n"say ""hi""",\n');
  });
});
