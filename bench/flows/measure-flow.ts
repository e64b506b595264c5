// Many customers at once in a three-step flow (a question with options, a question for a number,
// a closing message): from each customer's reply to the bot's next message, as the platform
// reports it sent to the business's webhook receiver. p50 / p99 over every reply.
import { apiClient, inParallel } from "../api";
import { nowMs, sleep } from "../clock";
import { startReceiver } from "../receiver-process";
import type { OpenWabaProcess } from "../server-process";
import { summarize, type Summary } from "../stats";
import { benchNumbers, signInConsole } from "../campaigns/bench-suite";

export interface FlowResult {
  customers: number;
  replyToAnswerMs: Summary;
  perStepMs: Summary[];
  unanswered: number;
  startToFirstQuestionMs: Summary;
}

export async function measureFlow(
  server: OpenWabaProcess,
  o: { customers: number; log: (m: string) => void },
): Promise<FlowResult> {
  const c = server.credentials;
  const call = apiClient(server.url, c.access_token);
  const phone = c.phone_number_ids[0];
  const receiver = await startReceiver(c.verify_token);
  await call("POST", `/${c.graph_version}/${c.app_id}/subscriptions`, {
    object: "whatsapp_business_account",
    callback_url: receiver.url,
    verify_token: c.verify_token,
    fields: "messages",
  });
  const s = await signInConsole(server);
  await s.call("POST", "/suite/api/flows", {
    publish: true,
    document: {
      name: "Bench order",
      trigger: { type: "keyword", keywords: ["order"] },
      start: "size",
      nodes: {
        size: {
          type: "ask",
          prompt: { text: "Which size?" },
          validate: {
            type: "choice",
            options: [
              { id: "s", title: "Small" },
              { id: "l", title: "Large" },
            ],
          },
          save_as: "size",
          next: "count",
        },
        count: {
          type: "ask",
          prompt: { text: "How many?" },
          validate: { type: "number", min: 1, max: 99, integer: true },
          save_as: "count",
          next: "done",
        },
        done: { type: "end", message: "Thanks! {{attr.count}} × {{attr.size}} ordered." },
      },
    },
  });
  const users = benchNumbers(o.customers, 900_000);
  o.log(`${o.customers} simulated customers`);
  await inParallel(users, 64, async (wa) => {
    await call("POST", "/simulator/users", { wa_id: wa, read_probability: 0 });
  });
  const say = (wa: string, body: string) =>
    call("POST", `/simulator/users/${wa}/messages`, { to: phone, type: "text", text: { body } });
  /** Every customer says `text` at once; how long until each got the bot's next message. */
  const step = async (text: string, expectSent: number): Promise<{ ms: number[]; missing: number }> => {
    const t0 = new Map<string, number>();
    await inParallel(users, 200, async (wa) => {
      t0.set(wa, nowMs());
      await say(wa, text);
    });
    const deadline = nowMs() + 60_000;
    let sentTo = await receiver.sentTo();
    while (nowMs() < deadline && users.some((wa) => (sentTo.get(wa)?.length ?? 0) < expectSent)) {
      await sleep(200);
      sentTo = await receiver.sentTo();
    }
    const ms: number[] = [];
    let missing = 0;
    for (const wa of users) {
      const at = (sentTo.get(wa) ?? [])[expectSent - 1];
      if (at === undefined) missing++;
      else ms.push(at - t0.get(wa)!);
    }
    return { ms, missing };
  };
  o.log("step 1: every customer writes 'order'");
  const first = await step("order", 1);
  o.log("step 2: every customer picks a size");
  const second = await step("Large", 2);
  o.log("step 3: every customer gives a number");
  const third = await step("3", 3);
  await receiver.child.stop();
  return {
    customers: o.customers,
    startToFirstQuestionMs: summarize(first.ms),
    replyToAnswerMs: summarize([...second.ms, ...third.ms]),
    perStepMs: [summarize(second.ms), summarize(third.ms)],
    unanswered: first.missing + second.missing + third.missing,
  };
}
