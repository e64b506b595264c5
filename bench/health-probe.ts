import { nowMs } from "./clock";
import { cpuSeconds } from "./proc-stats";

/**
 * GET /health with a deadline. When it does not answer, the server's CPU use over the wait tells
 * a hang (idle: something waits forever) from overload (busy).
 */
export async function probeHealth(
  url: string,
  pid: number,
  timeoutMs = 5000,
): Promise<{ ok: boolean; ms: number; detail: string }> {
  const t0 = nowMs(),
    cpu0 = cpuSeconds(pid);
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.text();
    return { ok: res.status === 200, ms: Math.round(nowMs() - t0), detail: `GET /health answered ${res.status}` };
  } catch (err) {
    const cpu1 = cpuSeconds(pid),
      wall = (nowMs() - t0) / 1000;
    const cpu = cpu0 == null || cpu1 == null ? "unknown" : `${Math.round(((cpu1 - cpu0) / wall) * 100)} %`;
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why =
      e.name === "TimeoutError"
        ? `no answer within ${timeoutMs} ms`
        : `${e.message}${e.cause ? ` (${e.cause.code ?? e.cause.message})` : ""}`;
    return {
      ok: false,
      ms: Math.round(nowMs() - t0),
      detail: `GET /health: ${why}; server CPU over that time: ${cpu}${cpu1 == null ? " (process gone)" : ""}`,
    };
  }
}
