// Meta's error catalog (cloud-api-reference.md §1 and §7): title, HTTP status and type per code.
export interface ErrorSpec {
  title: string;
  http: number;
  type?: string;
}

export const ERROR_CATALOG: Record<number, ErrorSpec> = {
  0: { title: "AuthException", http: 401 },
  1: { title: "API Unknown", http: 400 },
  2: { title: "API Service", http: 503 },
  3: { title: "API Method", http: 500 },
  4: { title: "API Too Many Calls", http: 429 },
  10: { title: "Permission Denied", http: 403 },
  100: { title: "Invalid parameter", http: 400 },
  104: { title: "An access token is required to request this resource.", http: 401 },
  190: { title: "Invalid OAuth access token - Cannot parse access token", http: 401 },
  200: { title: "Permission error", http: 403 },
  2200: { title: "Callback verification failed", http: 400 },
  2500: { title: "Unknown path components", http: 400 },
  130429: { title: "Rate limit hit", http: 429 },
  131000: { title: "Something went wrong", http: 500 },
  131005: { title: "Access denied", http: 403 },
  131008: { title: "Required parameter is missing", http: 400 },
  131009: { title: "Parameter value is not valid", http: 400 },
  131021: { title: "Recipient cannot be sender", http: 400 },
  131026: { title: "Message undeliverable", http: 400 },
  131047: { title: "Re-engagement message", http: 400 },
  131050: { title: "User has stopped marketing messages", http: 400 },
  131051: { title: "Unsupported message type", http: 400 },
  131052: { title: "Media download error", http: 400 },
  131053: { title: "Media upload error", http: 400 },
  131056: { title: "(Business Account, Consumer Account) pair rate limit hit", http: 429 },
  131057: { title: "Account in maintenance mode", http: 500 },
  132000: { title: "Number of parameters does not match the expected number of params", http: 400 },
  132001: { title: "Template name does not exist in the translation", http: 404 },
  132005: { title: "Translated text too long", http: 400 },
  132007: { title: "Template Format Character Policy Violated", http: 400 },
  132012: { title: "Parameter format does not match format in the created template", http: 400 },
  132015: { title: "Template is Paused", http: 400 },
  132016: { title: "Template is Disabled", http: 400 },
  133010: { title: "Phone number not registered", http: 400 },
  // OpenWABA's own code (not Meta's): a marketing template to a user without recorded consent.
  139900: { title: "Marketing consent required", http: 400 },
  139901: { title: "Messaging limit reached", http: 400 },
};

/** The long explanation Meta puts in `error_data.details` (and webhook `message`) when there is one fixed text. */
export const ERROR_DETAILS: Record<number, string> = {
  131026: "Message Undeliverable.",
  131050:
    "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.",
  131047:
    "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
  131053: "Unable to upload the media used in the message.",
  133010: "Phone number is not registered on the Whatsapp Business Platform.",
  131057: "Business Account is in maintenance mode. This could be due to the account undergoing a throughput upgrade.",
};

/** A domain error that the HTTP layer turns into Meta's envelope. */
export class GraphError extends Error {
  readonly code: number;
  readonly details?: string;
  readonly subcode?: number;
  readonly http: number;
  readonly type: string;
  /** Whole message line, when Meta's is not "(#code) Title" (Graph's own object errors). */
  readonly rawMessage?: string;
  readonly headers?: Record<string, string>;
  /** Template creation errors add what Meta shows the user (error_user_title, error_user_msg). */
  readonly userTitle?: string;
  readonly userMessage?: string;

  constructor(
    code: number,
    details?: string,
    opts: {
      subcode?: number;
      message?: string;
      type?: string;
      http?: number;
      headers?: Record<string, string>;
      userTitle?: string;
      userMessage?: string;
    } = {},
  ) {
    const spec = ERROR_CATALOG[code] ?? { title: "Unknown error", http: 400 };
    const message = opts.message ?? (code === 104 || code === 190 ? spec.title : `(#${code}) ${spec.title}`);
    super(message);
    this.code = code;
    this.details = details;
    this.subcode = opts.subcode;
    this.http = opts.http ?? spec.http;
    this.type = opts.type ?? spec.type ?? "OAuthException";
    this.rawMessage = opts.message;
    this.headers = opts.headers;
    this.userTitle = opts.userTitle;
    this.userMessage = opts.userMessage;
  }

  /** Meta's envelope: {error:{message,type,code,error_subcode?,error_data?,fbtrace_id}}. */
  toEnvelope(fbtraceId: string): GraphErrorEnvelope {
    const error: GraphErrorEnvelope["error"] = { message: this.message, type: this.type, code: this.code };
    if (this.details !== undefined) error.error_data = { messaging_product: "whatsapp", details: this.details };
    if (this.subcode !== undefined) error.error_subcode = this.subcode;
    if (this.userTitle !== undefined) {
      error.is_transient = false;
      error.error_user_title = this.userTitle;
      error.error_user_msg = this.userMessage ?? this.userTitle;
    }
    error.fbtrace_id = fbtraceId;
    return { error };
  }
}

export interface GraphErrorEnvelope {
  error: {
    message: string;
    type: string;
    code: number;
    error_data?: { messaging_product: "whatsapp"; details: string };
    error_subcode?: number;
    is_transient?: boolean;
    error_user_title?: string;
    error_user_msg?: string;
    fbtrace_id?: string;
  };
}

/** Graph's answer for an id that does not exist or that the token may not see (§10b). */
export const unknownObject = (id: string, method: string) =>
  new GraphError(100, undefined, {
    subcode: 33,
    type: "GraphMethodException",
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });

/** A webhook `errors[]` item as Meta writes it in failed statuses. */
export interface WebhookError {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
}

export function webhookError(code: number, details?: string): WebhookError {
  const title = ERROR_CATALOG[code]?.title ?? "Unknown error";
  return {
    code,
    title,
    message: title,
    error_data: { details: details ?? ERROR_DETAILS[code] ?? title },
    href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
  };
}
