// A campaign's state (pure): a draft until it is sent; preparing while its audience is fixed into
// recipients; scheduled (its first recipient is not due yet) or running while it is sent; paused
// by a person or by the Cloud API's refusal; completed or cancelled for good.

export type CampaignState = "draft" | "preparing" | "scheduled" | "running" | "paused" | "completed" | "cancelled";

/** Being sent: a node may hold its lease, and its pump claims recipients. */
export const SENDING: readonly CampaignState[] = ["scheduled", "running"];

/** Not finished yet: it may still be cancelled. */
export const UNFINISHED: readonly CampaignState[] = ["draft", "preparing", "scheduled", "running", "paused"];

const ALLOWED: Record<CampaignState, readonly CampaignState[]> = {
  draft: ["preparing", "cancelled"],
  // Its audience is fixed (nobody to send to: completed), or the preparation failed or died: a draft again.
  preparing: ["scheduled", "running", "completed", "draft", "cancelled"],
  scheduled: ["running", "paused", "completed", "cancelled"],
  running: ["paused", "completed", "cancelled"],
  paused: ["running", "cancelled"],
  completed: [],
  cancelled: [],
};

export const CAMPAIGN_STATES = Object.keys(ALLOWED) as CampaignState[];

export const canMove = (from: CampaignState, to: CampaignState): boolean => ALLOWED[from].includes(to);

/** A draft is edited and sent; only a finished campaign, or one never sent, is deleted. */
export const isDraft = (state: string): boolean => state === "draft";
export const mayDelete = (state: string): boolean => ["draft", "completed", "cancelled"].includes(state);

/** Where a campaign whose audience is fixed goes: nobody to send to, its first send later, or now. */
export function readyState(recipients: number, firstDueAt: number | null, now: number): CampaignState {
  if (!recipients) return "completed";
  return firstDueAt !== null && firstDueAt > now ? "scheduled" : "running";
}
