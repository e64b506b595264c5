// A campaign recipient's state (pure): pending until claimed; sending while its message is on
// its way; unconfirmed when the answer was lost (never sent again blindly); then the Cloud API's
// ticks (accepted, sent, delivered, read) or failed; cancelled when the campaign was.

export type RecipientState =
  | "pending"
  | "sending"
  | "unconfirmed"
  | "accepted"
  | "sent"
  | "delivered"
  | "read"
  | "failed"
  | "cancelled";

/** How far on each state is: a status only moves a recipient forward. */
const RANK: Record<RecipientState, number> = {
  pending: 0,
  sending: 1,
  unconfirmed: 1,
  accepted: 2,
  sent: 3,
  delivered: 4,
  read: 5,
  failed: 6,
  cancelled: 6,
};

export const RECIPIENT_STATES = Object.keys(RANK) as [RecipientState, ...RecipientState[]];

export const isRecipientState = (s: string): s is RecipientState => s in RANK;

/** The states a status `to` may move a recipient on from. */
export const statesBefore = (to: RecipientState): RecipientState[] =>
  RECIPIENT_STATES.filter((s) => RANK[s] < RANK[to]);

/** Not settled yet: the campaign is not done while any recipient is here. */
export const UNSETTLED: readonly RecipientState[] = ["pending", "sending", "unconfirmed"];

/** A send's answer came: from these it is accepted (a status that came first may have moved it on already). */
export const AWAITING_ANSWER: readonly RecipientState[] = ["sending", "unconfirmed"];

/** An accepted send's answer changes nothing here: a failure put it back (pending), or it is over. */
export const ANSWER_TOO_LATE: readonly RecipientState[] = ["pending", "failed", "cancelled"];

/** What a campaign message's tick shows on a conversation's timeline (its states before `sent` show as accepted). */
export const timelineStatus = (s: string): string =>
  ["sent", "delivered", "read", "failed"].includes(s) ? s : "accepted";

/** Whether a recipient in `s` has not failed or been cancelled yet. */
export const beforeFailed = (s: RecipientState): boolean => RANK[s] < RANK.failed;
