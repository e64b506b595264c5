// A business's webhook receiver in 30 lines with the SDK: checks each POST's signature, and
// answers every customer's text with an echo through the Cloud API.
//
//   npm start                                   # in one terminal (OpenWABA on :8080)
//   node --import tsx packages/sdk/examples/echo-bot.ts   # in another (listens on :3000)
//   then subscribe it: see the README's "Try it" (callback http://127.0.0.1:3000/webhook)
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { CloudApiClient, handshake, parseWebhook, verifySignature } from "@openwaba/sdk";

const creds = JSON.parse(readFileSync(process.env.OPENWABA_CREDENTIALS ?? "data/dev-credentials.json", "utf8"));
const api = new CloudApiClient({
  graph_url: process.env.OPENWABA_URL ?? "http://127.0.0.1:8080",
  graph_version: creds.graph_version,
  access_token: creds.access_token,
});

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.method === "GET") {
    const challenge = handshake(Object.fromEntries(url.searchParams), creds.verify_token);
    res.writeHead(challenge === null ? 403 : 200).end(challenge ?? "");
    return;
  }
  const chunks: Buffer[] = [];
  req
    .on("data", (c) => chunks.push(c))
    .on("end", async () => {
      const raw = Buffer.concat(chunks);
      if (!verifySignature(raw, req.headers["x-hub-signature-256"] as string, creds.app_secret)) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200).end();
      for (const m of parseWebhook(JSON.parse(raw.toString())).messages) {
        if (m.type === "text")
          await api
            .sendText(m.phoneNumberId, m.from, `You said: ${m.content.body}`, { replyTo: m.id })
            .catch((e) => console.error(e.message));
      }
    });
}).listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () =>
  console.log("echo bot listening on http://127.0.0.1:3000/webhook"),
);
