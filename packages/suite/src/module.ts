import type { Db, Worker } from "@openwaba/store";
import type { FastifyInstance } from "fastify";
import type { CustomerMessage } from "./inbox/commands/record-customer-message";
import type { ConversationRow } from "./inbox/present";
import type { Suite } from "./suite";

// A feature of the suite, as the suite assembles it: its routes, its workers (over the job
// catalog, suite-jobs.ts), its hooks on what the Cloud API reports (run in the intake's
// transaction, in the order of modules.ts), and its periodic work.
// Adding a feature is its folder, its module, one line in modules.ts and its migration.

/** A customer's message as the hooks see it, once the inbox has stored it and updated the conversation. */
export interface CustomerMessageEvent {
  tenantId: string;
  phoneNumberId: string;
  /** The conversation after the message. */
  conversation: ConversationRow;
  /** What it was before (its state, agent and last message time). */
  before: ConversationRow;
  message: CustomerMessage;
  /** The customer's name as WhatsApp gives it. */
  name: string;
  /** The text of a text message; null for others. */
  text: string | null;
  /** The message begins a new cycle of the conversation (a new one, or one reopened by the customer). */
  newCycle: boolean;
  /** When the conversation last had a message before this one (null: it is new). */
  previousMessageAt: number | null;
  /** Set by the contacts module: the customer became a contact with this message. */
  newContact?: boolean;
  /** The module that took the message (a bot answering it): later hooks leave it to that one. */
  takenBy?: string;
}

/** A status of a message the business sent, as the Cloud API reports it. */
export interface MessageStatusEvent {
  tenantId: string;
  phoneNumberId: string;
  status: {
    id: string;
    status: string;
    recipient_id: string;
    errors?: { code: number; title?: string; message?: string; error_data?: { details?: string } }[];
    biz_opaque_callback_data?: string;
    pricing?: { billable?: boolean; category?: string; type?: string };
  };
  /** The failure as the timeline shows it (JSON), or null. */
  error: string | null;
  /** Set by a module whose message it is (a campaign's): the inbox's tick follows only if `alsoOnTimeline`. */
  takenBy?: string;
  alsoOnTimeline?: boolean;
}

export interface SuiteModule {
  name: string;
  /** Its HTTP routes (in the suite's scope: its error envelope, its session rules). */
  routes?(app: FastifyInstance, suite: Suite): void;
  /**
   * What it does with a customer's message. Returning "took" marks it as this module's (a bot
   * answers it): later modules still run and see `takenBy` (routing and the FAQ bot then leave it).
   */
  onCustomerMessage?(suite: Suite, tx: Db, e: CustomerMessageEvent): Promise<"took" | undefined>;
  /** What it does with a message status; returning "took" means the message is this module's. */
  onStatus?(suite: Suite, tx: Db, e: MessageStatusEvent): Promise<"took" | undefined>;
  /** Its background workers (the composition starts and stops them with the platform's). */
  workers?(suite: Suite): Worker[];
  /** Work every few seconds (snoozes ending, schedules due). */
  periodic?(suite: Suite): Promise<unknown>;
  /** Before the workers start: what a process left behind when it was killed. */
  recover?(suite: Suite): Promise<void>;
}
