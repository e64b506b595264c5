import { isWindowOpen } from "@openwaba/contracts";
import type { Db } from "@openwaba/store";
import type { ContactRow } from "../contacts/contacts-store";
import type { ConversationRow } from "../inbox/present";
import { languageOf } from "../routing/language";
import type { Suite } from "../suite";
import { contextFor, fillTemplate, type FlowContext } from "@openwaba/contracts/suite";

// What a run reads of the world as it goes: its conversation, the customer's contact, and the
// context its templates are filled from ({{contact.name}}, {{vars.*}}, {{reply.value}} …). Read
// again before each node, as the contact and the window change while the run waits.

/** A run's own memory, saved with it: its variables, the event that started it, the last reply and HTTP answer. */
export interface RunState {
  vars: Record<string, unknown>;
  event: Record<string, unknown>;
  reply: FlowContext["reply"];
  http: FlowContext["http"];
  /** The customer's message whose answer was counted: a job tried again (a message after it was refused for a while) does not count it twice. */
  taken?: string;
}

export class RunSurroundings {
  private contact: ContactRow | undefined;
  /** The context as last read; null until it is read. */
  current: FlowContext | null = null;
  /** Whether the customer service window was open when last read. */
  windowOpen = false;

  constructor(
    private readonly suite: Suite,
    private readonly run: { tenant_id: string; wa_id: string; conversation_id: string },
    private readonly state: RunState,
  ) {}

  /** Reads the conversation and the contact again, and the context from them. */
  async read(): Promise<FlowContext> {
    const c = await this.conversation(this.suite.db);
    this.windowOpen = isWindowOpen(c.last_inbound_at, this.suite.clock.now());
    this.contact = await this.suite.db
      .selectFrom("suite_contacts")
      .selectAll()
      .where("tenant_id", "=", this.run.tenant_id)
      .where("wa_id", "=", this.run.wa_id)
      .executeTakeFirst();
    this.current = contextFor(this.contact, {
      waId: this.run.wa_id,
      name: c.contact_name,
      language: this.language(),
      now: this.suite.clock.now(),
      run: this.state,
    });
    return this.current;
  }

  /** A text of the flow with its {{…}} filled from the context as last read. */
  fill(text: string): string {
    return fillTemplate(text, this.current!);
  }

  /** The customer's language: the contact's, else the one their number suggests. */
  language(): string | null {
    return this.contact?.language ?? languageOf(this.run.wa_id);
  }

  /** Today's date where the customer is (their contact's timezone, else UTC), as YYYY-MM-DD. */
  async today(): Promise<string> {
    await this.read();
    const tz = this.contact?.timezone ?? "UTC";
    return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(
      new Date(this.suite.clock.now()),
    );
  }

  /** The run's conversation, read through `db` (a transaction, to read it under its lock). */
  conversation(db: Db): Promise<ConversationRow> {
    return db
      .selectFrom("suite_conversations")
      .selectAll()
      .where("id", "=", this.run.conversation_id)
      .executeTakeFirstOrThrow();
  }
}
