// The suite API from the browser: the session cookie goes by itself; changes carry the CSRF token
// the server handed out at sign-in. Errors arrive in the suite's envelope {error: {code, message}}.

let csrf = "";
export const setCsrf = (token: string) => {
  csrf = token;
};

// A session can end while the console is open (it expired, or the person signed out in another
// tab): any call that answers "not signed in" tells the app, which asks for a sign-in in place.
let signedOut: (() => void) | null = null;
export const whenSignedOut = (f: (() => void) | null) => {
  signedOut = f;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: any,
  ) {
    super(message);
  }
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: {
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(method !== "GET" ? { "x-csrf-token": csrf } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw failure(res, json);
  return json as T;
}

function failure(res: Response, json: any): ApiError {
  const code = json?.error?.code ?? "error";
  if (res.status === 401 && code === "not_signed_in") signedOut?.();
  return new ApiError(res.status, code, json?.error?.message ?? `HTTP ${res.status}`, json);
}

/** A file to a suite route as multipart/form-data (field "file"), with the CSRF token; errors as api() has them. */
export async function upload<T = any>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.set("file", file);
  const res = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "x-csrf-token": csrf },
    body: form,
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw failure(res, json);
  return json as T;
}
