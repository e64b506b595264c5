import type { TimelineItem } from "../api";

const LABEL: Record<string, string> = { accepted: "Sending", sent: "Sent", delivered: "Delivered", read: "Read", failed: "Failed" };
const MARK: Record<string, string> = { accepted: "🕓", sent: "✓", delivered: "✓✓", read: "✓✓", failed: "⚠" };

/** WhatsApp's ticks, with their meaning in words for screen readers and a failure's reason. */
export function Ticks({ m }: { m: TimelineItem }) {
  const status = m.status ?? "accepted";
  const reason = m.error ? `${m.error.title ?? "Error"} (${m.error.code})${m.error.details ? `: ${m.error.details}` : ""}` : null;
  return (
    <span className={`ticks ${status}`} data-status={status} aria-label={LABEL[status] ?? status} title={reason ?? LABEL[status]}>
      {MARK[status] ?? status}{reason && <span className="failure"> {reason}</span>}
    </span>
  );
}
