import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Selectable } from "kysely";
import type { SuiteUsersTable } from "@openwaba/store";
import { SuiteError, forbidden } from "../errors";
import { randomSecret } from "../ids";
import type { Suite } from "../suite";

export type SuiteUser = Selectable<SuiteUsersTable>;
export type Role = "admin" | "supervisor" | "agent";
export const ROLES: Role[] = ["admin", "supervisor", "agent"];

export const SESSION_COOKIE = "openwaba_session";
export const SESSION_MS = 12 * 3600_000;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Starts a session: the cookie holds a random token, the store only its hash. */
export async function startSession(suite: Suite, reply: FastifyReply, user: SuiteUser): Promise<string> {
  const token = randomSecret(32), csrf = randomSecret(24), now = suite.clock.now();
  await suite.db.insertInto("suite_sessions").values({ id: sha256(token), user_id: user.id, csrf_token: csrf, created_at: now, expires_at: now + SESSION_MS }).execute();
  void reply.header("set-cookie", cookie(suite, token, SESSION_MS / 1000));
  return csrf;
}

export async function endSession(suite: Suite, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = readCookie(req);
  if (token) await suite.db.deleteFrom("suite_sessions").where("id", "=", sha256(token)).execute();
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
 * session's CSRF token in `x-csrf-token` (a page on another site cannot read it). With `roles`,
 * other roles get 403.
 */
export async function requireUser(suite: Suite, req: FastifyRequest, roles?: Role[]): Promise<{ user: SuiteUser; csrf: string }> {
  const token = readCookie(req);
  const now = suite.clock.now();
  const row = token ? await suite.db.selectFrom("suite_sessions").innerJoin("suite_users", "suite_users.id", "suite_sessions.user_id")
    .selectAll("suite_users").select(["suite_sessions.csrf_token", "suite_sessions.expires_at as session_expires_at"])
    .where("suite_sessions.id", "=", sha256(token)).executeTakeFirst() : undefined;
  if (!row || row.session_expires_at <= now || row.status !== "active") throw new SuiteError(401, "not_signed_in", "Sign in first.");
  if (!SAFE.has(req.method) && req.headers["x-csrf-token"] !== row.csrf_token) throw new SuiteError(403, "csrf", "The request lacks this session's x-csrf-token header.");
  const { csrf_token, session_expires_at: _e, ...user } = row;
  if (roles && !roles.includes(user.role as Role)) throw forbidden();
  return { user, csrf: csrf_token };
}

/** The user as the API shows it (never the hash or lock internals). */
export const presentUser = (u: SuiteUser) => ({
  id: u.id, email: u.email, name: u.name, role: u.role, status: u.status, availability: u.availability, capacity: u.capacity,
});
