import { isWindowOpen, needsOpenWindow } from "@openwaba/contracts";
import type { Db } from "@openwaba/store";
import { mergeContactFields } from "../contacts/commands/merge-contact-fields";
import { newId } from "../ids";
import { sendAndRecord } from "../inbox/compose";
import { rateLastCycle } from "../inbox/commands/rate-last-cycle";
import { resolveConversation } from "../inbox/commands/resolve-conversation";
import { tenantTransaction, suiteTransaction } from "../unit-of-work";
import type { Suite } from "../suite";
import { holds } from "./conditions";
import {
  parseDuration,
  fillTemplate,
  type FlowContext,
  type FlowDocument,
  type FlowNode,
  type MessageSpec,
} from "@openwaba/contracts/suite";
import { flowDocument } from "./flow-catalog";
import { choiceMessage, cloudMessage, promptMessage, summary, templateBody, type CloudBody } from "./flow-messages";
import { csatOptions, csatScore, phrase } from "./flow-phrases";
import { handToPeople } from "./flow-handover";
import { abandonRun, type EndState, type FlowRun } from "./flow-runs";
import { callBusinessSystem, savedParts } from "./http-call";
import { checkReply } from "./reply-validation";
import type { RunInput } from "./run-input";
import { RunSurroundings, type RunState } from "./run-surroundings";
import { finalRefusal, SendRefused } from "./send-refusal";
import { endRun } from "./commands/end-run";
import { saveRunProgress, type RunProgress } from "./commands/save-run-progress";
import { traceStep } from "./commands/trace-step";

// Runs a flow from where it is to where it must wait (a reply, a timer) or end. Its position is
// stored as each node is entered, so a run killed mid-way resumes at that node (a message that
// was being sent may then be sent again: at least once). Messages and calls happen outside
// transactions; each change of position, its trace and its timer commit together. The handover
// (flow-handover.ts), what a refused send means (send-refusal.ts) and what the run reads of its
// conversation and contact (run-surroundings.ts) live beside it.

const MAX_STEPS_PER_RUN = 500;
const MAX_STEPS_PER_INPUT = 100;
const DEFAULT_REPLY_TIMEOUT_MS = 24 * 3600_000;
const HALT = Symbol("halt");
type Next = string | undefined | typeof HALT;
type Ask = Extract<FlowNode, { type: "ask" }>;
type Survey = Extract<FlowNode, { type: "csat" }>;
type Handover = Extract<FlowNode, { type: "handover" }>;
type Reply = Extract<RunInput, { kind: "reply" }>;

/** Ended or taken over while we worked: nothing more to do. */
class RunEnded extends Error {}

export async function advanceRun(suite: Suite, runId: string, input: RunInput): Promise<void> {
  const run = await suite.db.selectFrom("suite_flow_runs").selectAll().where("id", "=", runId).executeTakeFirst();
  if (!run || run.state !== "active") return;
  const doc = await flowDocument(suite, suite.db, { flowId: run.flow_id, version: run.flow_version });
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
  private readonly state: RunState;
  private readonly world: RunSurroundings;
  private replyId: string | null = null;

  constructor(
    private readonly suite: Suite,
    private run: FlowRun,
    private readonly doc: FlowDocument,
  ) {
    this.state = JSON.parse(run.vars) as RunState;
    this.world = new RunSurroundings(suite, run, this.state);
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
      return node.type === "csat" ? this.onSurveyAnswer(node, input) : this.onAnswer(node as Ask, input);
    }
    if (input.kind === "timer" && input.token === this.run.wait_token) {
      if (node.type === "wait") {
        await this.write((tx) => this.trace(tx, this.run.node, "waited"));
        return this.runFrom(node.next);
      }
      const onTimeout = (node as Ask | Survey).on_timeout;
      await this.write((tx) => this.trace(tx, this.run.node, "timeout", { next: onTimeout ?? null }));
      if (onTimeout) return this.runFrom(onTimeout);
      await this.write((tx) => this.end(tx, "expired", "no reply"), { tenantLock: true });
    }
  }

  // ── answers ────────────────────────────────────────────────────────────────────────────────
  private async onAnswer(node: Ask, { reply, asksForHuman }: Reply): Promise<void> {
    const check = checkReply(node.validate, reply, await this.world.today());
    // "A person, please" wins — unless it is a fine answer to a question with a form of its own
    // ("Support" among the options); any words answer a free-text question, so there it always wins.
    const freeText = node.validate.type === "text" || node.validate.type === "any";
    if (asksForHuman && (!check.ok || freeText))
      return this.handover(null, "customer asked for a person", "handed_over");
    if (check.ok) {
      this.state.reply = { ...reply, value: check.value };
      await this.write(
        async (tx) => {
          if (node.save_as) await this.saveAttributes(tx, { [node.save_as]: check.value });
          await this.trace(tx, this.run.node, "answer", {
            valid: true,
            value: check.value,
            saved_as: node.save_as ?? null,
          });
        },
        { tenantLock: !!node.save_as },
      );
      return this.runFrom(node.next);
    }
    return this.retryOrGiveUp(node.max_attempts ?? 3, check.reason, node.reprompt, node.on_invalid, () =>
      this.promptBody(node),
    );
  }

  private async onSurveyAnswer(node: Survey, { reply, asksForHuman }: Reply): Promise<void> {
    const score = csatScore(reply);
    if (score === null && asksForHuman) return this.handover(null, "customer asked for a person", "handed_over");
    if (score === null)
      return this.retryOrGiveUp(2, "a score from 1 to 5", undefined, node.next, () => this.surveyBody(node), {
        giveUpGoesOn: true,
      });
    this.state.vars.csat = score;
    if (!this.counted()) {
      await this.write(
        async (tx) => {
          const c = await this.world.conversation(tx);
          if (
            c.state === "resolved" ||
            !(await resolveConversation(this.suite, tx, { conversation: c, actorId: null, csat: score }))
          )
            await rateLastCycle(this.suite, tx, { conversation: c, score });
          await this.save(tx, {});
          await this.trace(tx, this.run.node, "csat", { score });
        },
        { tenantLock: true },
      );
    }
    await this.send(this.textBody(node.thanks ?? phrase("csat_thanks", this.world.language())));
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
    o: {
      /** Out of attempts, the flow goes on (to `giveUpTo`, or ends) rather than to a person. */
      giveUpGoesOn: boolean;
    } = { giveUpGoesOn: false },
  ): Promise<void> {
    const counted = this.counted();
    const attempts = counted ? this.run.attempts : this.run.attempts + 1;
    if (!counted) {
      await this.write(async (tx) => {
        await this.save(tx, { attempts });
        await this.trace(tx, this.run.node, "answer", { valid: false, reason, attempts, of: max });
      });
    }
    if (attempts < max) {
      await this.send(
        this.textBody(reprompt ? this.world.fill(reprompt) : phrase("retry", this.world.language(), reason)),
      );
      const body = again();
      if (body) await this.send(body);
      return;
    }
    if (giveUpTo || o.giveUpGoesOn) return this.runFrom(giveUpTo);
    return this.handover(null, "no valid answer", "handed_over");
  }

  // ── running ────────────────────────────────────────────────────────────────────────────────
  private async runFrom(first: string | undefined): Promise<void> {
    let id: string | undefined = first;
    for (let i = 0; ; i++) {
      if (id === undefined) return this.finish({});
      if (this.run.steps >= MAX_STEPS_PER_RUN || i >= MAX_STEPS_PER_INPUT)
        return this.fail("too many steps without waiting (a loop?)");
      const node = this.doc.nodes[id];
      const at = id;
      await this.world.read();
      await this.write(async (tx) => {
        await this.save(tx, {
          node: at,
          waiting: null,
          wait_token: null,
          wait_until: null,
          attempts: 0,
          steps: this.run.steps + 1,
        });
        await this.trace(tx, at, "enter", { type: node.type });
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
            (await this.write((tx) => this.end(tx, "expired", "could not ask: window closed"), { tenantLock: true }),
            HALT)
          );
        }
        await this.send(body);
        await this.waitFor("reply", node.timeout);
        return HALT;
      }
      case "branch": {
        const ctx = await this.world.read();
        const i = node.cases.findIndex((c) => holds(c.when, ctx));
        const next = i >= 0 ? node.cases[i].next : node.default;
        await this.write((tx) => this.trace(tx, id, "decision", { case: i >= 0 ? i : "default", next: next ?? null }));
        return next;
      }
      case "set": {
        const ctx = await this.world.read();
        const attrs = Object.fromEntries(
          Object.entries(node.attributes ?? {}).map(([k, v]) => [k, v === null ? null : fillTemplate(v, ctx)]),
        );
        for (const [k, v] of Object.entries(node.vars ?? {})) this.state.vars[k] = fillTemplate(v, ctx);
        await this.write(
          async (tx) => {
            await this.saveAttributes(tx, attrs, node.tags);
            await this.save(tx, {});
            await this.trace(tx, id, "set", {
              attributes: attrs,
              vars: Object.keys(node.vars ?? {}),
              tags: node.tags ?? null,
            });
          },
          { tenantLock: true },
        );
        return node.next;
      }
      case "http": {
        const outcome = await callBusinessSystem(this.suite.http, node, await this.world.read());
        this.state.http = { status: outcome.status, body: outcome.body };
        const parts = outcome.ok ? savedParts(node, outcome) : { attr: {}, vars: {} };
        Object.assign(this.state.vars, parts.vars);
        const next = outcome.ok ? node.next : node.on_error;
        await this.write(
          async (tx) => {
            if (Object.keys(parts.attr).length) await this.saveAttributes(tx, parts.attr);
            await this.save(tx, {});
            await this.trace(tx, id, "http", {
              method: node.method,
              url: node.url,
              status: outcome.status,
              attempts: outcome.attempts,
              error: outcome.error ?? null,
              saved: Object.keys({ ...parts.attr, ...parts.vars }),
            });
          },
          { tenantLock: Object.keys(parts.attr).length > 0 },
        );
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
        if (node.message) await this.send(this.textBody(this.world.fill(node.message)));
        await this.finish({ resolve: node.resolve });
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
      await this.trace(tx, this.run.node, "waiting", {
        for: what,
        until: new Date(until).toISOString(),
      });
    });
  }

  /** The flow is done: the bot closes a conversation no person holds (unless told not to). */
  private async finish({ resolve }: { resolve?: boolean }): Promise<void> {
    await this.write(
      async (tx) => {
        if (!(await this.end(tx, "completed", "end"))) return;
        const c = await this.world.conversation(tx);
        if ((resolve ?? true) && !c.assignee_id && c.state !== "resolved")
          await resolveConversation(this.suite, tx, {
            conversation: c,
            actorId: null,
            csat: typeof this.state.vars.csat === "number" ? this.state.vars.csat : null,
          });
      },
      { tenantLock: true },
    );
  }

  /** To a person: the customer is told, the conversation goes to a team's queue (reopened if closed). */
  async handover(node: Handover | null, reason: string, endState: EndState): Promise<void> {
    await this.world.read();
    const message = node?.message ? this.world.fill(node.message) : phrase("handover", this.world.language());
    const c0 = await this.world.conversation(this.suite.db);
    // The customer is told; if the platform refuses for a moment, the message follows as soon as it can.
    let later: string | null = null;
    if (isWindowOpen(c0.last_inbound_at, this.suite.clock.now()))
      await this.send(this.textBody(message)).catch(() => {
        later = message;
      });
    await this.write(
      async (tx) => {
        if (!(await this.end(tx, endState, reason))) return;
        await handToPeople(this.suite, tx, {
          conversation: await this.world.conversation(tx),
          noticeLater: later,
          note: node?.note ? this.world.fill(node.note) : null,
          teamId: node?.team_id ?? this.doc.settings?.handover_team_id,
          flowName: this.doc.name,
          lastReply: this.state.reply?.text ?? "",
        });
      },
      { tenantLock: true },
    );
  }

  async fail(why: string): Promise<void> {
    await this.write((tx) => this.trace(tx, this.run.node, "error", { error: why }));
    await this.handover(null, `failed: ${why}`, "failed");
  }

  // ── messages ───────────────────────────────────────────────────────────────────────────────
  private async send(body: CloudBody): Promise<void> {
    const c = await this.world.conversation(this.suite.db);
    try {
      await sendAndRecord(
        this.suite,
        c,
        { to: c.wa_id, ...body },
        { authorId: null, contextId: null, now: this.suite.clock.now() },
        (tx, messageId) =>
          this.trace(tx, this.run.node, "sent", {
            type: body.type,
            text: summary(body).slice(0, 300),
            message_id: messageId,
          }),
      );
    } catch (err) {
      const refused = finalRefusal(err);
      if (!refused) throw err; // the job is tried again
      await this.write((tx) => this.trace(tx, this.run.node, "error", { error: refused.message, code: refused.code }));
      throw new SendRefused(refused.message);
    }
  }

  private bodyFor(
    spec: MessageSpec,
    template: Parameters<typeof templateBody>[0] | undefined,
    make?: (ctx: FlowContext) => CloudBody,
  ): CloudBody | null {
    const ctx = this.world.current!;
    const body = make ? make(ctx) : cloudMessage(spec, ctx);
    if (!needsOpenWindow(body.type) || this.world.windowOpen) return body;
    return template ? templateBody(template, ctx) : null;
  }

  private promptBody(node: Ask): CloudBody | null {
    return this.bodyFor(node.prompt, node.template, (ctx) => promptMessage(node, ctx, this.world.language()));
  }

  private surveyBody(node: Survey): CloudBody | null {
    const question = node.question ? this.world.fill(node.question) : phrase("csat_question", this.world.language());
    return this.bodyFor({ text: question }, undefined, (ctx) =>
      choiceMessage(question, csatOptions(this.world.language()), "list", this.world.language(), ctx),
    );
  }

  private textBody(text: string): CloudBody {
    return { type: "text", text: { body: text } };
  }

  private async skipped(id: string): Promise<void> {
    await this.write((tx) =>
      this.trace(tx, id, "skipped", {
        why: "the customer service window is closed and the node has no template",
      }),
    );
  }

  // ── state ──────────────────────────────────────────────────────────────────────────────────
  private async saveAttributes(
    tx: Db,
    attributes: Record<string, string | null>,
    tags?: { add?: string[]; remove?: string[] },
  ): Promise<void> {
    await mergeContactFields(this.suite, tx, {
      tenantId: this.run.tenant_id,
      waId: this.run.wa_id,
      attributes,
      tags,
      source: `flow:${this.doc.name}`,
    });
  }

  /** Saves the run's position and variables, only while it is still active (else the interpreter stops). */
  private async save(tx: Db, progress: RunProgress): Promise<void> {
    const savedAt = await saveRunProgress(this.suite, tx, { runId: this.run.id, progress, vars: this.state });
    if (savedAt === null) throw new RunEnded();
    this.run = { ...this.run, ...progress, updated_at: savedAt };
  }

  /** Ends the run, if it is still active (false: someone else ended it). */
  private end(tx: Db, state: EndState, reason: string): Promise<boolean> {
    return endRun(this.suite, tx, { run: this.run, state, reason, actorId: null });
  }

  /** A line on the run's trace. */
  private trace(tx: Db, node: string | null, kind: string, detail?: Record<string, unknown>): Promise<void> {
    return traceStep(this.suite, tx, { runId: this.run.id, node, kind, detail });
  }

  /**
   * A transaction of the run. `tenantLock` when it also changes what others write under the
   * tenant's lock (the conversation, the contact, events for consoles): it takes that lock first,
   * as they do; the run's own position and trace need no lock. Consoles hear of it once it commits.
   */
  private async write<T>(fn: (tx: Db) => Promise<T>, o: { tenantLock: boolean } = { tenantLock: false }): Promise<T> {
    if (!this.world.current) await this.world.read();
    return o.tenantLock ? tenantTransaction(this.suite, this.run.tenant_id, fn) : suiteTransaction(this.suite, fn);
  }
}
