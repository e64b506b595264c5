// The business suite's API: as a console uses it (a session cookie and its CSRF token), or as the
// business's own systems do (an API key).

/** The suite refused: its HTTP status and its error envelope {code, message, field?, errors?}. */
export class SuiteCallError extends Error {
  readonly code: string;
  constructor(
    readonly status: number,
    readonly error: { code: string; message: string; field?: string; errors?: { path: string; message: string }[] },
  ) {
    super(error.message);
    this.code = error.code;
  }
}

export class SuiteClient {
  private cookie = "";
  private csrf = "";
  /** `apiKey`: an API key (owk_…) of the suite, instead of signing in (the business's own systems). */
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey?: string,
  ) {}

  private async call(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<any> {
    const stream = body instanceof ReadableStream;
    const auth: Record<string, string> = this.apiKey
      ? { authorization: `Bearer ${this.apiKey}` }
      : { cookie: this.cookie, "x-csrf-token": this.csrf };
    const res = await fetch(`${this.baseUrl.replace(/\/$/, "")}${path}`, {
      method,
      headers: { ...auth, ...(body !== undefined ? { "content-type": contentType } : {}) },
      body:
        body === undefined ? undefined : typeof body === "string" || stream ? (body as string) : JSON.stringify(body),
      ...(stream ? { duplex: "half" } : {}),
    } as RequestInit);
    const json: any = await res.json().catch(() => null);
    if (!res.ok) throw new SuiteCallError(res.status, json?.error ?? { code: "http", message: `HTTP ${res.status}` });
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0];
    if (json?.csrf_token) this.csrf = json.csrf_token;
    return json;
  }

  signIn(email: string, password: string) {
    return this.call("POST", "/suite/api/login", { email, password });
  }
  conversations(query = "state=open") {
    return this.call("GET", `/suite/api/conversations?${query}`).then((r) => r.data as any[]);
  }
  conversation(id: string) {
    return this.call("GET", `/suite/api/conversations/${id}`);
  }
  reply(conversationId: string, text: string) {
    return this.call("POST", `/suite/api/conversations/${conversationId}/messages`, {
      type: "text",
      text: { body: text },
    });
  }
  resolve(conversationId: string, csat?: number) {
    return this.call("POST", `/suite/api/conversations/${conversationId}/state`, {
      state: "resolved",
      ...(csat ? { csat } : {}),
    });
  }
  contacts(query = "") {
    return this.call("GET", `/suite/api/contacts?${query}`);
  }
  /** A new API key for the business's own systems (admins; the key is shown only in this answer). */
  createApiKey(name: string) {
    return this.call("POST", "/suite/api/api-keys", { name }) as Promise<{ id: string; key: string; prefix: string }>;
  }

  // ── flows ──
  flows() {
    return this.call("GET", "/suite/api/flows").then((r) => r.data as any[]);
  }
  flow(id: string) {
    return this.call("GET", `/suite/api/flows/${id}`);
  }
  /** Creates a flow from a document (as exported); `flowId` makes it that flow's next version instead. */
  importFlow(document: unknown, o: { flowId?: string; publish?: boolean } = {}) {
    const q = new URLSearchParams({
      ...(o.flowId ? { flow_id: o.flowId } : {}),
      ...(o.publish ? { publish: "true" } : {}),
    });
    return this.call("POST", `/suite/api/flows/import?${q}`, document);
  }
  /** A flow's document as a file holds it (the latest version, or `version`). */
  exportFlow(id: string, version?: number) {
    return this.call("GET", `/suite/api/flows/${id}/export${version ? `?version=${version}` : ""}`);
  }
  publishFlow(id: string, version?: number) {
    return this.call("POST", `/suite/api/flows/${id}/publish`, version ? { version } : {});
  }
  flowRun(id: string) {
    return this.call("GET", `/suite/api/flow-runs/${id}`);
  }
  /** An event of the business's system ("order_shipped" for a customer) that starts the flows waiting for it. */
  flowEvent(
    event: string,
    phone: string,
    data: Record<string, unknown> = {},
    o: { phoneNumberId?: string; name?: string } = {},
  ) {
    return this.call("POST", "/suite/api/flows/events", {
      event,
      phone,
      data,
      ...(o.phoneNumberId ? { phone_number_id: o.phoneNumberId } : {}),
      ...(o.name ? { name: o.name } : {}),
    });
  }

  // ── campaigns ──
  campaigns() {
    return this.call("GET", "/suite/api/campaigns").then((r) => r.data as any[]);
  }
  campaign(id: string) {
    return this.call("GET", `/suite/api/campaigns/${id}`);
  }
  createCampaign(spec: Record<string, unknown>) {
    return this.call("POST", "/suite/api/campaigns", spec);
  }
  /** An estimate of a saved draft (by id) or of a definition not saved yet. */
  estimateCampaign(idOrSpec: string | Record<string, unknown>) {
    return typeof idOrSpec === "string"
      ? this.call("GET", `/suite/api/campaigns/${idOrSpec}/estimate`)
      : this.call("POST", "/suite/api/campaigns/estimate", idOrSpec);
  }
  sendCampaign(id: string) {
    return this.call("POST", `/suite/api/campaigns/${id}/send`);
  }
  pauseCampaign(id: string) {
    return this.call("POST", `/suite/api/campaigns/${id}/pause`);
  }
  resumeCampaign(id: string) {
    return this.call("POST", `/suite/api/campaigns/${id}/resume`);
  }
  cancelCampaign(id: string) {
    return this.call("POST", `/suite/api/campaigns/${id}/cancel`);
  }
  campaignRecipients(id: string, query: { state?: string; limit?: number; offset?: number } = {}) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, String(v));
    return this.call("GET", `/suite/api/campaigns/${id}/recipients?${q}`).then((r) => r.data as any[]);
  }

  /** Imports contacts from CSV text (or a stream of it); `dryRun` checks without writing. */
  importContacts(csv: string | ReadableStream<Uint8Array>, o: { dryRun?: boolean; defaultCountry?: string } = {}) {
    const q = new URLSearchParams({
      dry_run: String(!!o.dryRun),
      ...(o.defaultCountry ? { default_country: o.defaultCountry } : {}),
    });
    return this.call("POST", `/suite/api/contacts/import?${q}`, csv, "text/csv");
  }
}
