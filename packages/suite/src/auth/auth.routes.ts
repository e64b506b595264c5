import type { FastifyInstance } from "fastify";
import { acceptInvitationRequest, loginRequest } from "@openwaba/contracts/suite";
import { SuiteError, parseBody } from "../errors";
import type { Suite } from "../suite";
import {
  addressAllowed,
  attemptsLeft,
  durationWords,
  lockAfterFailure,
  LOGIN_LIMITS,
  wrongPasswordMessage,
} from "./login-throttle";
import { hashPassword, verifyPassword } from "./password";
import { endSession, presentUser, requireUser, startSession } from "./sessions";
import { acceptInvitation } from "../people/commands/accept-invitation";
import { lockAccount, unlockAccount } from "../people/commands/account-lock";
import { forgetLoginFailures, recordLoginFailure } from "./commands/login-failures";
import { hashToken } from "./token-hash";
import { tenantTransaction } from "../unit-of-work";

/** Sign in and out, who am I, and accepting an invitation. */
export function registerAuthRoutes(app: FastifyInstance, suite: Suite): void {
  app.post("/suite/api/login", async (req, reply) => {
    const b = parseBody(loginRequest, req.body);
    const now = suite.securityClock.now();
    const ipKey = `ip:${req.ip}`,
      accountKey = `account:${b.email}`;
    const since = now - LOGIN_LIMITS.windowMs;
    const failures = async (key: string) =>
      (
        await suite.db
          .selectFrom("suite_login_failures")
          .select("at")
          .where("key", "=", key)
          .where("at", ">", since)
          .execute()
      ).map((r) => r.at);
    const address = addressAllowed(await failures(ipKey), now);
    if (!address.ok)
      throw new SuiteError(
        429,
        "too_many_attempts",
        `Too many failed sign-ins from this address; try again in ${durationWords(address.retryAfterMs)}.`,
        { retryAfterS: Math.ceil(address.retryAfterMs / 1000) },
      );
    const user = await suite.db.selectFrom("suite_users").selectAll().where("email", "=", b.email).executeTakeFirst();
    if (user?.locked_until && user.locked_until > now) {
      throw new SuiteError(
        429,
        "account_locked",
        `This account is locked after repeated failed sign-ins; try again in ${durationWords(user.locked_until - now)}.`,
        { retryAfterS: Math.ceil((user.locked_until - now) / 1000) },
      );
    }
    const ok = await verifyPassword(b.password, user?.password_hash ?? null);
    if (!ok || !user || user.status !== "active") {
      await recordLoginFailure(suite.db, { keys: [ipKey, accountKey], at: now });
      const recent = user ? await failures(accountKey) : [];
      const lock = user ? lockAfterFailure(recent, now) : null;
      if (user && lock) await lockAccount(suite.db, { userId: user.id, until: lock });
      // An unknown email gets the same words as a known one would (nothing tells which emails exist).
      const left = attemptsLeft(user ? recent : await failures(accountKey), now);
      const lockWords = lock ?? (!user && left === 0 ? now + LOGIN_LIMITS.lockMs : null);
      throw new SuiteError(401, "invalid_credentials", wrongPasswordMessage(left, lockWords, now), {
        attempts_left: left,
      });
    }
    await forgetLoginFailures(suite.db, { key: accountKey });
    await unlockAccount(suite.db, { userId: user.id });
    const csrf = await startSession(suite, reply, user);
    return reply.send({ user: presentUser(user), csrf_token: csrf });
  });

  app.post("/suite/api/logout", async (req, reply) => {
    await requireUser(suite, req);
    await endSession(suite, req, reply);
    return reply.send({ ok: true });
  });

  app.get("/suite/api/me", async (req, reply) => {
    const { user, csrf } = await requireUser(suite, req);
    const teams = await suite.db
      .selectFrom("suite_team_members")
      .innerJoin("suite_teams", "suite_teams.id", "suite_team_members.team_id")
      .select(["suite_teams.id", "suite_teams.name"])
      .where("suite_team_members.user_id", "=", user.id)
      .execute();
    return reply.send({ user: presentUser(user), teams, csrf_token: csrf });
  });

  // An invited person sets a password with the token from their invitation link, and is signed in
  // — Online, so that routing gives them work from their first sign-in (they can step away after).
  app.post("/suite/api/invitations/accept", async (req, reply) => {
    const b = parseBody(acceptInvitationRequest, req.body);
    const now = suite.securityClock.now();
    const hash = hashToken(b.token);
    const user = await suite.db
      .selectFrom("suite_users")
      .selectAll()
      .where("invite_token_hash", "=", hash)
      .where("status", "=", "invited")
      .executeTakeFirst();
    if (!user || (user.invite_expires_at ?? 0) <= now)
      throw new SuiteError(400, "invalid_invitation", "This invitation does not exist, was used, or has expired.");
    const passwordHash = await hashPassword(b.password);
    const active = await tenantTransaction(suite, user.tenant_id, (tx) =>
      acceptInvitation(suite, tx, { user, passwordHash, name: b.name }),
    );
    if (!active)
      throw new SuiteError(400, "invalid_invitation", "This invitation does not exist, was used, or has expired.");
    const csrf = await startSession(suite, reply, active);
    return reply.send({ user: presentUser(active), csrf_token: csrf });
  });
}
