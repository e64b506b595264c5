import { isWindowOpen, needsOpenWindow } from "@openwaba/contracts";
import type { Db } from "@openwaba/store";
import { saveContact, type ContactRow } from "../contacts/contacts-store";
import { TRANSIENT_GRAPH_CODES } from "../client/transient-refusals";
import { SuiteError } from "../errors";
import { newId } from "../ids";
import { recordEvent } from "../inbox/conversation-events";
import { sendAndRecord } from "../inbox/compose";
import type { ConversationRow } from "../inbox/present";
import { rateLastCycle, resolveConversation } from "../inbox/resolve";
import { tenantTransaction } from "../realtime/tenant-lock";
import { autoAssign, routeConversation } from "../routing/assign";
import { languageOf } from "../routing/language";
import type { Suite } from "../suite";
import { holds } from "./conditions";
import { parseDuration } from "./durations";
import { flowDocument } from "./flow-catalog";
import { contextFor, fillTemplate, type FlowContext } from "./flow-context";
import type { FlowDocument, FlowNode, MessageSpec } from "./flow-document";
import { choiceMessage, cloudMessage, promptMessage, summary, templateBody, type CloudBody } from "./flow-messages";
import { csatOptions, csatScore, phrase } from "./flow-phrases";
import { abandonRun, endRun, trace, type EndState, type FlowRun, type RunInput } from "./flow-runs";
import { callBusinessSystem, savedParts } from "./http-call";
import { checkReply } from "./reply-validation";

// Runs a flow from where it is to where it must wait (a reply, a timer) or end. Its position is
// stored as each node is entered, so a run killed mid-way resumes at that node (a message that
// was being sent may then be sent again: at least once). Messages and calls happen outside
// transactions; each change of position, its trace and its timer commit together.

const MAX_STEPS_PER_RUN = 500;
const MAX_STEPS_PER_INPUT = 100;
const DEFAULT_REPLY_TIMEOUT_MS = 24 * 3600_000;
const HALT = Symbol("halt");
type Next = string | undefined | typeof HALT;
type Ask = Extract<FlowNode, { type: "ask" }>;
type Survey = Extract<FlowNode, { type: "csat" }>;
type Handover = Extract<FlowNode, { type: "handover" }>;

/** Ended or taken over while we worked: nothing more to do. */
class RunEnded extends Error {}

interface RunState {
  vars: Record<string, unknown>;
  event: Record<string, unknown>;
  reply: FlowContext["reply"];
  http: FlowContext["http"];
  /** The customer's message whose answer was counted: a job tried again (a message after it was refused for a while) does not count it twice. */
  taken?: string;
}

export async function advanceRun(suite: Suite, runId: string, input: RunInput): Promise<void> {
  const run = await suite.db.selectFrom("suite_flow_runs").selectAll().where("id", "=", runId).executeTakeFirst();
  if (!run || run.state !== "active") return;
  const doc = await flowDocument(suite.db, run.flow_id, run.flow_version);
  if (!doc) return abandonRun(suite, run, "its flow version is gone");
  const step = new RunStep(suite, run, doc);
  try {
    await step.handle(input);
  } catch (err) {
    if (err instanceof SendRefused)
      return await step.handover(null, `the platform refused a message: ${err.message}`, "failed").catch((e) => {
        if (!(e instanceof RunEnded)) throw e;
      });
    if (!(err instanceof RunEnded)) throw err;
  }
}

class RunStep {
  private state: RunState;
  private contact: ContactRow | undefined;
  private replyId: string | null = null;

  constructor(
    private readonly suite: Suite,
    private run: FlowRun,
    private readonly doc: FlowDocument,
  ) {
    this.state = JSON.parse(run.vars) as RunState;
  }

  async handle(input: RunInput): Promise<void> {
    // Started, or killed mid-way: go on from the node it was in.
    if (this.run.waiting === null) return this.runFrom(this.run.node);
    const node = this.doc.nodes[this.run.node];
    if (input.kind === "reply") {
      // A customer who writes while the flow waits out a delay wants something now: a person answers.
      if (this.run.waiting === "timer")
        return this.handover(null, "the customer wrote while the flow was waiting", "handed_over");
      this.replyId = input.messageId;
      return node.type === "csat"
        ? this.onSurveyAnswer(node, input.reply, !!input.asksForHuman)
        : this.onAnswer(node as Ask, input.reply, !!input.asksForHuman);
    }
    if (input.kind === "timer" && input.token === this.run.wait_token) {
      if (node.type === "wait") {
        await this.write((tx) => trace(this.suite, tx, this.run.id, this.run.node, "waited"));
        return this.runFrom(node.next);
      }
      const onTimeout = (node as Ask | Survey).on_timeout;
      await this.write((tx) =>
        trace(this.suite, tx, this.run.id, this.run.node, "timeout", { next: onTimeout ?? null }),
      );
      if (onTimeout) return this.runFrom(onTimeout);
      await this.write((tx) => endRun(this.suite, tx, this.run, "expired", "no reply"), true);
    }
  }

  // ── answers ────────────────────────────────────────────────────────────────────────────────
  private async onAnswer(
    node: Ask,
    reply: { type: string; text: string; id: string | null },
    asksForHuman: boolean,
  ): Promise<void> {
    const check = checkReply(node.validate, reply, await this.today());
    // "A person, please" wins — unless it is a fine answer to a question with a form of its own
    // ("Support" among the options); any words answer a free-text question, so there it always wins.
    const freeText = node.validate.type === "text" || node.validate.type === "any";
    if (asksForHuman && (!check.ok || freeText))
      return this.handover(null, "customer asked for a person", "handed_over");
    if (check.ok) {
      this.state.reply = { ...reply, value: check.value };
      await this.write(async (tx) => {
        if (node.save_as) await this.saveAttributes(tx, { [node.save_as]: check.value });
        await trace(this.suite, tx, this.run.id, this.run.node, "answer", {
          valid: true,
          value: check.value,
          saved_as: node.save_as ?? null,
        });
      }, !!node.save_as);
      return this.runFrom(node.next);
    }
    return this.retryOrGiveUp(node.max_attempts ?? 3, check.reason, node.reprompt, node.on_invalid, () =>
      this.promptBody(node),
    );
  }

  private async onSurveyAnswer(
    node: Survey,
    reply: { type: string; text: string; id: string | null },
    asksForHuman: boolean,
  ): Promise<void> {
    const score = csatScore(reply);
    if (score === null && asksForHuman) return this.handover(null, "customer asked for a person", "handed_over");
    if (score === null)
      return this.retryOrGiveUp(2, "a score from 1 to 5", undefined, node.next, () => this.surveyBody(node), true);
    this.state.vars.csat = score;
    if (!this.counted()) {
      await this.write(async (tx) => {
        const c = await this.conversation(tx);
        if (c.state === "resolved" || !(await resolveConversation(this.suite, tx, c, null, score)))
          await rateLastCycle(this.suite, tx, c, score);
        await this.save(tx, {});
        await trace(this.suite, tx, this.run.id, this.run.node, "csat", { score });
      }, true);
    }
    await this.send(this.textBody(node.thanks ?? phrase("csat_thanks", this.language())));
    return this.runFrom(node.next);
  }

  /** Whether this reply was counted by an earlier try of its job; if not, it is marked (saved with the run's next change). */
  private counted(): boolean {
    if (this.replyId && this.state.taken === this.replyId) return true;
    this.state.taken = this.replyId ?? undefined;
    return false;
  }

  /** A wrong answer: ask again while attempts remain, else go on (or to a person). */
  private async retryOrGiveUp(
    max: number,
    reason: string,
    reprompt: string | undefined,
    giveUpTo: string | undefined,
    again: () => CloudBody | null,
    giveUpGoesOn = false,
  ): Promise<void> {
    const counted = this.counted();
    const attempts = counted ? this.run.attempts : this.run.attempts + 1;
    if (!counted) {
      await this.write(async (tx) => {
        await this.save(tx, { attempts });
        await trace(this.suite, tx, this.run.id, this.run.node, "answer", { valid: false, reason, attempts, of: max });
      });
    }
    if (attempts < max) {
      await this.send(this.textBody(reprompt ? this.fill(reprompt) : phrase("retry", this.language(), reason)));
      const body = again();
      if (body) await this.send(body);
      return;
    }
    if (giveUpTo || giveUpGoesOn) return this.runFrom(giveUpTo);
    return this.handover(null, "no valid answer", "handed_over");
  }

  // ── running ────────────────────────────────────────────────────────────────────────────────
  private async runFrom(first: string | undefined): Promise<void> {
    let id: string | undefined = first;
    for (let i = 0; ; i++) {
      if (id === undefined) return this.finish(undefined);
      if (this.run.steps >= MAX_STEPS_PER_RUN || i >= MAX_STEPS_PER_INPUT)
        return this.fail("too many steps without waiting (a loop?)");
      const node = this.doc.nodes[id];
      const at = id;
      await this.context();
      await this.write(async (tx) => {
        await this.save(tx, {
          node: at,
          waiting: null,
          wait_token: null,
          wait_until: null,
          attempts: 0,
          steps: this.run.steps + 1,
        });
        await trace(this.suite, tx, this.run.id, at, "enter", { type: node.type });
      });
      const next: Next = await this.execute(at, node);
      if (next === HALT) return;
      id = next;
    }
  }

  private async execute(id: string, node: FlowNode): Promise<Next> {
    switch (node.type) {
      case "send": {
        const body = this.bodyFor(node.message, node.template);
        if (body) await this.send(body);
        else await this.skipped(id);
        return node.next;
      }
      case "ask": {
        const body = this.promptBody(node);
        if (!body) {
          await this.skipped(id);
          return (
            node.on_timeout ??
            (await this.write(
              (tx) => endRun(this.suite, tx, this.run, "expired", "could not ask: window closed"),
              true,
            ),
            HALT)
          );
        }
        await this.send(body);
        await this.waitFor("reply", node.timeout);
        return HALT;
      }
      case "branch": {
        const ctx = await this.context();
        const i = node.cases.findIndex((c) => holds(c.when, ctx));
        const next = i >= 0 ? node.cases[i].next : node.default;
        await this.write((tx) =>
          trace(this.suite, tx, this.run.id, id, "decision", { case: i >= 0 ? i : "default", next: next ?? null }),
        );
        return next;
      }
      case "set": {
        const ctx = await this.context();
        const attrs = Object.fromEntries(
          Object.entries(node.attributes ?? {}).map(([k, v]) => [k, v === null ? null : fillTemplate(v, ctx)]),
        );
        for (const [k, v] of Object.entries(node.vars ?? {})) this.state.vars[k] = fillTemplate(v, ctx);
        await this.write(async (tx) => {
          await this.saveAttributes(tx, attrs, node.tags);
          await this.save(tx, {});
          await trace(this.suite, tx, this.run.id, id, "set", {
            attributes: attrs,
            vars: Object.keys(node.vars ?? {}),
            tags: node.tags ?? null,
          });
        }, true);
        return node.next;
      }
      case "http": {
        const outcome = await callBusinessSystem(this.suite.http, node, await this.context());
        this.state.http = { status: outcome.status, body: outcome.body };
        const parts = outcome.ok ? savedParts(node, outcome) : { attr: {}, vars: {} };
        Object.assign(this.state.vars, parts.vars);
        const next = outcome.ok ? node.next : node.on_error;
        await this.write(async (tx) => {
          if (Object.keys(parts.attr).length) await this.saveAttributes(tx, parts.attr);
          await this.save(tx, {});
          await trace(this.suite, tx, this.run.id, id, "http", {
            method: node.method,
            url: node.url,
            status: outcome.status,
            attempts: outcome.attempts,
            error: outcome.error ?? null,
            saved: Object.keys({ ...parts.attr, ...parts.vars }),
          });
        }, Object.keys(parts.attr).length > 0);
        if (!outcome.ok && !node.on_error) {
          await this.handover(null, `the call to ${node.url} failed`, "failed");
          return HALT;
        }
        return next;
      }
      case "wait":
        await this.waitFor("timer", node.duration);
        return HALT;
      case "handover":
        await this.handover(node, "flow", "handed_over");
        return HALT;
      case "csat": {
        const body = this.surveyBody(node);
        if (!body) {
          await this.skipped(id);
          return node.next;
        }
        await this.send(body);
        await this.waitFor("reply", node.timeout);
        return HALT;
      }
      case "end":
        if (node.message) await this.send(this.textBody(this.fill(node.message)));
        await this.finish(node.resolve);
        return HALT;
    }
  }

  private async waitFor(what: "reply" | "timer", duration: string | undefined): Promise<void> {
    const ms = duration
      ? parseDuration(duration)!
      : (parseDuration(this.doc.settings?.reply_timeout ?? "") ?? DEFAULT_REPLY_TIMEOUT_MS);
    const token = newId();
    const until = this.suite.clock.now() + ms;
    await this.write(async (tx) => {
      await this.save(tx, { waiting: what, wait_token: token, wait_until: until });
      await this.suite.jobs.enqueue(
        tx,
        "flow.timer",
        { runId: this.run.id, conversationId: this.run.conversation_id, token },
        { key: this.run.id, runAt: until },
      );
      await trace(this.suite, tx, this.run.id, this.run.node, "waiting", {
        for: what,
        until: new Date(until).toISOString(),
      });
    });
  }

  /** The flow is done: the bot closes a conversation no person holds (unless told not to). */
  private async finish(resolve: boolean | undefined): Promise<void> {
    await this.write(async (tx) => {
      if (!(await endRun(this.suite, tx, this.run, "completed", "end"))) return;
      const c = await this.conversation(tx);
      if ((resolve ?? true) && !c.assignee_id && c.state !== "resolved")
        await resolveConversation(
          this.suite,
          tx,
          c,
          null,
          typeof this.state.vars.csat === "number" ? this.state.vars.csat : null,
        );
    }, true);
  }

  /** To a person: the customer is told, the conversation goes to a team's queue (reopened if closed). */
  async handover(node: Handover | null, reason: string, endState: EndState): Promise<void> {
    await this.context();
    const message = node?.message ? this.fill(node.message) : phrase("handover", this.language());
    const c0 = await this.conversation(this.suite.db);
    // The customer is told; if the platform refuses for a moment, the message follows as soon as it can.
    let later: string | null = null;
    if (isWindowOpen(c0.last_inbound_at, this.suite.clock.now()))
      await this.send(this.textBody(message)).catch(() => {
        later = message;
      });
    const team = node?.team_id ?? this.doc.settings?.handover_team_id;
    await this.write(async (tx) => {
      if (!(await endRun(this.suite, tx, this.run, endState, reason))) return;
      const c = await this.conversation(tx);
      const now = this.suite.clock.now();
      if (later)
        await this.suite.jobs.enqueue(
          tx,
          "flow.notice",
          { conversationId: c.id, text: later, reason: "handover" },
          { key: c.id, runAt: now },
        );
      if (c.state === "resolved" || c.state === "snoozed") {
        await tx
          .updateTable("suite_conversations")
          .set({
            state: "open",
            snoozed_until: null,
            resolved_at: null,
            ...(c.state === "resolved" ? { cycle_opened_at: now, first_response_at: null } : {}),
          })
          .where("id", "=", c.id)
          .execute();
      }
      if (node?.note) {
        await tx
          .insertInto("suite_messages")
          .values({
            id: newId(),
            conversation_id: c.id,
            direction: "note",
            type: "text",
            content: JSON.stringify({ body: this.fill(node.note) }),
            status: "note",
            error: null,
            author_id: null,
            context_id: null,
            at: now,
            updated_at: now,
          })
          .execute();
      }
      const known = team
        ? await tx
            .selectFrom("suite_teams")
            .select("id")
            .where("id", "=", team)
            .where("tenant_id", "=", c.tenant_id)
            .executeTakeFirst()
        : undefined;
      if (known) {
        await tx.updateTable("suite_conversations").set({ team_id: known.id }).where("id", "=", c.id).execute();
        await recordEvent(this.suite, tx, c.id, "routed", null, { team_id: known.id, rule: `flow: ${this.doc.name}` });
        await autoAssign(this.suite, tx, c.id);
      } else {
        await routeConversation(this.suite, tx, c.id, this.state.reply?.text ?? "");
      }
    }, true);
  }

  async fail(why: string): Promise<void> {
    await this.write((tx) => trace(this.suite, tx, this.run.id, this.run.node, "error", { error: why }));
    await this.handover(null, `failed: ${why}`, "failed");
  }

  // ── messages ───────────────────────────────────────────────────────────────────────────────
  private async send(body: CloudBody): Promise<void> {
    const c = await this.conversation(this.suite.db);
    try {
      await sendAndRecord(
        this.suite,
        c,
        { to: c.wa_id, ...body },
        { authorId: null, contextId: null, now: this.suite.clock.now() },
        (tx, messageId) =>
          trace(this.suite, tx, this.run.id, this.run.node, "sent", {
            type: body.type,
            text: summary(body).slice(0, 300),
            message_id: messageId,
          }),
      );
    } catch (err) {
      const graph =
        err instanceof SuiteError ? (err.extra.graph as { code?: number; message?: string } | undefined) : undefined;
      if (!(err instanceof SuiteError) || !graph || TRANSIENT_GRAPH_CODES.has(Number(graph.code))) throw err; // the job is tried again
      await this.write((tx) =>
        trace(this.suite, tx, this.run.id, this.run.node, "error", { error: err.message, code: graph.code ?? null }),
      );
      throw new SendRefused(err.message);
    }
  }

  private bodyFor(
    spec: MessageSpec,
    template: Parameters<typeof templateBody>[0] | undefined,
    make?: (ctx: FlowContext) => CloudBody,
  ): CloudBody | null {
    const ctx = this.ctxNow!;
    const body = make ? make(ctx) : cloudMessage(spec, ctx);
    if (!needsOpenWindow(body.type) || this.windowOpen) return body;
    return template ? templateBody(template, ctx) : null;
  }

  private promptBody(node: Ask): CloudBody | null {
    return this.bodyFor(node.prompt, node.template, (ctx) => promptMessage(node, ctx, this.language()));
  }

  private surveyBody(node: Survey): CloudBody | null {
    const question = node.question ? this.fill(node.question) : phrase("csat_question", this.language());
    return this.bodyFor({ text: question }, undefined, (ctx) =>
      choiceMessage(question, csatOptions(this.language()), "list", this.language(), ctx),
    );
  }

  private textBody(text: string): CloudBody {
    return { type: "text", text: { body: text } };
  }

  private async skipped(id: string): Promise<void> {
    await this.write((tx) =>
      trace(this.suite, tx, this.run.id, id, "skipped", {
        why: "the customer service window is closed and the node has no template",
      }),
    );
  }

  // ── state ──────────────────────────────────────────────────────────────────────────────────
  private ctxNow: FlowContext | null = null;
  private windowOpen = false;

  private async context(): Promise<FlowContext> {
    const c = await this.conversation(this.suite.db);
    this.windowOpen = isWindowOpen(c.last_inbound_at, this.suite.clock.now());
    this.contact = await this.suite.db
      .selectFrom("suite_contacts")
      .selectAll()
      .where("tenant_id", "=", this.run.tenant_id)
      .where("wa_id", "=", this.run.wa_id)
      .executeTakeFirst();
    this.ctxNow = contextFor(this.contact, {
      waId: this.run.wa_id,
      name: c.contact_name,
      language: this.language(),
      now: this.suite.clock.now(),
      run: this.state,
    });
    return this.ctxNow;
  }

  private fill(text: string): string {
    return fillTemplate(text, this.ctxNow!);
  }

  private language(): string | null {
    return this.contact?.language ?? languageOf(this.run.wa_id);
  }

  private async today(): Promise<string> {
    await this.context();
    const tz = this.contact?.timezone ?? "UTC";
    return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(
      new Date(this.suite.clock.now()),
    );
  }

  private conversation(db: Db): Promise<ConversationRow> {
    return db
      .selectFrom("suite_conversations")
      .selectAll()
      .where("id", "=", this.run.conversation_id)
      .executeTakeFirstOrThrow();
  }

  private async saveAttributes(
    tx: Db,
    attrs: Record<string, string | null>,
    tags?: { add?: string[]; remove?: string[] },
  ): Promise<void> {
    if (!Object.keys(attrs).length && !tags) return;
    const k = await tx
      .selectFrom("suite_contacts")
      .select(["attributes", "tags"])
      .where("tenant_id", "=", this.run.tenant_id)
      .where("wa_id", "=", this.run.wa_id)
      .executeTakeFirst();
    const attributes: Record<string, string> = { ...(k ? JSON.parse(k.attributes) : {}) };
    for (const [name, v] of Object.entries(attrs)) {
      if (v === null) delete attributes[name];
      else attributes[name] = v.slice(0, 1000);
    }
    const remove = new Set((tags?.remove ?? []).map((t) => t.toLowerCase()));
    const tagList = [
      ...new Set([...(k ? (JSON.parse(k.tags) as string[]) : []), ...(tags?.add ?? []).map((t) => t.toLowerCase())]),
    ].filter((t) => !remove.has(t));
    await saveContact(
      this.suite,
      tx,
      this.run.tenant_id,
      { wa_id: this.run.wa_id, attributes, tags: tagList },
      `flow:${this.doc.name}`,
      false,
      true,
    );
  }

  /** Saves the run's position and variables, only while it is still active. */
  private async save(
    tx: Db,
    patch: Partial<Pick<FlowRun, "node" | "waiting" | "wait_token" | "wait_until" | "attempts" | "steps">>,
  ): Promise<void> {
    const now = this.suite.clock.now();
    const r = await tx
      .updateTable("suite_flow_runs")
      .set({ ...patch, vars: JSON.stringify(this.state), updated_at: now })
      .where("id", "=", this.run.id)
      .where("state", "=", "active")
      .executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw new RunEnded();
    this.run = { ...this.run, ...patch, updated_at: now };
  }

  /**
   * A transaction of the run: `shared` when it also changes what others write under the tenant's
   * lock (the conversation, the contact, events for consoles) — it takes that lock first, as they
   * do; the run's own position and trace need no lock. Consoles hear of it once it commits.
   */
  private async write<T>(fn: (tx: Db) => Promise<T>, shared = false): Promise<T> {
    if (!this.ctxNow) await this.context();
    const out = shared
      ? await tenantTransaction(this.suite, this.run.tenant_id, fn)
      : await this.suite.db.transaction().execute(fn);
    this.suite.bus.notify();
    return out;
  }
}

/** The platform refused a message for good (not a passing limit): the run goes to a person. */
export class SendRefused extends Error {}
