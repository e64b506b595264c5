import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, stopServer, waitFor } from "@openwaba/server/testing";

// The checkout's openwaba bin (what `npx openwaba` and `npm run openwaba --` run), built by
// `npm run build` (npm install and npm test run it): `start` is npm start's built server, in plain
// node.
const ROOT = join(import.meta.dirname, "../../..");
const BIN = join(ROOT, "node_modules/.bin/openwaba");
const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), "openwaba-bin-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the openwaba bin of the checkout", () => {
  it("is npm start's program, compiled: no tsx", () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts;
    expect(scripts.start).toBe("node packages/server/dist/main.js");
    expect(existsSync(join(ROOT, "packages/server/dist/main.js")), "run npm run build").toBe(true);
    expect(existsSync(BIN), "run npm install").toBe(true);
  });

  it("start: a bad setting is the server's own one-line error", async () => {
    const r = await run(BIN, ["start"], {
      env: { ...process.env, PORT: "eighty", OPENWABA_DATA_DIR: dataDir },
      timeout: 30_000,
    }).catch((e) => e);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: PORT must be a port number, not "eighty"');
  });

  it("start: serves, answers the Graph API with the credentials it wrote, and stops on SIGTERM", async () => {
    const port = await freePort();
    const proc = spawn(BIN, ["start"], {
      env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), OPENWABA_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    proc.stdout.on("data", (d) => (out += d));
    proc.stderr.on("data", (d) => (out += d));
    try {
      const url = `http://127.0.0.1:${port}`;
      // Its banner comes once it is listening and handles SIGTERM.
      await waitFor(
        () => {
          if (proc.exitCode !== null) throw new Error(`openwaba start exited: ${out}`);
          return out.includes(`OpenWABA ${url}`);
        },
        30_000,
        "the server's banner",
      );
      expect((await fetch(`${url}/health`)).ok).toBe(true);
      const creds = JSON.parse(readFileSync(join(dataDir, "dev-credentials.json"), "utf8"));
      const r = await fetch(`${url}/${creds.graph_version}/${creds.waba_id}/phone_numbers`, {
        headers: { authorization: `Bearer ${creds.access_token}` },
      });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { data: unknown[] }).data.length).toBe(creds.phone_number_ids.length);
    } finally {
      expect(await stopServer(proc)).toBe(0);
    }
  });
});
