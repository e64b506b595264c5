// What the suite's webhook routes answer (OpenWABA's extensions; null on Meta's Cloud API).
export interface Subscriber {
  app_id: string;
  name: string;
  callback_url: string | null;
  via: "override" | "app" | null;
  fields: string[] | null;
  waiting: number;
  dead: number;
}
export interface Delivery {
  id: string;
  at: string;
  app_id: string;
  url: string;
  fields: string[];
  events: number;
  ok: boolean;
  status: number | null;
  result: string;
  ms: number;
  redelivery: boolean;
  resend_of: string | null;
  request: string;
  response: string;
}
export interface DeadLetter {
  id: number;
  app_id: string | null;
  field: string;
  created_at: number;
  attempts: number;
  last_error: string | null;
  event: unknown;
}
export interface MessageStatus {
  id: string;
  wa_id: string;
  phone_number_id: string;
  type: string;
  status: string;
  created_at: string;
  updated_at: string;
  errors: { code: number; title: string; error_data: { details: string } }[];
}
export interface WabaWebhooks {
  waba_id: string;
  subscriptions: any[];
  subscribers: Subscriber[] | null;
  deliveries: Delivery[] | null;
  dead_letters: DeadLetter[] | null;
}

/** A date and time a person reads at a glance, with seconds (deliveries come close together). */
export const when = (iso: string | number) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** A body as sent (the exact bytes), indented for reading; as it is when it is not JSON. */
export function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
