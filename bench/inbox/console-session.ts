// A console's view of the suite API for the bench: a signed-in session (cookie + CSRF) and its
// realtime stream, read as the browser's EventSource would.
import { readEventStream } from "@openwaba/server/event-stream";

export interface ConsoleSession {
  cookie: string;
  csrf: string;
  userId: string;
  call(method: string, path: string, body?: unknown): Promise<any>;
}

export async function consoleSession(url: string, signIn: { path: string; body: unknown }): Promise<ConsoleSession> {
  const r = await fetch(`${url}${signIn.path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(signIn.body),
  });
  const body = (await r.json()) as any;
  if (r.status !== 200) throw new Error(`sign-in ${signIn.path}: HTTP ${r.status} ${JSON.stringify(body)}`);
  const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0];
  return {
    cookie,
    csrf: body.csrf_token,
    userId: body.user.id,
    async call(method, path, b) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          cookie,
          "x-csrf-token": body.csrf_token,
          ...(b !== undefined ? { "content-type": "application/json" } : {}),
        },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      const json = await res.json().catch(() => null);
      if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
  };
}

/** Opens the stream and calls `on` with each event as it arrives (its arrival time taken at once). */
export async function openStream(
  url: string,
  s: ConsoleSession,
  on: (event: string, data: any, at: number) => void,
): Promise<() => void> {
  const ac = new AbortController();
  const res = await fetch(`${url}/suite/api/stream`, { headers: { cookie: s.cookie }, signal: ac.signal });
  if (res.status !== 200 || !res.body) throw new Error(`stream: HTTP ${res.status}`);
  void readEventStream(res.body, (e, at) => on(e.event, e.data, at));
  return () => ac.abort();
}
