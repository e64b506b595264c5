import { setMaxListeners } from "node:events";
import { Agent, request } from "node:http";
import { nowMs, sleep } from "./clock";
import { nextUser, type SendLoad } from "./send-throughput";

export interface SentRecord {
  i: number;
  scheduledMs: number;
  startMs: number;
  endMs: number;
  status: number;
  wamid: string | null;
}

export interface PacedRun {
  records: SentRecord[];
  wallMs: number;
  abandoned: number;
  connectionsOpened: number;
}

/**
 * Offers POST /messages at a fixed rate over a pool of keep-alive connections: request i is due at
 * t0 + i/rate and is started as soon as the loop sees it due, whatever is still in flight (open
 * loop: a slow server does not slow the offered rate down). When every connection is busy the
 * request waits in the client; its latency still counts from its start.
 */
export function createPacer(load: SendLoad, o: { connections: number }) {
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections, maxFreeSockets: o.connections });
  const u = new URL(load.url);
  const path = `/${load.version}/${load.phoneNumberId}/messages`;

  /** Opens every connection of the pool up front, so the measured run does not pay for connecting. */
  async function connect(): Promise<void> {
    await Promise.all(
      Array.from(
        { length: o.connections },
        () =>
          new Promise<void>((resolve, reject) => {
            const req = request({ host: u.hostname, port: u.port, path: "/health", agent }, (res) => {
              res.resume();
              res.on("end", () => resolve());
            });
            req.on("error", reject);
            req.end();
          }),
      ),
    );
  }

  async function run(r: {
    ratePerS: number;
    durationS: number;
    firstIndex?: number;
    graceMs?: number;
  }): Promise<PacedRun> {
    const abort = new AbortController();
    setMaxListeners(0, abort.signal); // one listener per request in flight, by design
    const total = Math.round(r.ratePerS * r.durationS);
    const records: SentRecord[] = [];
    const inFlight: Promise<void>[] = [];
    const first = r.firstIndex ?? 0;
    let connectionsOpened = 0;

    const fire = (i: number, scheduledMs: number) =>
      new Promise<void>((resolve) => {
        const to = nextUser(load);
        const body = JSON.stringify({
          messaging_product: "whatsapp",
          recipient_type: "individual",
          to,
          type: "text",
          text: { body: `paced ${first + i}` },
        });
        const rec: SentRecord = { i, scheduledMs, startMs: nowMs(), endMs: 0, status: 0, wamid: null };
        records.push(rec);
        const req = request(
          {
            host: u.hostname,
            port: u.port,
            path,
            method: "POST",
            agent,
            signal: abort.signal,
            headers: {
              authorization: `Bearer ${load.token}`,
              "content-type": "application/json",
              "content-length": Buffer.byteLength(body),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => {
              rec.endMs = nowMs();
              rec.status = res.statusCode ?? 0;
              if (rec.status === 200) {
                try {
                  rec.wamid = JSON.parse(Buffer.concat(chunks).toString("utf8")).messages?.[0]?.id ?? null;
                } catch {
                  /* counted as no wamid */
                }
              }
              resolve();
            });
            res.on("error", () => {
              rec.endMs = nowMs();
              resolve();
            });
          },
        );
        req.on("socket", (socket) => {
          if (socket.connecting) connectionsOpened++;
        });
        req.on("error", () => {
          rec.endMs = nowMs();
          resolve();
        });
        req.end(body);
      });

    const t0 = nowMs();
    const interval = 1000 / r.ratePerS;
    let next = 0;
    while (next < total) {
      const due = Math.min(total, Math.floor((nowMs() - t0) / interval) + 1);
      while (next < due) {
        inFlight.push(fire(next, t0 + next * interval));
        next++;
      }
      await sleep(1);
    }
    // Whatever has not answered `graceMs` after the last request started is abandoned (status 0),
    // so a stalled server cannot stall the bench.
    let timer: NodeJS.Timeout | undefined;
    const settled = await Promise.race([
      Promise.all(inFlight).then(() => true),
      new Promise<boolean>((res) => {
        timer = setTimeout(() => res(false), r.graceMs ?? 10_000);
      }),
    ]);
    clearTimeout(timer);
    const abandoned = settled ? 0 : records.filter((x) => x.endMs === 0).length;
    if (!settled) {
      abort.abort();
      await Promise.all(inFlight);
    }
    return { records, wallMs: nowMs() - t0, abandoned, connectionsOpened };
  }

  return { connect, run, close: () => agent.destroy() };
}

export type Pacer = ReturnType<typeof createPacer>;
