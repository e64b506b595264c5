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

// What the people, teams, sign-in and API key routes take (packages/suite/src/people/people.routes.ts,
// packages/suite/src/auth/auth.routes.ts, packages/suite/src/auth/api-keys.routes.ts).

/** POST /suite/api/login. */
export const loginRequest = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequest>;

/** The shortest password the suite accepts. */
export const MIN_PASSWORD_LENGTH = 10;

/** POST /suite/api/invitations/accept: the invitation's token, a password, and a name if another is wanted. */
export const acceptInvitationRequest = z.strictObject({
  token: z.string().min(10).max(200),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
  name: z.string().trim().min(1).max(120).optional(),
});
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequest>;

/** POST /suite/api/users: invite someone to the tenant. */
export const inviteRequest = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
});
export type InviteRequest = z.infer<typeof inviteRequest>;

/** PATCH /suite/api/users/{id}. */
export const userEditRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    role: z.enum(ROLES).optional(),
    status: z.enum(["active", "disabled"]).optional(),
    capacity: z.number().int().min(0).max(500).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "give at least one of name, role, status, capacity" });
export type UserEditRequest = z.infer<typeof userEditRequest>;

/** POST /suite/api/me/availability. */
export const availabilityRequest = z.strictObject({ availability: z.enum(AVAILABILITIES) });
export type AvailabilityRequest = z.infer<typeof availabilityRequest>;

/** POST /suite/api/teams. */
export const teamRequest = z.strictObject({
  name: z.string().trim().min(1).max(80),
  assignment: z.enum(TEAM_ASSIGNMENTS).default("round_robin"),
});
export type TeamRequest = z.infer<typeof teamRequest>;

/** PATCH /suite/api/teams/{id}. */
export const teamEditRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(80).optional(),
    assignment: z.enum(TEAM_ASSIGNMENTS).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "give name and/or assignment" });
export type TeamEditRequest = z.infer<typeof teamEditRequest>;

/** PUT /suite/api/teams/{id}/members: the whole list. */
export const teamMembersRequest = z.strictObject({ user_ids: z.array(z.string().min(1)).max(500) });
export type TeamMembersRequest = z.infer<typeof teamMembersRequest>;

/** POST /suite/api/api-keys. */
export const apiKeyRequest = z.strictObject({ name: z.string().trim().min(1).max(80) });
export type ApiKeyRequest = z.infer<typeof apiKeyRequest>;
