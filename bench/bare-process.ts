import { spawnNode, untilReady, type NodeChild } from "./child";
import { sleep } from "./clock";
import { freePort } from "./free-port";

/** bench/bare-fastify.ts as a child process on a free port; resolves once /health answers. */
export async function startBareFastify(): Promise<{ child: NodeChild; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnNode("bare fastify", "bench/bare-fastify.ts", { NODE_ENV: "production", PORT: String(port) });
  await untilReady(
    child,
    (async () => {
      for (;;) {
        try {
          if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })).ok) return;
        } catch {
          /* not yet */
        }
        await sleep(50);
      }
    })(),
    30_000,
    "GET /health",
  );
  return { child, url };
}
