import { z } from "zod";

// The people of a tenant as the suite API answers (packages/suite/src/auth, packages/suite/src/people).

export const ROLES = ["admin", "supervisor", "agent"] as const;
export type Role = (typeof ROLES)[number];
export const AVAILABILITIES = ["online", "away", "offline"] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export const suiteUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(["active", "invited", "disabled"]),
  availability: z.enum(AVAILABILITIES),
  capacity: z.int().describe("Open conversations routing gives at most"),
});
export type User = z.infer<typeof suiteUser>;
