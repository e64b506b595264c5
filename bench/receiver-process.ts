import { spawnNode, untilReady, type NodeChild } from "./child";

export interface ReceiverDump {
  posts: number;
  statuses: number;
  badBodies: number;
  sent: Map<string, number>;
  delivered: Map<string, number>;
}

/** bench/receiver.ts as a child process, and a way to ask it what it has seen. */
export async function startReceiver(verifyToken: string) {
  const child: NodeChild = spawnNode(
    "webhook receiver",
    "bench/receiver.ts",
    { VERIFY_TOKEN: verifyToken },
    { ipc: true },
  );
  const ask = <T>(type: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: any) => {
        if (m?.type === type) {
          child.proc.off("message", onMessage);
          resolve(m as T);
        }
      };
      child.proc.on("message", onMessage);
      child.proc.send({ type }, (err) => {
        if (err) {
          child.proc.off("message", onMessage);
          reject(err);
        }
      });
    });
  const port = await untilReady(
    child,
    new Promise<number>((resolve) => {
      const onMessage = (m: any) => {
        if (m?.type === "listening") {
          child.proc.off("message", onMessage);
          resolve(m.port);
        }
      };
      child.proc.on("message", onMessage);
    }),
    30_000,
    "listening",
  );
  return {
    child,
    url: `http://127.0.0.1:${port}/webhook`,
    count: () => ask<{ delivered: number; posts: number; statuses: number }>("count"),
    /** For each recipient, when each of their messages was first reported sent. */
    async sentTo(): Promise<Map<string, number[]>> {
      return new Map((await ask<{ sentTo: [string, number[]][] }>("sent-to")).sentTo);
    },
    async dump(): Promise<ReceiverDump> {
      const d = await ask<{
        posts: number;
        statuses: number;
        badBodies: number;
        sent: [string, number][];
        delivered: [string, number][];
      }>("dump");
      return {
        posts: d.posts,
        statuses: d.statuses,
        badBodies: d.badBodies,
        sent: new Map(d.sent),
        delivered: new Map(d.delivered),
      };
    },
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
