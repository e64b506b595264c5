// Where a reply's time goes in the flow bench (a probe for tuning, not part of npm run bench):
// customer's request → the suite's intake stores it → the run takes the answer → the bot's next
// message is recorded; from the store's own timestamps.
import Database from "better-sqlite3";
import { apiClient, inParallel } from "../api";
import { runCleanup } from "../cleanup";
import { sleep } from "../clock";
import { databaseFile, startOpenWaba } from "../server-process";
import { summarize } from "../stats";
import { benchNumbers, signInConsole } from "../campaigns/bench-suite";

const N = Number(process.env.N ?? 1000);
try {
  const server = await startOpenWaba({
    suite: true,
    name: "probe",
    env: { OPENWABA_TEMPLATE_REVIEW_MS: "off", OPENWABA_SIM_POPULATION: "0" },
    nodeArgs: process.env.PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROFILE}`] : [],
  });
  const c = server.credentials;
  const call = apiClient(server.url, c.access_token);
  const s = await signInConsole(server);
  await s.call("POST", "/suite/api/flows", {
    publish: true,
    document: {
      name: "Probe",
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
          next: "count",
        },
        count: { type: "ask", prompt: { text: "How many?" }, validate: { type: "number" }, next: "done" },
        done: { type: "end", message: "Thanks!" },
      },
    },
  });
  const users = benchNumbers(N, 900_000);
  await inParallel(users, 64, async (wa) => {
    await call("POST", "/simulator/users", { wa_id: wa, read_probability: 0 });
  });
  const say = (wa: string, body: string) =>
    call("POST", `/simulator/users/${wa}/messages`, { to: c.phone_number_ids[0], type: "text", text: { body } });
  await inParallel(users, 200, (wa) => say(wa, "order"));
  await sleep(15_000);
  const sentAt = new Map<string, number>();
  const t0 = Date.now();
  await inParallel(users, 200, async (wa) => {
    sentAt.set(wa, Date.now());
    await say(wa, "Large");
  });
  console.log(`replies posted in ${Date.now() - t0} ms`);
  await sleep(30_000);
  const db = new Database(databaseFile(server.dataDir), { readonly: true });
  const rows = db
    .prepare(`select r.wa_id,
      (select max(m.at) from suite_messages m join suite_conversations cv on cv.id = m.conversation_id where cv.wa_id = r.wa_id and m.direction = 'in') as intake,
      (select min(st.at) from suite_flow_steps st where st.run_id = r.id and st.kind = 'answer') as answered,
      (select max(st.at) from suite_flow_steps st where st.run_id = r.id and st.kind = 'sent') as sent
    from suite_flow_runs r`)
    .all() as { wa_id: string; intake: number; answered: number; sent: number }[];
  const d = (f: (r: (typeof rows)[number]) => number) => summarize(rows.filter((r) => r.sent && r.answered).map(f));
  console.log("request → intake", JSON.stringify(d((r) => r.intake - sentAt.get(r.wa_id)!)));
  console.log("intake → answer taken", JSON.stringify(d((r) => r.answered - r.intake)));
  console.log("answer → next message sent", JSON.stringify(d((r) => r.sent - r.answered)));
  console.log("request → next message", JSON.stringify(d((r) => r.sent - sentAt.get(r.wa_id)!)));
  db.close();
  await server.child.stop();
} finally {
  await runCleanup();
}
