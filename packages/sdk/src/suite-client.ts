// The business suite's API as a console uses it: a session cookie and its CSRF token.

export class SuiteClient {
  private cookie = "";
  private csrf = "";
  constructor(private readonly baseUrl: string) {}

  private async call(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<any> {
    const stream = body instanceof ReadableStream;
    const res = await fetch(`${this.baseUrl.replace(/\/$/, "")}${path}`, {
      method, headers: { cookie: this.cookie, "x-csrf-token": this.csrf, ...(body !== undefined ? { "content-type": contentType } : {}) },
      body: body === undefined ? undefined : typeof body === "string" || stream ? (body as string) : JSON.stringify(body),
      ...(stream ? { duplex: "half" } : {}),
    } as RequestInit);
    const json: any = await res.json().catch(() => null);
    if (!res.ok) throw Object.assign(new Error(json?.error?.message ?? `HTTP ${res.status}`), { status: res.status, code: json?.error?.code });
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0];
    if (json?.csrf_token) this.csrf = json.csrf_token;
    return json;
  }

  signIn(email: string, password: string) { return this.call("POST", "/suite/api/login", { email, password }); }
  conversations(query = "state=open") { return this.call("GET", `/suite/api/conversations?${query}`).then((r) => r.data as any[]); }
  conversation(id: string) { return this.call("GET", `/suite/api/conversations/${id}`); }
  reply(conversationId: string, text: string) { return this.call("POST", `/suite/api/conversations/${conversationId}/messages`, { type: "text", text: { body: text } }); }
  resolve(conversationId: string, csat?: number) { return this.call("POST", `/suite/api/conversations/${conversationId}/state`, { state: "resolved", ...(csat ? { csat } : {}) }); }
  contacts(query = "") { return this.call("GET", `/suite/api/contacts?${query}`); }
  /** Imports contacts from CSV text (or a stream of it); `dryRun` checks without writing. */
  importContacts(csv: string | ReadableStream<Uint8Array>, o: { dryRun?: boolean; defaultCountry?: string } = {}) {
    const q = new URLSearchParams({ dry_run: String(!!o.dryRun), ...(o.defaultCountry ? { default_country: o.defaultCountry } : {}) });
    return this.call("POST", `/suite/api/contacts/import?${q}`, csv, "text/csv");
  }
}
