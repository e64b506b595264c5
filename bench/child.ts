import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { onCleanup } from "./cleanup";

export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface NodeChild {
  name: string;
  proc: ChildProcess;
  pid: number;
  /** The last lines the child wrote (stdout and stderr), for error messages. */
  tail(): string;
  /** Lines that look like warn/error log records (pino levels 40/50/60). */
  readonly logProblems: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** How the process ended, or null while it runs. */
  readonly exitStatus: { code: number | null; signal: NodeJS.Signals | null } | null;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Runs `node --import tsx <script>` from the repository root as a child of this process, with
 * exactly the environment given (plus PATH/HOME), so nothing leaks in from the caller's shell.
 */
export function spawnNode(
  name: string,
  script: string,
  env: Record<string, string>,
  opts: { ipc?: boolean; nodeArgs?: string[] } = {},
): NodeChild {
  const base: Record<string, string> = {};
  for (const k of ["PATH", "HOME", "TMPDIR", "LANG"]) if (process.env[k]) base[k] = process.env[k]!;
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", script], {
    cwd: REPO_ROOT,
    env: { ...base, ...env },
    stdio: opts.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
  });
  if (proc.pid == null) throw new Error(`could not start ${name}`);
  const lines: string[] = [];
  let problems = 0;
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      if (/"level":\s*(40|50|60)\b/.test(line)) problems++;
      lines.push(line);
      if (lines.length > 40) lines.shift();
    }
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  let exitStatus: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  void exited.then((e) => {
    gone = true;
    exitStatus = e;
  });

  async function stop(graceMs = 5000): Promise<void> {
    if (gone) return;
    proc.kill("SIGTERM");
    const t = setTimeout(() => {
      if (!gone) proc.kill("SIGKILL");
    }, graceMs);
    await exited;
    clearTimeout(t);
  }
  const forget = onCleanup(
    `stop ${name} (pid ${proc.pid})`,
    () => stop(),
    () => {
      if (!gone) proc.kill("SIGKILL");
    },
  );
  void exited.then(forget);

  return {
    name,
    proc,
    pid: proc.pid,
    exited,
    stop,
    tail: () => lines.join("\n"),
    get logProblems() {
      return problems;
    },
    get exitStatus() {
      return exitStatus;
    },
  };
}

/** Rejects if the child exits before `ready` settles, with what it last printed. */
export async function untilReady<T>(child: NodeChild, ready: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      ready,
      child.exited.then(({ code, signal }) => {
        throw new Error(`${child.name} exited (code ${code}, signal ${signal}) before ${what}:\n${child.tail()}`);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(new Error(`${child.name}: timed out after ${timeoutMs} ms waiting for ${what}:\n${child.tail()}`)),
          timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
