import type { Sender } from "@openwaba/contracts/suite";

/** Who sent a business message, as its bubble and the list's preview say it. */
export function senderWords(s: Sender | null | undefined): string | null {
  if (!s) return null;
  switch (s.kind) {
    case "agent":
      return s.name ?? "An agent";
    case "campaign":
      return s.name ? `Campaign · ${s.name}` : "Campaign";
    case "api":
      return "API";
    case "bot":
      return "Bot";
  }
}
