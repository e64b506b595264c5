import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { Connection } from "./connection";
import { suiteClient } from "./suite-login";

// `openwaba flows …`: flows as files (import, export), the list, and events of the business's
// own system that start flows.

export function registerFlowCommands(program: Command, conn: () => Connection): void {
  const flows = program.command("flows").description("automation flows");

  flows
    .command("list")
    .description("the tenant's flows")
    .action(async () => {
      for (const f of await (await suiteClient(conn())).flows()) {
        const runs = Object.entries(f.runs ?? {})
          .map(([s, n]) => `${n} ${s}`)
          .join(", ");
        console.log(
          `${f.id}  ${f.enabled ? "on " : "off"}  v${f.live_version ?? "-"}/${f.latest_version}  ${String(f.trigger_type).padEnd(21)} ${f.name}${runs ? `  (${runs})` : ""}`,
        );
      }
    });

  flows
    .command("import")
    .description("a flow document (.flow.json): a new flow, or --flow's next version")
    .argument("<file>")
    .option("--flow <id>", "make it this flow's next version")
    .option("--publish", "make it live at once")
    .action(async (file: string, o: { flow?: string; publish?: boolean }) => {
      let document: unknown;
      try {
        document = JSON.parse(readFileSync(file, "utf8"));
      } catch (e) {
        throw new Error(`${file} is not a JSON file: ${(e as Error).message}`);
      }
      const f = await (await suiteClient(conn())).importFlow(document, { flowId: o.flow, publish: o.publish });
      console.log(`${f.id}  ${f.name}  version ${f.latest_version}${f.enabled ? " (live)" : ""}`);
      for (const w of f.warnings ?? []) console.log(`  warning: ${w.path}: ${w.message}`);
    });

  flows
    .command("export")
    .description("a flow's document, to a file or the screen")
    .argument("<flow>", "its id or name")
    .option("-o, --output <file>", "write it here")
    .option("--version <n>", "an earlier version")
    .action(async (ref: string, o: { output?: string; version?: string }) => {
      const suite = await suiteClient(conn());
      const f = (await suite.flows()).find((x) => x.id === ref || x.name === ref);
      if (!f) throw new Error(`no flow has the id or name "${ref}"`);
      const json =
        JSON.stringify(await suite.exportFlow(f.id, o.version ? Number(o.version) : undefined), null, 2) + "\n";
      if (o.output) {
        writeFileSync(o.output, json);
        console.log(`wrote ${o.output}`);
      } else process.stdout.write(json);
    });

  flows
    .command("event")
    .description("an event of your system that starts the flows waiting for it")
    .argument("<event>")
    .argument("<phone>", "the customer's number, with +")
    .option("--data <json>", "what the flows may use as {{event.…}}", "{}")
    .action(async (event: string, phone: string, o: { data: string }) => {
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(o.data);
      } catch {
        throw new Error("--data is not JSON");
      }
      const r = await (await suiteClient(conn())).flowEvent(event, phone, data);
      for (const s of r.started) console.log(`started run ${s.run_id} of flow ${s.flow_id}`);
      for (const s of r.skipped) console.log(`skipped flow ${s.flow_id}: ${s.skipped}`);
      if (!r.started.length && !r.skipped.length) console.log("no published flow waits for this event");
    });
}
