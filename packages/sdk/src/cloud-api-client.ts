// The Cloud API over HTTP — to Meta's graph.facebook.com or to an OpenWABA server, the same
// code (the business suite sends through it too). Errors keep Meta's error object.

export interface GraphErrorBody {
  message: string;
  type?: string;
  code: number;
  error_subcode?: number;
  error_data?: { details?: string };
  error_user_title?: string;
  error_user_msg?: string;
}

/** A Cloud API call answered with an error: its HTTP status and Meta's error object. */
export class PlatformCallError extends Error {
  /**
   * `answered` false: no HTTP answer came (the request may or may not have been acted on);
   * `refused`: the connection was refused, so it certainly was not; `fromGraph` false: the answer
   * was not the Cloud API's error object (a proxy's 502, say), so it says nothing of the request's fate.
   */
  constructor(
    readonly status: number,
    readonly graph: GraphErrorBody,
    readonly transport: { answered: boolean; refused: boolean; fromGraph?: boolean } = {
      answered: true,
      refused: false,
      fromGraph: true,
    },
  ) {
    super(graph.error_data?.details ?? graph.error_user_msg ?? graph.message);
  }
}

/** Where the Cloud API is: base URL (https://graph.facebook.com or an OpenWABA server), version, token. */
export interface GraphConnection {
  graph_url: string;
  graph_version: string;
  access_token: string;
}

export class CloudApiClient {
  constructor(
    private readonly c: GraphConnection,
    private readonly timeoutMs = 15_000,
  ) {}

  private async call(method: string, path: string, body?: unknown): Promise<any> {
    const url = path.startsWith("http")
      ? path
      : `${this.c.graph_url.replace(/\/$/, "")}/${this.c.graph_version}${path}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          authorization: `Bearer ${this.c.access_token}`,
          ...(body ? { "content-type": "application/json" } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (err) {
      const refused = (err as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED";
      throw new PlatformCallError(
        503,
        { message: `The Cloud API did not answer: ${(err as Error).message}`, code: 2 },
        { answered: false, refused },
      );
    }
    const json = (await res.json().catch(() => null)) as any;
    if (!res.ok)
      throw new PlatformCallError(res.status, json?.error ?? { message: `HTTP ${res.status}`, code: 1 }, {
        answered: true,
        refused: false,
        fromGraph: !!json?.error,
      });
    return json;
  }

  async sendMessage(phoneNumberId: string, body: Record<string, unknown>) {
    const r = await this.call("POST", `/${phoneNumberId}/messages`, {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      ...body,
    });
    return { id: r.messages[0].id as string, waId: r.contacts?.[0]?.wa_id as string };
  }

  async markRead(phoneNumberId: string, messageId: string, typing = false) {
    await this.call("POST", `/${phoneNumberId}/messages`, {
      messaging_product: "whatsapp",
      status: "read",
      message_id: messageId,
      ...(typing ? { typing_indicator: { type: "text" } } : {}),
    });
  }

  private async allPages(path: string): Promise<Record<string, any>[]> {
    const out: Record<string, any>[] = [];
    let next: string | undefined = path;
    for (let i = 0; next && i < 50; i++) {
      const r: any = await this.call("GET", next);
      out.push(...(r.data ?? []));
      next = r.paging?.next;
    }
    return out;
  }

  createTemplate(wabaId: string, body: Record<string, unknown>) {
    return this.call("POST", `/${wabaId}/message_templates`, body);
  }

  /**
   * Decides a pending template's review at once: OpenWABA's developer extension
   * (`POST /openwaba/templates/{id}/review`); Meta has none, its review takes its own time.
   */
  reviewTemplate(
    templateId: string,
    decision: { event: "APPROVED" | "REJECTED"; reason?: string },
  ): Promise<{ id: string; name: string; language: string; status: string; category: string }> {
    return this.call(
      "POST",
      `${this.c.graph_url.replace(/\/$/, "")}/openwaba/templates/${encodeURIComponent(templateId)}/review`,
      decision,
    );
  }

  /** GET /{template-id}: one template with the fields a template form needs. */
  template(templateId: string): Promise<Record<string, any>> {
    return this.call(
      "GET",
      `/${encodeURIComponent(templateId)}?fields=id,name,language,status,category,parameter_format,components,rejected_reason`,
    );
  }

  /** POST /{template-id}: new components (they replace all) or category; the template goes back to review. */
  async editTemplate(templateId: string, body: Record<string, unknown>): Promise<void> {
    await this.call("POST", `/${encodeURIComponent(templateId)}`, body);
  }

  /** DELETE /{waba-id}/message_templates?name=…[&hsm_id=…]: every language of a name, or the one template with that id. */
  async deleteTemplate(wabaId: string, name: string, templateId?: string): Promise<void> {
    await this.call(
      "DELETE",
      `/${wabaId}/message_templates?${new URLSearchParams({ name, ...(templateId ? { hsm_id: templateId } : {}) })}`,
    );
  }

  /**
   * A file handle for a template's media header sample (example.header_handle), through the
   * Resumable Upload API: the token's app (GET /app), a session, then the bytes in one piece.
   */
  async uploadFileHandle(file: { bytes: Buffer; mime: string; filename: string }): Promise<string> {
    const app = await this.call("GET", "/app");
    const q = new URLSearchParams({
      file_name: file.filename,
      file_length: String(file.bytes.length),
      file_type: file.mime,
    });
    const session = await this.call("POST", `/${app.id}/uploads?${q}`);
    let res: Response;
    try {
      res = await fetch(`${this.c.graph_url.replace(/\/$/, "")}/${this.c.graph_version}/${session.id}`, {
        method: "POST",
        headers: { authorization: `OAuth ${this.c.access_token}`, file_offset: "0" },
        body: new Uint8Array(file.bytes),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new PlatformCallError(
        503,
        { message: `The Cloud API did not answer: ${(err as Error).message}`, code: 2 },
        { answered: false, refused: false },
      );
    }
    const json = (await res.json().catch(() => null)) as any;
    if (!res.ok)
      throw new PlatformCallError(res.status, json?.error ?? { message: `HTTP ${res.status}`, code: 1 }, {
        answered: true,
        refused: false,
        fromGraph: !!json?.error,
      });
    return json.h as string;
  }

  async uploadMedia(phoneNumberId: string, file: { bytes: Buffer; mime: string; filename: string }) {
    const form = new FormData();
    form.set("messaging_product", "whatsapp");
    form.set("type", file.mime);
    form.set("file", new Blob([new Uint8Array(file.bytes)], { type: file.mime }), file.filename);
    const res = await fetch(`${this.c.graph_url.replace(/\/$/, "")}/${this.c.graph_version}/${phoneNumberId}/media`, {
      method: "POST",
      headers: { authorization: `Bearer ${this.c.access_token}` },
      body: form,
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch((err) => {
      throw new PlatformCallError(503, { message: `The Cloud API did not answer: ${(err as Error).message}`, code: 2 });
    });
    const json = (await res.json().catch(() => null)) as any;
    if (!res.ok)
      throw new PlatformCallError(res.status, json?.error ?? { message: `HTTP ${res.status}`, code: 1 }, {
        answered: true,
        refused: false,
        fromGraph: !!json?.error,
      });
    return json.id as string;
  }

  async downloadMedia(mediaId: string) {
    const meta = await this.call("GET", `/${mediaId}`);
    const res = await fetch(meta.url, {
      headers: { authorization: `Bearer ${this.c.access_token}` },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok || !res.body)
      throw new PlatformCallError(res.status, { message: `Media download failed: HTTP ${res.status}`, code: 131052 });
    return {
      mime: String(meta.mime_type ?? res.headers.get("content-type") ?? "application/octet-stream"),
      body: res.body,
    };
  }

  /** An OpenWABA extension (`/openwaba/…`, not under a Graph version); Meta has none of them. */
  private extension(method: string, path: string, body?: unknown): Promise<any> {
    return this.call(method, `${this.c.graph_url.replace(/\/$/, "")}/openwaba${path}`, body);
  }

  async webhookOverview(wabaId: string) {
    const optional = async (path: string) => {
      try {
        return (await this.extension("GET", path)).data as unknown[];
      } catch {
        return null;
      }
    };
    return {
      subscriptions: (await this.call("GET", `/${wabaId}/subscribed_apps`)).data as unknown[],
      subscribers: await optional("/webhooks/subscribers"),
      deliveries: await optional("/webhooks/deliveries?limit=50"),
      dead_letters: await optional("/webhooks/dead-letters"),
    };
  }

  /** Dead letters sent again (all, or those listed); how many. */
  async redriveWebhooks(ids?: number[]) {
    return Number((await this.extension("POST", "/webhooks/dead-letters/redrive", ids ? { ids } : {})).redriven ?? 0);
  }

  /** Recent webhook POSTs with their request and answer, newest first (OpenWABA's delivery log). */
  webhookDeliveries(
    q: { ok?: boolean; app_id?: string; before?: string; limit?: number } = {},
  ): Promise<{ data: Record<string, any>[]; paging: { next_before: string | null } }> {
    const params = queryOf(q);
    return this.extension("GET", `/webhooks/deliveries${params.size ? `?${params}` : ""}`);
  }

  /** A logged delivery's exact bytes sent again to the subscriber's current callback. */
  resendWebhookDelivery(id: string): Promise<{ success: boolean; delivery: Record<string, any> }> {
    return this.extension("POST", `/webhooks/deliveries/${encodeURIComponent(id)}/resend`, {});
  }

  /** Meta's test message (the App Dashboard's "Test" button) to one subscriber, or to all. */
  testWebhook(appId?: string): Promise<{ success: boolean; results: Record<string, any>[] }> {
    return this.extension("POST", "/webhooks/test", appId ? { app_id: appId } : {});
  }

  /** A message's status and, once failed, its error (OpenWABA: Meta tells only by webhook). */
  messageStatus(messageId: string): Promise<Record<string, any>> {
    return this.extension("GET", `/messages/${encodeURIComponent(messageId)}`);
  }

  /** The latest messages on the WABA's numbers with their statuses (OpenWABA). */
  async recentMessages(q: { direction?: "in" | "out"; limit?: number } = {}): Promise<Record<string, any>[]> {
    const params = queryOf(q);
    return (await this.extension("GET", `/messages${params.size ? `?${params}` : ""}`)).data;
  }

  async businessProfile(phoneNumberId: string) {
    const r = await this.call(
      "GET",
      `/${phoneNumberId}/whatsapp_business_profile?fields=about,address,description,email,profile_picture_url,websites,vertical`,
    );
    return (r.data?.[0] ?? {}) as Record<string, unknown>;
  }

  async updateBusinessProfile(phoneNumberId: string, profile: Record<string, unknown>) {
    await this.call("POST", `/${phoneNumberId}/whatsapp_business_profile`, {
      messaging_product: "whatsapp",
      ...profile,
    });
  }

  /** Cost by pricing category over [start, end) (seconds), with the WABA's currency it is billed in, in one GET /{waba-id}. */
  async costByCategory(
    wabaId: string,
    start: number,
    end: number,
  ): Promise<{ currency: string | null; by_category: Record<string, number> }> {
    const field = `pricing_analytics.start(${start}).end(${end}).granularity(DAILY).dimensions(["PRICING_CATEGORY"])`;
    const r = await this.call("GET", `/${wabaId}?fields=currency,${encodeURIComponent(field)}`);
    const out: Record<string, number> = {};
    for (const p of r.pricing_analytics?.data?.[0]?.data_points ?? []) {
      const k = String(p.pricing_category ?? "UNKNOWN").toLowerCase();
      out[k] = Math.round(((out[k] ?? 0) + Number(p.cost ?? 0)) * 1e6) / 1e6;
    }
    return { currency: typeof r.currency === "string" ? r.currency : null, by_category: out };
  }

  /** A number's state: quality, status, throughput level and the messaging limit (GET /{phone-number-id}). */
  phoneNumber(phoneNumberId: string): Promise<Record<string, any>> {
    return this.call(
      "GET",
      `/${phoneNumberId}?fields=id,display_phone_number,quality_rating,status,throughput,whatsapp_business_manager_messaging_limit`,
    );
  }

  /**
   * Records a customer's consent in OpenWABA's consent ledger (an OpenWABA extension, for its
   * marketing-consent rule; Meta keeps none). False where the server has no such ledger.
   */
  async recordConsent(
    waId: string,
    scope: "marketing" | "utility",
    status: "granted" | "revoked",
    source: string,
  ): Promise<boolean> {
    try {
      await this.call("POST", `${this.c.graph_url.replace(/\/$/, "")}/openwaba/consents`, {
        wa_id: waId,
        scope,
        status,
        source: source.slice(0, 64),
      });
      return true;
    } catch (err) {
      if (err instanceof PlatformCallError && err.status === 404) return false;
      throw err;
    }
  }

  listTemplates(wabaId: string) {
    return this.allPages(`/${wabaId}/message_templates?limit=100`);
  }
  listPhoneNumbers(wabaId: string) {
    return this.allPages(
      `/${wabaId}/phone_numbers?fields=id,display_phone_number,verified_name,quality_rating,status,throughput,messaging_limit_tier,whatsapp_business_manager_messaging_limit`,
    );
  }

  /** POST /{phone-number-id}/message_qrdls: a QR code and wa.me short link opening a chat with a prefilled message. */
  createQrCode(
    phoneNumberId: string,
    prefilledMessage: string,
    format: "SVG" | "PNG" = "PNG",
  ): Promise<{ code: string; prefilled_message: string; deep_link_url: string; qr_image_url?: string }> {
    return this.call("POST", `/${phoneNumberId}/message_qrdls`, {
      prefilled_message: prefilledMessage,
      generate_qr_image: format,
    });
  }

  async deleteQrCode(phoneNumberId: string, code: string): Promise<void> {
    await this.call("DELETE", `/${phoneNumberId}/message_qrdls/${code}`);
  }

  /** Sends a text message: the new message's wamid. */
  sendText(phoneNumberId: string, to: string, body: string, o: { previewUrl?: boolean; replyTo?: string } = {}) {
    return this.sendMessage(phoneNumberId, {
      to,
      type: "text",
      text: { body, ...(o.previewUrl ? { preview_url: true } : {}) },
      ...(o.replyTo ? { context: { message_id: o.replyTo } } : {}),
    });
  }

  /** Sends an approved template with positional body parameters. */
  sendTemplate(phoneNumberId: string, to: string, name: string, language: string, bodyParameters: string[] = []) {
    return this.sendMessage(phoneNumberId, {
      to,
      type: "template",
      template: {
        name,
        language: { code: language },
        ...(bodyParameters.length
          ? { components: [{ type: "body", parameters: bodyParameters.map((text) => ({ type: "text", text })) }] }
          : {}),
      },
    });
  }
}

/** A query string of the set values. */
const queryOf = (q: Record<string, unknown>) =>
  new URLSearchParams(
    Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]): [string, string] => [k, String(v)]),
  );
