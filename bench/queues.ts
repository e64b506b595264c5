import { nowMs, sleep } from "./clock";

/** Ready jobs per queue, from OpenWABA's /metrics (openwaba_outbox_depth{queue,status="ready"}). */
export async function readyJobs(baseUrl: string): Promise<Record<string, number>> {
  const res = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5000) }).catch((err) => {
    throw new Error(
      `GET /metrics did not answer within 5 s (${(err as Error).message}): the server is hung or overloaded`,
    );
  });
  const text = await res.text();
  const depth: Record<string, number> = {};
  for (const m of text.matchAll(/^openwaba_outbox_depth\{([^}]*)\}\s+(\S+)$/gm)) {
    const labels = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (labels.status === "ready") depth[labels.queue] = (depth[labels.queue] ?? 0) + Number(m[2]);
  }
  return depth;
}

const total = (d: Record<string, number>) => Object.values(d).reduce((a, b) => a + b, 0);

/**
 * Waits until no queue has ready jobs (the work the sends caused is done), up to `timeoutMs`.
 * Reports the backlog it started from and how long draining took.
 */
export async function waitForDrain(baseUrl: string, timeoutMs: number) {
  const start = nowMs();
  const backlog = await readyJobs(baseUrl);
  let now = backlog;
  while (total(now) > 0 && nowMs() - start < timeoutMs) {
    await sleep(250);
    now = await readyJobs(baseUrl);
  }
  return { backlog, left: now, drained: total(now) === 0, ms: Math.round(nowMs() - start) };
}
