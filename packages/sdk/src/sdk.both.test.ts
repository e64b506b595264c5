import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";
import {
  CloudApiClient,
  PlatformCallError,
  SimulatorClient,
  SuiteCallError,
  SuiteClient,
  parseWebhook,
  verifySignature,
} from "./index";

// The SDK against a real server: the Cloud API client, the simulator, the suite, and the webhook
// helpers on what the server really sends.
let s: TestServer;
let api: CloudApiClient;
let sim: SimulatorClient;
const wa = "48600777888";

beforeAll(async () => {
  s = await startTestServer();
  api = new CloudApiClient({
    graph_url: s.url,
    graph_version: s.credentials.graph_version,
    access_token: s.credentials.access_token,
  });
  sim = new SimulatorClient({ baseUrl: s.url, token: s.credentials.access_token });
});
afterAll(() => s.stop());

describe("the SDK", () => {
  it("writes as a simulated customer and reads the signed webhook back", async () => {
    await sim.createUser(wa, { name: "Ola", read_probability: 1 });
    const id = await sim.say(wa, s.phone, "Hello from the SDK");
    const d = await waitFor(
      () => s.receiver.deliveries.find((x) => parseWebhook(x.json).messages.some((m) => m.id === id)),
      5000,
      "delivery",
    );
    expect(verifySignature(d.raw, String(d.headers["x-hub-signature-256"]), s.credentials.app_secret)).toBe(true);
    expect(parseWebhook(d.json).messages.find((m) => m.id === id)).toMatchObject({
      from: wa,
      name: "Ola",
      type: "text",
      content: { body: "Hello from the SDK" },
      phoneNumberId: s.phone,
    });
  });

  it("sends through the Cloud API and the phone shows it; errors carry Meta's object", async () => {
    const sent = await api.sendText(s.phone, wa, "Hi Ola!");
    expect(sent.id).toMatch(/^wamid\./);
    await waitFor(
      async () => (await sim.chat(wa, s.phone)).messages.some((m: any) => m.content.body === "Hi Ola!"),
      5000,
      "on the phone",
    );
    const err = await api.sendText(s.phone, "not-a-number", "x").catch((e) => e);
    expect(err).toBeInstanceOf(PlatformCallError);
    expect(err.graph.code).toBe(100);
  });

  it("signs in to the suite, finds the conversation and replies", async () => {
    const suite = new SuiteClient(s.url);
    await suite.signIn(s.consoleLogin!.console_email, s.consoleLogin!.console_password);
    const c = await waitFor(
      async () => (await suite.conversations()).find((x) => x.wa_id === wa),
      5000,
      "conversation",
    );
    expect((await suite.reply(c.id, "From the suite, via the SDK")).id).toMatch(/^wamid\./);
    const report = await suite.importContacts("phone,name\n+48600777999,Marek\n", { dryRun: true });
    expect(report).toMatchObject({ dry_run: true, contacts: 1, created: 0 });
  });

  it("acts for the business's own system with an API key: flows, their events, and the suite's refusals", async () => {
    const admin = new SuiteClient(s.url);
    await admin.signIn(s.consoleLogin!.console_email, s.consoleLogin!.console_password);
    const { key } = await admin.createApiKey("shop");
    const shop = new SuiteClient(s.url, key);
    const flow = await shop.importFlow(
      {
        name: "Tag buyers",
        trigger: { type: "event", event: "paid" },
        start: "a",
        nodes: { a: { type: "set", tags: { add: ["buyer"] } } },
      },
      { publish: true },
    );
    expect((await shop.flows()).map((f) => f.id)).toContain(flow.id);
    const r = await shop.flowEvent("paid", "+48600777998", { amount: 10 });
    expect(r.started).toHaveLength(1);
    expect((await shop.flowRun(r.started[0].run_id)).flow_name).toBe("Tag buyers");
    const refused = await shop.importFlow({ name: "x" }).catch((e) => e);
    expect(refused).toBeInstanceOf(SuiteCallError);
    expect(refused).toMatchObject({ status: 400, code: "invalid_flow" });
    expect(await new SuiteClient(s.url, "owk_revokedrevokedrevokedrevoked").flows().catch((e) => e.status)).toBe(401);
  });
});
