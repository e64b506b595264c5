import { type Call, readAnswer } from "./answer";
import type { TestServer } from "./harness";
import { readEventStream, type StreamEvent } from "./event-stream";

export type { StreamEvent };

export interface SuiteSession {
  cookie: string;
  csrf: string;
  user: { id: string; role: string; email: string };
  /** A suite API call with this session's cookie and CSRF header; call<Res>() names the answer. */
  call: Call;
  /** Opens the realtime stream; events collect in `events` until `close()`. */
  stream(headers?: Record<string, string>): Promise<SuiteStream>;
}

export interface SuiteStream {
  events: StreamEvent[];
  close(): void;
}

async function request<Res>(url: string, method: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(url, {
    method,
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return readAnswer<Res>(res);
}

/** What POST /suite/api/login answers. */
interface SignedIn {
  csrf_token: string;
  user: SuiteSession["user"];
}

/** Signs in to the suite API as a console would (cookie + CSRF token). */
export async function signIn(s: TestServer, email: string, password: string): Promise<SuiteSession> {
  const r = await fetch(`${s.url}/suite/api/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const body = (await r.json()) as SignedIn;
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${JSON.stringify(body)}`);
  const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0];
  const session: SuiteSession = {
    cookie,
    csrf: body.csrf_token,
    user: body.user,
    call: <Res>(method: string, path: string, b?: unknown, headers: Record<string, string> = {}) =>
      request<Res>(`${s.url}${path}`, method, b, { cookie, "x-csrf-token": body.csrf_token, ...headers }),
    async stream(headers = {}) {
      const ac = new AbortController();
      const res = await fetch(`${s.url}/suite/api/stream`, { headers: { cookie, ...headers }, signal: ac.signal });
      if (res.status !== 200 || !res.body) throw new Error(`stream: HTTP ${res.status}`);
      const events: StreamEvent[] = [];
      void readEventStream(res.body, (e) => events.push(e));
      return { events, close: () => ac.abort() };
    },
  };
  return session;
}

/** Signs in as the development tenant's first admin (the console login the server made). */
export function signInAdmin(s: TestServer): Promise<SuiteSession> {
  if (!s.consoleLogin) throw new Error("this server has no console login (is the suite off?)");
  return signIn(s, s.consoleLogin.console_email, s.consoleLogin.console_password);
}

/**
 * Invites a person to the admin's tenant, accepts the invitation with `password` and signs them in
 * (as the invitation e-mail's link and the console would).
 */
export async function signInInvited(
  s: TestServer,
  admin: SuiteSession,
  person: { email: string; name: string; role: string; password?: string },
): Promise<SuiteSession> {
  const { password = "a long enough password", ...invited } = person;
  const r = await admin.call<{ invitation?: { token: string } }>("POST", "/suite/api/users", invited);
  if (!r.body.invitation) throw new Error(`invitation: ${r.status} ${JSON.stringify(r.body)}`);
  const accepted = await fetch(`${s.url}/suite/api/invitations/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: r.body.invitation.token, password }),
  });
  if (!accepted.ok) throw new Error(`accepting the invitation: ${accepted.status} ${await accepted.text()}`);
  return signIn(s, person.email, password);
}
