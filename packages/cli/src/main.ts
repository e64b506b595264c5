#!/usr/bin/env node
// `openwaba <command>` (npx openwaba, npm run openwaba -- …): the command line, over HTTP through the SDK.
import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import { Command } from "commander";
import { CloudApiClient, PlatformCallError, SimulatorClient, SuiteCallError } from "@openwaba/sdk";
import { connection, type Connection } from "./connection";
import { progressBar } from "./progress";
import { registerCampaignCommands } from "./campaign.commands";
import { registerFlowCommands } from "./flows.commands";
import { registerStartCommand } from "./start.command";
import { registerTemplateCommands } from "./templates.commands";
import { chatLines } from "./chat-lines";
import { suiteClient } from "./suite-login";

const program = new Command("openwaba")
  .description("Talk to an OpenWABA server (or, for messages and templates, Meta's Cloud API).")
  .option("--url <url>", "server address (OPENWABA_URL, default http://127.0.0.1:8080)")
  .option("--credentials <file>", "credentials file (OPENWABA_CREDENTIALS, default data/dev-credentials.json)")
  .option("--phone <id>", "business phone-number id (default: the first in the credentials)")
  .showHelpAfterError();

const conn = (): Connection => connection(program.opts());
const cloud = (c: Connection) =>
  new CloudApiClient({ graph_url: c.url, graph_version: c.version, access_token: c.token });

program
  .command("send")
  .description("send a text message")
  .argument("<to>", "the customer's number")
  .argument("<text...>", "the text")
  .action(async (to: string, text: string[]) => {
    const c = conn();
    const r = await cloud(c).sendText(c.phone, to, text.join(" "));
    console.log(r.id);
  });
registerTemplateCommands(program, conn);

const sim = program.command("sim").description("the simulator of WhatsApp users");
sim
  .command("say")
  .description("write to the business as a simulated customer")
  .argument("<wa_id>")
  .argument("<text...>")
  .action(async (waId: string, text: string[]) => {
    const c = conn();
    const s = new SimulatorClient({ baseUrl: c.url, token: c.token });
    await s.createUser(waId).catch(() => undefined); // already there is fine
    console.log(await s.say(waId, c.phone, text.join(" ")));
  });
sim
  .command("chat")
  .description("what the customer's phone shows")
  .argument("<wa_id>")
  .action(async (waId: string) => {
    const c = conn();
    const chat = await new SimulatorClient({ baseUrl: c.url, token: c.token }).chat(waId, c.phone);
    if (!chat.messages.length)
      console.log(`no messages between ${waId} and ${chat.business?.verified_name ?? c.phone} yet`);
    for (const m of chat.messages) for (const line of chatLines(m)) console.log(line);
  });

program
  .command("contacts")
  .description("the suite's contacts")
  .command("import")
  .description("import a CSV of contacts (phone, name, tags, consent, attributes…)")
  .argument("<file>")
  .option("--dry-run", "check and report without writing")
  .option("--default-country <CC>", "country of numbers written without +")
  .action(async (file: string, o: { dryRun?: boolean; defaultCountry?: string }) => {
    const c = conn();
    const suite = await suiteClient(c);
    const size = statSync(file).size;
    const bar = progressBar(size, "uploading");
    let sent = 0;
    const body = Readable.toWeb(
      createReadStream(file).on("data", (chunk) => {
        sent += chunk.length;
        bar.update(sent);
      }),
    );
    const r = await suite.importContacts(body as ReadableStream<Uint8Array>, {
      dryRun: o.dryRun,
      defaultCountry: o.defaultCountry,
    });
    bar.done();
    console.log(
      `${r.rows} rows: ${r.contacts} contacts (${r.duplicates} duplicates merged), ${r.errors.length} rows with errors${r.dry_run ? " — dry run, nothing written" : `; ${r.created} created, ${r.updated} updated`}`,
    );
    if (r.separator && r.separator !== ",")
      console.log(`read as ${r.separator === ";" ? "semicolon" : "tab"}-separated`);
    if (r.stopped_in_whatsapp)
      console.log(
        `${r.stopped_in_whatsapp} of them stopped marketing messages in WhatsApp: their consent stays withdrawn until they resume there`,
      );
    for (const e of r.errors) console.log(`  line ${e.line}: ${e.error}`);
    if (r.errors.length) process.exitCode = 2;
  });

program
  .command("api-keys")
  .description("the suite's API keys, for the business's own systems")
  .command("create")
  .description("a new API key (printed once: keep it); the console lists and revokes them")
  .argument("<name>", "what it is for")
  .action(async (name: string) => {
    const k = await (await suiteClient(conn())).createApiKey(name);
    console.log(k.key);
  });

registerCampaignCommands(program, conn);
registerFlowCommands(program, conn);
registerStartCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Clear errors, never a stack trace: Meta's message and code when the Cloud API refused.
  if (err instanceof PlatformCallError) console.error(`error: ${err.message} (code ${err.graph.code})`);
  else if (err instanceof SuiteCallError) {
    console.error(`error: ${err.message}${err.error.field ? ` [${err.error.field}]` : ""} (${err.code})`);
    for (const e of err.error.errors ?? []) console.error(`  ${e.path}: ${e.message}`);
  } else console.error(`error: ${(err as Error).message}`);
  process.exitCode = 1;
}
