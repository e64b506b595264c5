// The boundary between the platform (Meta's role) and the network that carries messages to
// phones: the simulator today, nothing in platform-only mode. Types only.

/** An accepted outbound message, as the network needs it to deliver. */
export interface OutboundMessage {
  id: string;
  wabaId: string;
  phoneNumberId: string;
  waId: string;
  type: string;
  content: unknown;
  contextId: string | null;
  createdAt: number;
}

/** What a phone sends to a business number; `object` is the Meta-shaped type object. */
export interface InboundMessage {
  phoneNumberId: string;
  waId: string;
  profileName: string;
  type: string;
  object: unknown;
  context?: { from: string; id: string };
  /** The ad or page post the user came from (Meta's `referral`): a free entry point. */
  referral?: Record<string, unknown>;
}

export type DeliveryStatus = "sent" | "delivered" | "read" | "failed";

export interface StatusUpdate {
  messageId: string;
  status: DeliveryStatus;
  errorCode?: number;
  errorDetails?: string;
}
