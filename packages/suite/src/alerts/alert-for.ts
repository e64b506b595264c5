// Which Cloud API account webhooks become admin alerts, and how they read (pure).

export interface Alert {
  kind: string;
  severity: "info" | "warning" | "critical";
  title: string;
}

export function alertFor(field: string, v: Record<string, any>): Alert | null {
  switch (field) {
    case "phone_number_quality_update": {
      const n = v.display_phone_number;
      if (v.event === "FLAGGED")
        return { kind: field, severity: "critical", title: `Number ${n} is flagged: its quality is low` };
      if (v.event === "UNFLAGGED") return { kind: field, severity: "info", title: `Number ${n} is no longer flagged` };
      if (v.event === "DOWNGRADE")
        return { kind: field, severity: "critical", title: `Number ${n} dropped to ${v.current_limit}` };
      if (v.event === "UPGRADE")
        return { kind: field, severity: "info", title: `Number ${n} moved up to ${v.current_limit}` };
      if (v.event === "THROUGHPUT_UPGRADE")
        return { kind: field, severity: "info", title: `Number ${n} now sends up to 1,000 messages per second` };
      return { kind: field, severity: "info", title: `Number ${n}: ${v.event}` };
    }
    case "message_template_status_update": {
      const name = `${v.message_template_name} (${v.message_template_language})`;
      if (v.event === "APPROVED")
        return {
          kind: field,
          severity: "info",
          title: `Template ${name} is approved${v.other_info?.title === "UNPAUSE" ? " again" : ""}`,
        };
      if (v.event === "REJECTED")
        return { kind: field, severity: "warning", title: `Template ${name} was rejected: ${v.reason}` };
      if (v.event === "PAUSED")
        return { kind: field, severity: "warning", title: `Template ${name} is paused for low quality` };
      if (v.event === "DISABLED") return { kind: field, severity: "critical", title: `Template ${name} is disabled` };
      return { kind: field, severity: "info", title: `Template ${name}: ${v.event}` };
    }
    case "message_template_quality_update":
      return {
        kind: field,
        severity: v.new_quality_score === "RED" ? "critical" : v.new_quality_score === "YELLOW" ? "warning" : "info",
        title: `Template ${v.message_template_name} quality: ${v.previous_quality_score} → ${v.new_quality_score}`,
      };
    case "template_category_update":
      return {
        kind: field,
        severity: "warning",
        title: `Template ${v.message_template_name} moved from ${v.previous_category} to ${v.new_category}`,
      };
    case "business_capability_update":
      return {
        kind: field,
        severity: "info",
        title: `Messaging limit: ${v.max_daily_conversations_per_business ?? v.max_daily_conversation_per_phone}`,
      };
    default:
      return null;
  }
}
