// Child-process entry: the business's webhook endpoint. Answers the verification handshake and
// records, for every message id, when its first `sent` and first `delivered` status arrived
// (monotonic clock, see clock.ts). The parent asks for the records over IPC.
import { createServer } from "node:http";
import { nowMs } from "./clock";

const verifyToken = process.env.VERIFY_TOKEN ?? "";
const firstSent = new Map<string, number>();
const firstDelivered = new Map<string, number>();
/** When each recipient's messages were first reported sent (the flow bench: when did the bot answer?). */
const sentTo = new Map<string, number[]>();
let posts = 0,
  statuses = 0,
  badBodies = 0;

const server = createServer((req, res) => {
  if (req.method === "GET") {
    const url = new URL(req.url ?? "/", "http://x");
    const ok =
      url.searchParams.get("hub.mode") === "subscribe" && url.searchParams.get("hub.verify_token") === verifyToken;
    res.writeHead(ok ? 200 : 403).end(ok ? url.searchParams.get("hub.challenge") : "bad token");
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    // The arrival time: the whole body is in; taken before parsing.
    const at = nowMs();
    posts++;
    res.writeHead(200).end();
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      for (const entry of body.entry ?? [])
        for (const change of entry.changes ?? [])
          for (const s of change.value?.statuses ?? []) {
            statuses++;
            const seen = s.status === "sent" ? firstSent : s.status === "delivered" ? firstDelivered : null;
            if (seen && !seen.has(s.id)) {
              seen.set(s.id, at);
              if (s.status === "sent") {
                const list = sentTo.get(s.recipient_id) ?? [];
                list.push(at);
                sentTo.set(s.recipient_id, list);
              }
            }
          }
    } catch {
      badBodies++;
    }
  });
});

server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.send!({ type: "listening", port: (server.address() as { port: number }).port });
});

process.on("message", (m: { type: string }) => {
  if (m.type === "count") process.send!({ type: "count", delivered: firstDelivered.size, posts, statuses });
  if (m.type === "sent-to") process.send!({ type: "sent-to", sentTo: [...sentTo] });
  if (m.type === "dump") {
    process.send!({ type: "dump", posts, statuses, badBodies, sent: [...firstSent], delivered: [...firstDelivered] });
  }
});
process.on("disconnect", () => process.exit(0));
