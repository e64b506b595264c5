import type { Readable } from "node:stream";
import type { InboundMessage, OutboundMessage, StatusUpdate } from "@openwaba/contracts";
import type { Db, Jobs, OutboundHttp } from "@openwaba/store";
import type { SimulatorJobs } from "./simulator-jobs";

/**
 * What the simulator needs from the platform. It is the network between phones and Meta's
 * servers, so it speaks to the platform only through this port (composed by the server).
 */
export interface PlatformPort {
  db: Db;
  /** The simulator's job kinds over the platform's store. */
  jobs: Jobs<SimulatorJobs>;
  clock: { now(): number };
  receiveInbound(tx: Db, msg: InboundMessage): Promise<string>;
  /** Runs writes in the platform's group commit: a burst of users writing at once shares a few transactions. */
  commit<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Applies statuses in order (one webhook event per user); per update, whether it applied. */
  reportStatus(tx: Db, updates: StatusUpdate | StatusUpdate[]): Promise<boolean[]>;
  storeInboundMedia(o: {
    phoneNumberId: string;
    mime: string;
    filename?: string | null;
    source: Readable;
  }): Promise<{ id: string; mime_type: string; sha256: string }>;
  /** A user blocked or reported a business number (in the caller's transaction). */
  userSignal(
    tx: Db,
    s: { phoneNumberId: string; waId: string; kind: "block" | "report"; reason?: string },
  ): Promise<void>;
  /** A QR code / short link of a business number, or null. */
  qrCode(code: string): Promise<{ phone_number_id: string; prefilled_message: string } | null>;
  /** Bytes of a media object, for the phone to show what it received. */
  phoneNumber(
    id: string,
  ): Promise<{ id: string; waba_id: string; display_phone_number: string; verified_name: string } | null>;
  /** The WABA a token may act for, or a thrown Graph auth error. */
  authenticate(req: unknown): Promise<{ wabaId: string }>;
  advanceClock(ms: number): Promise<number>;
  wake(queue: string): void;
  /** How a simulated phone downloads media a user sends by link (the server's outbound requests). */
  http: OutboundHttp;
}

export type { OutboundMessage };
