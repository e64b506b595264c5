import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, waitFor, type TestServer } from "@openwaba/server/testing";

// The openwaba command against a real server: it reads dev-credentials.json, talks HTTP through
// the SDK, prints results plainly and errors clearly.
const run = promisify(execFile);
let s: TestServer;
const cli = async (...args: string[]) => {
  try {
    const r = await run(process.execPath, ["--import", "tsx", "packages/cli/src/main.ts", "--url", s.url, "--credentials", join(s.dataDir, "dev-credentials.json"), ...args], { timeout: 30_000 });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e: any) { return { code: e.code as number, out: e.stdout as string, err: e.stderr as string }; }
};

beforeAll(async () => { s = await startTestServer(); }, 60_000);
afterAll(() => s.stop());

describe("the openwaba command", () => {
  it("writes as a simulated customer, answers, and shows the phone", async () => {
    expect((await cli("sim", "say", "48600999000", "hello", "there")).out).toMatch(/^wamid\./);
    const sent = await cli("send", "48600999000", "Hi!", "How", "can", "we", "help?");
    expect(sent).toMatchObject({ code: 0, out: expect.stringMatching(/^wamid\./) });
    await waitFor(async () => (await cli("sim", "chat", "48600999000")).out.includes("← Hi! How can we help?") || undefined, 10_000, "chat");
  });

  it("imports contacts from a CSV with a report naming bad lines (exit code 2)", async () => {
    const file = join(s.dataDir, "contacts.csv");
    writeFileSync(file, "phone,name,tags\n600 100 200,Ola,vip\nnope,Bad,\n");
    const r = await cli("contacts", "import", file, "--default-country", "PL");
    expect(r.code).toBe(2);
    expect(r.out).toContain("2 rows: 1 contacts (0 duplicates merged), 1 rows with errors; 1 created, 0 updated");
    expect(r.out).toContain("line 3:");
  });

  it("explains errors plainly: the Cloud API's refusal, a missing credentials file", async () => {
    const bad = await cli("send", "not-a-number", "x");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^error: .*\(code 100\)/);
    const r = await run(process.execPath, ["--import", "tsx", "packages/cli/src/main.ts", "--credentials", "/nonexistent.json", "templates"]).catch((e) => e);
    expect(r.stderr).toMatch(/error: no credentials: \/nonexistent.json does not exist/);
  });
});
