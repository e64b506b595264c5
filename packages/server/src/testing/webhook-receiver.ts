import { createServer, type Server } from "node:http";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";

export interface Delivery {
  raw: Buffer;
  json: any;
  signatureOk: boolean;
  ascii: boolean;
  headers: Record<string, unknown>;
}

/**
 * A business's webhook endpoint on 127.0.0.1 for tests: answers the verification handshake,
 * records every POST with whether its signature checks out, and can be told to fail.
 */
export async function startWebhookReceiver(o: { verifyToken: string; appSecret: string; port?: number }) {
  const deliveries: Delivery[] = [];
  let answer = 200;
  let delayMs = 0;
  let handshakes = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "GET") {
      handshakes++;
      const ok =
        url.searchParams.get("hub.mode") === "subscribe" && url.searchParams.get("hub.verify_token") === o.verifyToken;
      res.writeHead(ok ? 200 : 403).end(ok ? url.searchParams.get("hub.challenge") : "bad token");
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () =>
      setTimeout(() => {
        if (answer !== 200) {
          res.writeHead(answer).end();
          return;
        }
        const raw = Buffer.concat(chunks);
        const sig = String(req.headers["x-hub-signature-256"] ?? "").replace(/^sha256=/, "");
        const want = createHmac("sha256", o.appSecret).update(raw).digest();
        const got = Buffer.from(sig, "hex");
        let json: any = null;
        try {
          json = JSON.parse(raw.toString("utf8"));
        } catch {
          /* recorded as null */
        }
        deliveries.push({
          raw,
          json,
          signatureOk: got.length === want.length && timingSafeEqual(got, want),
          // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is what is checked
          ascii: !/[^\x00-\x7e]/.test(raw.toString("latin1")),
          headers: req.headers,
        });
        res.writeHead(200).end();
      }, delayMs),
    );
  });
  await new Promise<void>((r) => server.listen(o.port ?? 0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;

  const values = () =>
    deliveries.flatMap((d) => (d.json?.entry ?? []).flatMap((e: any) => e.changes.map((c: any) => c.value)));
  return {
    url,
    deliveries,
    get handshakes() {
      return handshakes;
    },
    /** Makes every POST answer with this status (200 to recover). */
    failWith(status: number) {
      answer = status;
    },
    /** Makes every POST wait this long before its answer (0 to answer at once). */
    answerAfter(ms: number) {
      delayMs = ms;
    },
    messages: (): any[] => values().flatMap((v) => v.messages ?? []),
    statuses: (): any[] => values().flatMap((v) => v.statuses ?? []),
    values,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** What a truthy value can be: `waitFor(() => r.status === 200 && r.body)` answers the body. */
export type Truthy<T> = Exclude<T, false | 0 | 0n | "" | null | undefined>;

export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 10_000, what = "condition"): Promise<Truthy<T>> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v as Truthy<T>;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
