import type { WebhookEvent } from "./events";

/**
 * Meta's envelope for a batch of events of one WABA: {object, entry:[{id, changes:[{value, field}]}]}.
 * Parts of one group (same number, statuses or messages) merge into one value, in order.
 */
export function buildEnvelope(wabaId: string, events: WebhookEvent[]) {
  const changes: { value: Record<string, any>; field: string }[] = [];
  const byGroup = new Map<string, Record<string, any>>();
  for (const e of events) {
    const open = byGroup.get(`${e.field}|${e.group}`);
    if (open && e.field === "messages") {
      for (const k of ["contacts", "messages", "statuses"]) {
        const more = e.value[k] as unknown[] | undefined;
        if (!more) continue;
        if (k === "contacts") {
          const seen = new Set((open.contacts ?? []).map((c: any) => c.wa_id));
          open.contacts = [...(open.contacts ?? []), ...more.filter((c: any) => !seen.has(c.wa_id))];
        } else open[k] = [...(open[k] ?? []), ...more];
      }
      continue;
    }
    const value = structuredClone(e.value);
    byGroup.set(`${e.field}|${e.group}`, value);
    changes.push({ value, field: e.field });
  }
  const times = events.flatMap((e) => (e.time === undefined ? [] : [e.time]));
  const entry: { id: string; time?: number; changes: typeof changes } = { id: wabaId, changes };
  if (times.length) entry.time = Math.max(...times);
  return { object: "whatsapp_business_account", entry: [entry] };
}
