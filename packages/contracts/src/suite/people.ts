import { z } from "zod";
import { instant } from "./conversations";

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

export const TEAM_ASSIGNMENTS = ["round_robin", "least_open", "manual"] as const;

/** A team: who is in it and how routing gives its conversations out. */
export const team = z.object({
  id: z.string(),
  name: z.string(),
  assignment: z.enum(TEAM_ASSIGNMENTS),
  member_ids: z.array(z.string()),
});
export type Team = z.infer<typeof team>;

/** GET /suite/api/teams. */
export const teamList = z.object({ data: z.array(team) });

/** GET /suite/api/me: the signed-in user, their teams and the session's CSRF token. */
export const me = z.object({
  user: suiteUser,
  teams: z.array(team.pick({ id: true, name: true })),
  csrf_token: z.string(),
});
export type Me = z.infer<typeof me>;

/** An API key as listed: never the key itself, which is shown once when made. */
export const apiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("The key's first characters, to recognise it"),
  created_at: instant,
  last_used_at: instant.nullable(),
  revoked: z.boolean(),
});
export type ApiKey = z.infer<typeof apiKey>;

/** GET /suite/api/api-keys. */
export const apiKeyList = z.object({ data: z.array(apiKey) });

/** POST /suite/api/api-keys: the new key, with the key itself this once. */
export const madeApiKey = apiKey.extend({ key: z.string().describe("owk_…") });
export type MadeApiKey = z.infer<typeof madeApiKey>;
