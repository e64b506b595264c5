// What a campaign's send carries as its callback data, owc:<campaign>:<recipient>:<attempt>, so
// that its statuses find their recipient (even before the send's answer was recorded) and speak
// only of the attempt that sent it.

export interface SentAttempt {
  campaignId: string;
  seq: number;
  attempt: number;
}

export const callbackData = (a: SentAttempt): string => `owc:${a.campaignId}:${a.seq}:${a.attempt}`;

/** The attempt a status's callback data names; null when it is not a campaign's. */
export function sentAttemptOf(callback: string | undefined): SentAttempt | null {
  const m = callback ? /^owc:([^:]+):(\d+):(\d+)$/.exec(callback) : null;
  return m ? { campaignId: m[1]!, seq: Number(m[2]), attempt: Number(m[3]) } : null;
}
