/**
 * A test call's answer when the test does not say what it expects: parsed JSON, read as loosely
 * as the tests read it. The default is this, not `any`, so the body is at least an object whose
 * properties a test may read (`r.body.data[0].id`) without naming each answer's type; `unknown`
 * or a recursive JSON type would make every such read a cast, and most tests only look at a
 * field or two. A test or kit that wants the compiler's help names the answer: `call<Campaign>()`.
 * When the answer is not JSON the body is its text; say `call<string>()` to read it as such.
 */
export type Answer = { [key: string]: any };

/** What a test call answers: the status, the body (JSON when it parses, else the text) and the headers. */
export interface CallResult<Res = Answer> {
  status: number;
  body: Res;
  headers: Headers;
}

/** A test call: `Res` is what the test expects the body to be. */
export type Call = <Res = Answer>(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<CallResult<Res>>;

/** Reads a response as a test call answers it; the caller's `Res` is its word, not a check. */
export async function readAnswer<Res>(res: Response): Promise<CallResult<Res>> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: the text */
  }
  return { status: res.status, body: body as Res, headers: res.headers };
}
