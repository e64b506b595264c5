import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// `npm start`'s mistakes a person can fix are one line each, with what to do, and exit 1.
const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), "openwaba-main-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const start = (env: Record<string, string>) =>
  run(process.execPath, ["--import", "tsx", "packages/server/src/main.ts"], {
    env: { ...process.env, OPENWABA_DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env },
    timeout: 30_000,
  }).then(
    () => ({ code: 0, stderr: "" }),
    (e) => ({ code: e.code as number, stderr: String(e.stderr) }),
  );

describe("npm start", () => {
  it("a port in use: says so and how to pick another, without a stack trace", async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", r));
    const port = (busy.address() as { port: number }).port;
    try {
      const r = await start({ PORT: String(port), HOST: "127.0.0.1" });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `error: port ${port} on 127.0.0.1 is taken (is OpenWABA already running?): stop it, or start on another port with PORT=${port + 1} npm start`,
      );
    } finally {
      busy.close();
    }
  });

  it("a bad setting: names it, without a stack trace", async () => {
    const r = await start({ PORT: "eighty" });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: PORT must be a port number, not "eighty"');
  });
});
