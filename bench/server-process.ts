import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnNode, untilReady, type NodeChild } from "./child";
import { onCleanup } from "./cleanup";
import { sleep } from "./clock";
import { freePort } from "./free-port";

export interface Credentials {
  access_token: string;
  app_id: string;
  app_secret: string;
  verify_token: string;
  waba_id: string;
  phone_number_ids: string[];
  graph_version: string;
  console_email?: string;
  console_password?: string;
}

export interface OpenWabaProcess {
  child: NodeChild;
  url: string;
  dataDir: string;
  credentials: Credentials;
  startupMs: number;
}

/** The SQLite file of a server's data dir. */
export const databaseFile = (dataDir: string) => join(dataDir, "openwaba.sqlite");

/** A fresh temp dir, removed when the bench ends however it ends. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "openwaba-bench-"));
  onCleanup(
    `remove ${dir}`,
    () => rmSync(dir, { recursive: true, force: true }),
    () => rmSync(dir, { recursive: true, force: true }),
  );
  return dir;
}

/**
 * `npm start`'s entry point as a child process in production mode: SQLite in `dataDir` (a fresh
 * temp dir unless given), zero simulated network latency, warn-level logs, a free port on
 * 127.0.0.1, the send path's rules on unless `rules: "off"`. Resolves once dev-credentials.json
 * exists and /health answers 200.
 */
export async function startOpenWaba(
  o: {
    rules?: "on" | "off";
    dataDir?: string;
    suite?: boolean;
    databaseUrl?: string;
    name?: string;
    env?: Record<string, string>;
    nodeArgs?: string[];
  } = {},
): Promise<OpenWabaProcess> {
  const dataDir = o.dataDir ?? tempDataDir();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const rules = o.rules ?? "on";
  const child = spawnNode(
    o.name ?? (rules === "on" ? "openwaba server" : "openwaba server (rules off)"),
    "packages/server/src/main.ts",
    {
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      OPENWABA_SIM_LATENCY: "zero",
      // One number carries the whole load: its throughput is raised as Meta does for large senders.
      OPENWABA_THROUGHPUT_MPS: "1000000",
      OPENWABA_RULES: rules,
      // The platform alone for the send path; the inbox bench turns the suite on.
      OPENWABA_SUITE: o.suite ? "on" : "off",
      OPENWABA_DATA_DIR: dataDir,
      OPENWABA_DATABASE_URL: o.databaseUrl ?? databaseFile(dataDir),
      HOST: "127.0.0.1",
      PORT: String(port),
      ...o.env,
    },
    { nodeArgs: o.nodeArgs },
  );

  const credentials = await untilReady(
    child,
    (async () => {
      for (;;) {
        try {
          const creds = JSON.parse(readFileSync(join(dataDir, "dev-credentials.json"), "utf8")) as Credentials;
          const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
          if (health.status === 200) return creds;
        } catch {
          /* not yet */
        }
        await sleep(100);
      }
    })(),
    60_000,
    "dev-credentials.json and GET /health 200",
  );
  return { child, url, dataDir, credentials, startupMs: Date.now() - started };
}
