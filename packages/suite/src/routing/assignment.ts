// Automatic assignment (pure): among a team's members who are online and under their capacity,
// round robin takes the one assigned longest ago; least open takes the one with the fewest open
// conversations (ties: assigned longest ago). Manual teams wait for a claim.

export type Strategy = "round_robin" | "least_open" | "manual";
export interface Candidate {
  id: string;
  availability: string;
  open: number;
  capacity: number;
  lastAssignedAt: number | null;
}

export function chooseAgent(strategy: Strategy, candidates: Candidate[]): string | null {
  if (strategy === "manual") return null;
  const free = candidates.filter((c) => c.availability === "online" && c.open < c.capacity);
  const longestAgo = (a: Candidate, b: Candidate) =>
    (a.lastAssignedAt ?? -1) - (b.lastAssignedAt ?? -1) || a.id.localeCompare(b.id);
  free.sort(strategy === "least_open" ? (a, b) => a.open - b.open || longestAgo(a, b) : longestAgo);
  return free[0]?.id ?? null;
}
