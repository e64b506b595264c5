import type { FastifyReply, FastifyRequest } from "fastify";
import type { Selectable } from "kysely";
import type { SuiteUsersTable, UserRole } from "@openwaba/store";
import { SuiteError } from "../errors";
import { type Action, authorize, needsSession } from "./policies";
import type { Suite } from "../suite";
import { noteApiKeyUse } from "./commands/api-keys";
import { SESSION_MS, closeSession, openSession } from "./commands/sessions";
import { hashToken } from "./token-hash";

export type SuiteUser = Selectable<SuiteUsersTable>;
export type Role = UserRole;
export const ROLES: Role[] = ["admin", "supervisor", "agent"];

export const SESSION_COOKIE = "openwaba_session";
export { SESSION_MS };

/** Starts a session: the cookie holds a random token, the store only its hash. */
export async function startSession(suite: Suite, reply: FastifyReply, user: SuiteUser): Promise<string> {
  const { token, csrf } = await openSession(suite, suite.db, { userId: user.id });
  void reply.header("set-cookie", cookie(suite, token, SESSION_MS / 1000));
  return csrf;
}

export async function endSession(suite: Suite, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = readCookie(req);
  if (token) await closeSession(suite.db, { token });
  void reply.header("set-cookie", cookie(suite, "", 0));
}

const cookie = (suite: Suite, value: string, maxAgeS: number) =>
  `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(maxAgeS)}${suite.secureCookies ? "; Secure" : ""}`;

function readCookie(req: FastifyRequest): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === SESSION_COOKIE && v.length) return v.join("=");
  }
  return null;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The signed-in user of a request, or 401. A request that changes something must also carry the
 * session's CSRF token in `x-csrf-token` (a page on another site cannot read it). With `action`,
 * its policy decides (auth/policies.ts): other roles get 403, and so does an API key where the
 * action needs a person at the console.
 */
export async function requireUser(
  suite: Suite,
  req: FastifyRequest,
  action?: Action,
): Promise<{ user: SuiteUser; csrf: string }> {
  const sessionOnly = action !== undefined && needsSession(action);
  const now = suite.securityClock.now();
  // The business's own systems and the CLI send an API key instead of a cookie (no CSRF: a
  // browser never adds this header by itself).
  const bearer = /^Bearer\s+(owk_[A-Za-z0-9_-]{20,100})$/.exec(String(req.headers.authorization ?? ""));
  if (bearer && sessionOnly)
    throw new SuiteError(403, "forbidden", "Sign in to the console for this: an API key may not do it.");
  if (bearer) {
    const user = await userOfApiKey(suite, hashToken(bearer[1]), now);
    if (!user) throw new SuiteError(401, "not_signed_in", "This API key is unknown or revoked.");
    if (action) authorize(user, action);
    return { user, csrf: "" };
  }
  const token = readCookie(req);
  const row = token
    ? await suite.db
        .selectFrom("suite_sessions")
        .innerJoin("suite_users", "suite_users.id", "suite_sessions.user_id")
        .selectAll("suite_users")
        .select(["suite_sessions.csrf_token", "suite_sessions.expires_at as session_expires_at"])
        .where("suite_sessions.id", "=", hashToken(token))
        .executeTakeFirst()
    : undefined;
  if (!row || row.session_expires_at <= now || row.status !== "active")
    throw new SuiteError(401, "not_signed_in", "Sign in first.");
  if (!SAFE.has(req.method) && req.headers["x-csrf-token"] !== row.csrf_token)
    throw new SuiteError(403, "csrf", "The request lacks this session's x-csrf-token header.");
  const { csrf_token, session_expires_at: _e, ...user } = row;
  if (action) authorize(user, action);
  return { user, csrf: csrf_token };
}

/** The user as the API shows it (never the hash or lock internals). */
export const presentUser = (u: SuiteUser) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  status: u.status,
  availability: u.availability,
  capacity: u.capacity,
});

/** The active user an API key acts as (its maker), noting its use; undefined if unknown or revoked. */
async function userOfApiKey(suite: Suite, hash: string, now: number): Promise<SuiteUser | undefined> {
  const row = await suite.db
    .selectFrom("suite_api_keys")
    .innerJoin("suite_users", "suite_users.id", "suite_api_keys.user_id")
    .selectAll("suite_users")
    .select(["suite_api_keys.id as key_id", "suite_api_keys.last_used_at"])
    .where("suite_api_keys.key_hash", "=", hash)
    .where("suite_api_keys.revoked_at", "is", null)
    .executeTakeFirst();
  if (!row || row.status !== "active") return undefined;
  const { key_id, last_used_at, ...user } = row;
  // Noted at most once a minute: a busy integration should not write on every call.
  if (last_used_at === null || now - last_used_at > 60_000) await noteApiKeyUse(suite.db, { keyId: key_id, at: now });
  return user;
}
