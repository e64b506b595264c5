import type { Answer } from "../answer";

/** A message as the simulated phone shows it: who wrote it, and its content as the simulator keeps it. */
export interface ChatMessage extends Answer {
  id: string;
  direction: "sent" | "received";
  type: string;
}

/** What GET /simulator/users/{wa}/chats/{phone} answers (no `messages` for a phone it does not know). */
export interface Chat {
  messages?: ChatMessage[];
}
