import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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

/** The real server as its own process (as `npm start` runs it), for crash and benchmark runs. */
export async function spawnServer(
  env: Record<string, string>,
): Promise<{ proc: ChildProcess; url: string; output: () => string; creds: any }> {
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
