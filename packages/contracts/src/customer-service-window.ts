// The customer service window (cloud-api-reference.md §6): every user message opens or resets a
// 24-hour window; free-form messages may be sent only while it is open. The platform enforces
// it; the suite shows it (and refuses free-form early), from this one definition.
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Open when the user's last message is less than 24 hours old (exactly 24 h is closed). */
export function isWindowOpen(lastInboundAt: number | null | undefined, now: number): boolean {
  return lastInboundAt != null && now - lastInboundAt < CUSTOMER_SERVICE_WINDOW_MS;
}

/** When the window closes, or null if it is not open. */
export function windowClosesAt(lastInboundAt: number | null | undefined, now: number): number | null {
  return isWindowOpen(lastInboundAt, now) ? lastInboundAt! + CUSTOMER_SERVICE_WINDOW_MS : null;
}

/** Templates may be sent at any time; every other type needs the window. */
export const needsOpenWindow = (type: string): boolean => type !== "template";
