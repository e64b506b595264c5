import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DevCredentials } from "@openwaba/platform";
import { testDatabaseUrl } from "./test-database";
import type { Cleanup } from "./use-cleanup";
import { waitFor } from "./webhook-receiver";

export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

export const freePort = () =>
  new Promise<number>((res) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => res(p));
    });
  });

/**
 * The settings of a server run as its own process to be killed and restarted: a fresh data dir
 * and database (SQLite, or a PostgreSQL schema in the pg project) that `cleanup` removes, a fixed
 * free port (a restart comes back on it), production mode, and claims and webhook calls that give
 * up within seconds. `env` adds to them or replaces them.
 */
export async function serverProcessEnv(
  cleanup: Cleanup,
  o: { dataDirPrefix: string; env?: Record<string, string> },
): Promise<{ env: Record<string, string>; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), o.dataDirPrefix));
  cleanup(() => rmSync(dataDir, { recursive: true, force: true }));
  const db = await testDatabaseUrl();
  cleanup(() => db.drop());
  const env: Record<string, string> = {
    PORT: String(await freePort()),
    OPENWABA_DATA_DIR: dataDir,
    OPENWABA_SIM_LATENCY: "zero",
    NODE_ENV: "production",
    LOG_LEVEL: "error",
    OPENWABA_CLAIM_TIMEOUT_MS: "3000",
    OPENWABA_WEBHOOK_TIMEOUT_MS: "2000",
    ...o.env,
    ...(db.url ? { OPENWABA_DATABASE_URL: db.url } : {}),
  };
  return { env, dataDir };
}

/** The real server as its own process (as `npm start` runs it), for crash and benchmark runs. */
export async function spawnServer(
  env: Record<string, string>,
): Promise<{ proc: ChildProcess; url: string; output: () => string; creds: DevCredentials }> {
  const port = env.PORT ?? String(await freePort());
  const proc = spawn(process.execPath, ["--import", "tsx", "packages/server/src/main.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: "127.0.0.1", ...env, PORT: port },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (proc.exitCode !== null) throw new Error(`server exited: ${out.slice(-2000)}`);
        try {
          return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })).ok;
        } catch {
          return false;
        }
      },
      60_000,
      "server health",
    );
  } catch (err) {
    proc.kill("SIGKILL");
    throw new Error(`${(err as Error).message}\n--- server output ---\n${out.slice(-3000)}`);
  }
  const creds = JSON.parse(readFileSync(join(env.OPENWABA_DATA_DIR, "dev-credentials.json"), "utf8"));
  return { proc, url, output: () => out, creds };
}

/** Stops a spawned server: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopServer(proc: ChildProcess, graceMs = 10_000): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
  const exited = new Promise<number | null>((r) => proc.once("exit", (code) => r(code)));
  proc.kill("SIGTERM");
  const timer = setTimeout(() => proc.kill("SIGKILL"), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
