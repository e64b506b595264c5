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
