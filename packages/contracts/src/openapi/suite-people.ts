import {
  acceptInvitationRequest,
  apiKey as apiKeyAnswer,
  apiKeyList,
  apiKeyRequest,
  availabilityRequest,
  inviteRequest,
  loginRequest,
  teamEditRequest,
  teamMembersRequest,
  teamRequest,
  userEditRequest,
  madeApiKey,
  me,
  suiteUser as suiteUserAnswer,
  team as teamAnswer,
  teamList,
} from "../suite/people";
import { ANYONE, SESSION_READ, SESSION_WRITE, SUITE_READ, SUITE_WRITE, suiteErrors, suiteDone } from "./components";
import {
  arr,
  fromAnswer,
  fromRequest,
  jsonBody,
  nullable,
  obj,
  ok,
  str,
  suiteGroup,
  time,
  type RouteDocs,
} from "./shapes";

// Signing in, the people of a tenant and their teams, and API keys (packages/suite/src/auth,
// packages/suite/src/people).

export const suiteUser = fromAnswer(suiteUserAnswer);
const signedIn = ok(obj({ user: suiteUser, csrf_token: str("Send it as x-csrf-token on every write") }));
const team = fromAnswer(teamAnswer);
const apiKey = fromAnswer(apiKeyAnswer);

const session = suiteGroup("Suite sign-in", ANYONE, ANYONE, {
  "POST /suite/api/login": {
    summary: "Sign in: sets the session cookie and answers the CSRF token",
    description: "Failed attempts are throttled per address and lock the account for a while (429 with Retry-After).",
    requestBody: jsonBody(fromRequest(loginRequest)),
    responses: { 200: signedIn, ...suiteErrors },
  },
  "POST /suite/api/logout": {
    summary: "Sign out: ends the session",
    security: SUITE_WRITE,
    responses: { 200: suiteDone, ...suiteErrors },
  },
  "GET /suite/api/me": {
    summary: "The signed-in user, their teams and the session's CSRF token",
    security: SUITE_READ,
    responses: {
      200: ok(fromAnswer(me)),
      ...suiteErrors,
    },
  },
  "POST /suite/api/invitations/accept": {
    summary: "Set a password with an invitation's token, and be signed in",
    requestBody: jsonBody(fromRequest(acceptInvitationRequest)),
    responses: { 200: signedIn, ...suiteErrors },
  },
  "GET /suite/api/sign-in": {
    summary: "What the sign-in page may say before anyone signs in",
    responses: {
      200: ok(
        obj({
          dev_credentials_file: nullable(str("Where the first admin's password is, on a development server only")),
        }),
      ),
    },
  },
});

const people = suiteGroup("Suite people", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/users": {
    summary: "The tenant's users (admins and supervisors)",
    responses: { 200: ok(obj({ data: arr(suiteUser) })), ...suiteErrors },
  },
  "POST /suite/api/users": {
    summary: "Invite a person (admins); the invitation's token is shown once",
    requestBody: jsonBody(fromRequest(inviteRequest)),
    responses: {
      201: ok(
        obj({ user: suiteUser, invitation: obj({ token: str(), accept_url: str(), expires_at: time }) }),
        "Invited",
      ),
      ...suiteErrors,
    },
  },
  "PATCH /suite/api/users/{id}": {
    summary: "Change a user's name, role, status or capacity (admins); disabling hands their work back",
    requestBody: jsonBody(fromRequest(userEditRequest)),
    responses: { 200: ok(suiteUser), ...suiteErrors },
  },
  "POST /suite/api/me/availability": {
    summary: "Go online, away or offline (only online agents are assigned work)",
    requestBody: jsonBody(fromRequest(availabilityRequest)),
    responses: { 200: ok(obj({ availability: str() })), ...suiteErrors },
  },
  "GET /suite/api/teams": {
    summary: "The tenant's teams and their members",
    responses: { 200: ok(fromAnswer(teamList)), ...suiteErrors },
  },
  "POST /suite/api/teams": {
    summary: "Make a team (admins)",
    requestBody: jsonBody(fromRequest(teamRequest)),
    responses: { 201: ok(team, "Made"), ...suiteErrors },
  },
  "PATCH /suite/api/teams/{id}": {
    summary: "Rename a team or change how it assigns (admins)",
    requestBody: jsonBody(fromRequest(teamEditRequest)),
    responses: { 200: suiteDone, ...suiteErrors },
  },
  "PUT /suite/api/teams/{id}/members": {
    summary: "Set a team's members (admins)",
    requestBody: jsonBody(fromRequest(teamMembersRequest)),
    responses: { 200: ok(obj({ id: str(), member_ids: arr(str()) })), ...suiteErrors },
  },
});

const keys = suiteGroup("Suite API keys", SESSION_READ, SESSION_WRITE, {
  "GET /suite/api/api-keys": {
    summary: "The tenant's API keys (admins, signed in: a key may not manage keys)",
    responses: { 200: ok(fromAnswer(apiKeyList)), ...suiteErrors },
  },
  "POST /suite/api/api-keys": {
    summary: "Make an API key (admins, signed in); the key is shown once",
    requestBody: jsonBody(fromRequest(apiKeyRequest)),
    responses: {
      201: ok(fromAnswer(madeApiKey), "Made"),
      ...suiteErrors,
    },
  },
  "DELETE /suite/api/api-keys/{id}": {
    summary: "Revoke an API key (admins, signed in)",
    responses: { 200: suiteDone, ...suiteErrors },
  },
});

/** Sign-in, people, teams and API keys. */
export const suitePeopleRoutes: RouteDocs = { ...session, ...people, ...keys };
