// A shop's back office tells customers their order has shipped, through the suite's flows: it
// publishes a flow waiting for the event "order_shipped" (once), then posts the event with the
// order's data. Runs against `npm start` with an API key (`npm run -s openwaba -- api-keys create
// "Back office"`, or the console: Settings → API keys).
//
//   npm start                                                        # in one terminal
//   export OPENWABA_API_KEY=$(npm run -s openwaba -- api-keys create "Back office")
//   node --import tsx packages/sdk/examples/order-shipped.ts +48600100200 860198
//
// (The simulated customer writes first, so that the customer service window is open for a free-form
// message; with a closed window a flow sends its `template` instead.)
import { readFileSync } from "node:fs";
import { SimulatorClient, SuiteClient } from "@openwaba/sdk";

const url = process.env.OPENWABA_URL ?? "http://127.0.0.1:8080";
const creds = JSON.parse(readFileSync(process.env.OPENWABA_CREDENTIALS ?? "data/dev-credentials.json", "utf8"));
const key = process.env.OPENWABA_API_KEY;
if (!key) throw new Error("set OPENWABA_API_KEY to an API key of the suite (console: Settings → API keys)");
const [phone = "+48600100200", order = "860198"] = process.argv.slice(2);

const suite = new SuiteClient(url, key);
// The flow is the repository's examples/order-shipped.flow.json, the one `openwaba flows import` takes.
const flow = JSON.parse(readFileSync(new URL("../../../examples/order-shipped.flow.json", import.meta.url), "utf8"));
if (!(await suite.flows()).some((f) => f.name === flow.name)) await suite.importFlow(flow, { publish: true });

const sim = new SimulatorClient({ baseUrl: url, token: creds.access_token });
const waId = phone.replace(/\D/g, "");
await sim.createUser(waId).catch(() => undefined);
await sim.say(waId, creds.phone_number_ids[0], "Hi, any news about my order?");
await new Promise((done) => setTimeout(done, 1500)); // the suite hears of the customer's message by webhook

const r = await suite.flowEvent(
  "order_shipped",
  phone,
  { order, carrier: "InPost" },
  { phoneNumberId: creds.phone_number_ids[0] },
);
console.log(r.started.length ? `started run ${r.started[0].run_id}` : `nothing started: ${JSON.stringify(r.skipped)}`);
await new Promise((done) => setTimeout(done, 2000));
for (const m of (await sim.chat(waId, creds.phone_number_ids[0])).messages)
  console.log(`${m.direction === "sent" ? "→" : "←"} ${m.content?.body ?? m.type}`);
