import type { TimelineMessage } from "@openwaba/contracts/suite";
import { Icon, type IconName } from "./Icon";

const LABEL: Record<string, string> = {
  accepted: "Sending",
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  failed: "Failed",
};
const MARK: Record<string, IconName> = {
  accepted: "clock",
  sent: "check",
  delivered: "checks",
  read: "checks",
  failed: "warning",
};

/** WhatsApp's ticks (drawn, not emoji), with their meaning in words for screen readers and a failure's reason. */
export function Ticks({ m }: { m: TimelineMessage }) {
  const status = m.status ?? "accepted";
  const reason = m.error
    ? `${m.error.title ?? "Error"} (${m.error.code})${m.error.details ? `: ${m.error.details}` : ""}`
    : null;
  const mark = MARK[status];
  return (
    <span
      className={`ticks ${status}`}
      data-status={status}
      aria-label={LABEL[status] ?? status}
      title={reason ?? LABEL[status]}
    >
      {mark ? <Icon name={mark} /> : status}
      {reason && <span className="failure"> {reason}</span>}
    </span>
  );
}
