import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFlowDocument } from "@openwaba/contracts/suite";
import { REPO_ROOT, spawnServer, stopServer } from "./testing/server-process";

// Every command of the README and of docs/*.md, as a newcomer runs them on a fresh clone: each
// file's ```sh blocks, in order, in one bash, against a real server process (npm start's
// main.ts) on a free port with a fresh data dir — one server per file. What may differ from the
// reader's terminal is set in the environment, never by rewriting the text:
// - OPENWABA_URL and OPENWABA_CREDENTIALS: the README's first "Try it" line reads them for the
//   address and the credentials file, and so does the openwaba command;
// - phones without delays, and no pair rate (one message per 6 s to a user): the commands follow
//   each other here faster than anyone types them.
// A block right after `<!-- readme-test: skip (why) -->` is not run (npm start, a bot that runs
// until stopped, a PostgreSQL server). Every other command must exit 0 (curl too: an HTTP error
// fails it), and what they print is checked where it says something.

const SKIP = /^<!--\s*readme-test:\s*skip\s*\((.+)\)\s*-->$/;
const MARK = "::readme-block::";

interface ShellBlock {
  line: number;
  code: string;
  skip: string | null;
}

/** The shell blocks of a markdown text, each with its line and its skip reason (if marked). */
function shellBlocks(markdown: string): ShellBlock[] {
  const lines = markdown.split("\n");
  const out: ShellBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)/.exec(lines[i]);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    if (["sh", "bash", "shell"].includes(open[1])) {
      const before =
        lines
          .slice(0, i)
          .reverse()
          .find((l) => l.trim() !== "")
          ?.trim() ?? "";
      out.push({ line: i + 1, code: lines.slice(i + 1, end).join("\n"), skip: SKIP.exec(before)?.[1] ?? null });
    } else if (
      /readme-test/.test(
        lines
          .slice(0, i)
          .reverse()
          .find((l) => l.trim() !== "") ?? "",
      )
    ) {
      throw new Error(`line ${i + 1}: a readme-test marker before a block that is not sh`);
    }
    i = end;
  }
  return out;
}

interface Run {
  code: number | null;
  out: string;
  err: string;
  blocks: Map<number, string>;
}

/** Runs a file's blocks in one bash against a server; the output of each block by its line. */
function runBlocks(file: string, blocks: ShellBlock[], server: { url: string; credentials: string }): Promise<Run> {
  const script = [
    "set -euo pipefail",
    'curl() { command curl --fail-with-body "$@"; }',
    `trap 'echo "readme-test: this command failed: $BASH_COMMAND" >&2' ERR`,
    ...blocks.flatMap((b) => [`echo '${MARK}${b.line}'`, b.code]),
  ].join("\n");
  const env: Record<string, string | undefined> = {
    ...process.env,
    OPENWABA_URL: server.url,
    OPENWABA_CREDENTIALS: server.credentials,
  };
  delete env.OPENWABA_API_KEY;
  return new Promise((resolve) => {
    const p = spawn("bash", ["-c", script], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "",
      err = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => p.kill("SIGKILL"), 80_000); // a safety net: it takes about 35 s
    p.on("close", (code) => {
      clearTimeout(timer);
      const blocksOut = new Map<number, string>();
      for (const part of out.split(MARK).slice(1)) {
        const nl = part.indexOf("\n");
        blocksOut.set(Number(part.slice(0, nl)), part.slice(nl + 1));
      }
      resolve({ code, out, err, blocks: blocksOut });
    });
  });
}

const read = (path: string) => readFileSync(join(REPO_ROOT, path), "utf8");
const docs = readdirSync(join(REPO_ROOT, "docs"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => `docs/${f}`);
const files = ["README.md", ...docs].filter((f) => shellBlocks(read(f)).some((b) => !b.skip));

const servers = new Map<string, Awaited<ReturnType<typeof spawnServer>> & { dir: string }>();
const runs = new Map<string, Run>();

beforeAll(async () => {
  // One fresh server per file, each file's blocks run as soon as its server is up.
  await Promise.all(
    files.map(async (f) => {
      const dir = mkdtempSync(join(tmpdir(), "openwaba-readme-"));
      const s = {
        ...(await spawnServer({
          OPENWABA_DATA_DIR: dir,
          OPENWABA_SIM_LATENCY: "zero",
          OPENWABA_PAIR_RATE: "off",
          LOG_LEVEL: "warn",
          OPENWABA_LOG_FORMAT: "json",
        })),
        dir,
      };
      servers.set(f, s);
      runs.set(
        f,
        await runBlocks(
          f,
          shellBlocks(read(f)).filter((b) => !b.skip),
          { url: s.url, credentials: join(dir, "dev-credentials.json") },
        ),
      );
    }),
  );
}, 90_000);

afterAll(async () => {
  for (const s of servers.values()) {
    await stopServer(s.proc);
    rmSync(s.dir, { recursive: true, force: true });
  }
});

/** The output of the block that holds `command`. */
function outputOf(file: string, command: string): string {
  const block = shellBlocks(read(file)).find((b) => !b.skip && b.code.includes(command));
  if (!block) throw new Error(`${file} has no block with ${command}`);
  return runs.get(file)!.blocks.get(block.line) ?? "";
}

describe("the README's and docs' commands, on a fresh server", () => {
  it("say where the server and the credentials are in one place, and mark what they do not run with a reason", () => {
    const readme = read("README.md");
    expect(readme).toContain(
      "API=${OPENWABA_URL:-http://127.0.0.1:8080}; C=${OPENWABA_CREDENTIALS:-data/dev-credentials.json}",
    );
    const blocks = shellBlocks(readme);
    expect(blocks.filter((b) => !b.skip).length).toBeGreaterThanOrEqual(3);
    expect(blocks.filter((b) => b.skip).map((b) => b.code.split("\n")[0])).toEqual([
      expect.stringContaining("npm install && npm start"),
      expect.stringContaining("/subscriptions"),
      expect.stringContaining("echo-bot.ts"),
      expect.stringContaining("createdb"),
    ]);
    expect(files).toEqual(["README.md", "docs/flows.md"]);
  });

  it("run to the end, every command exiting 0", () => {
    for (const f of files) {
      const r = runs.get(f)!;
      const last = [...r.blocks.keys()].pop();
      const why = `${f}, the block at line ${last}: ${r.err.trim().split("\n").slice(-8).join("\n")}\n--- its output, the end ---\n${r.out.slice(-1500)}`;
      expect(r.err, why).not.toContain("readme-test: this command failed");
      expect(r.code, why).toBe(0);
      expect(r.blocks.size).toBe(shellBlocks(read(f)).filter((b) => !b.skip).length);
    }
  });

  it("Try it: the customer's phone shows the business's answer, and a send outside the window fails with 131047", () => {
    const out = outputOf("README.md", "simulator/clock/advance");
    expect(out).toContain('"display_phone_number"');
    expect(out).toMatch(/"body":"Dzień dobry! W czym mogę pomóc\?"/);
    // After the clock's travel, the free-form send failed outside the window.
    expect(out).toMatch(/"status":"failed","errors":\[\{"code":131047/);
  });

  it("the command line: templates made and sent, contacts and flows imported, the campaign delivered with each contact's code", () => {
    const out = outputOf("README.md", "campaign send");
    expect(out).toContain("← Yes, it ships today!");
    expect(out).toMatch(/^APPROVED +UTILITY +en_US +hello_world/m);
    expect(out.match(/^wamid\./gm)?.length).toBeGreaterThanOrEqual(4); // sim say, send, two template sends
    expect(out).toMatch(/^\d+ {2}order_ready {2}APPROVED UTILITY$/m);
    expect(out).toMatch(/^\d+ {2}winter_sale {2}APPROVED MARKETING$/m);
    expect(out).toContain("4 rows: 4 contacts (0 duplicates merged), 0 rows with errors — dry run, nothing written");
    expect(out).toContain("4 rows: 4 contacts (0 duplicates merged), 0 rows with errors; 4 created, 0 updated");
    expect(out).toMatch(/ {2}Order status {2}version 1 \(live\)/);
    expect(out).toContain('"name": "Order status"');
    expect(out).toMatch(/^started run \S+ of flow /m);
    expect(out).toContain("recipients: 3");
    expect(out).toMatch(/completed\n {2}3\/3 sent/);
    expect(out).toContain(
      "← Hi Zofia Kamińska, our winter sale is on: 20% off everything with the code ZOFIA15 until Sunday.",
    );
    expect(out).not.toContain("[object Object]");
  });

  it("the SDK's back-office example: with an API key from the command line, the flow of examples/ tells the customer", () => {
    const out = outputOf("README.md", "order-shipped.ts");
    expect(out).toMatch(/^started run /m);
    expect(out).toContain("is on its way with InPost.");
  });

  it("leave every simulated customer with a name of their own", async () => {
    const s = servers.get("README.md")!;
    const r = await fetch(`${s.url}/simulator/users?limit=1000`, {
      headers: { authorization: `Bearer ${s.creds.access_token}` },
    });
    const names = ((await r.json()) as any).data.map((u: any) => u.name);
    expect(names.length).toBeGreaterThan(24);
    expect(names.filter((n: string, i: number) => names.indexOf(n) !== i)).toEqual([]);
  });

  it("docs/flows.md: its example is the shipped file, and the customer sees the questions, the buttons and the survey", () => {
    const md = read("docs/flows.md");
    const json = /```json\n([\s\S]*?)```/.exec(md)![1];
    expect(JSON.parse(json)).toEqual(JSON.parse(read("examples/order-status.flow.json")));
    const out = outputOf("docs/flows.md", "sim chat");
    expect(out).toContain("← Hi ");
    expect(out).toContain("[Where is it?] [Change delivery] [Talk to a person]");
    expect(out).toContain("← Order 860198 is being packed: we will write here as soon as it ships.");
    expect(out).toContain("← How did we do?");
    expect(out).toMatch(/Order status {2}\(1 active\)/);
    expect(out).not.toContain("[object Object]");
  });

  it("ship example flows that are valid documents", () => {
    const flows = readdirSync(join(REPO_ROOT, "examples")).filter((f) => f.endsWith(".flow.json"));
    expect(flows.length).toBeGreaterThanOrEqual(3);
    for (const f of flows) {
      const parsed = parseFlowDocument(JSON.parse(read(`examples/${f}`)));
      expect(parsed, f).toMatchObject({ ok: true, warnings: [] });
    }
  });
});
