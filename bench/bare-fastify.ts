// Child-process entry: the floor to compare against. A bare Fastify app (no logger, no auth, no
// database) that parses the same request body and answers POST /:version/:id/messages with the
// same JSON shape as OpenWABA's accepted send.
import { randomBytes } from "node:crypto";
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.post<{ Body: { to?: string } }>("/:version/:id/messages", async (req, reply) => {
  const to = String(req.body?.to ?? "");
  return reply.send({
    messaging_product: "whatsapp",
    contacts: [{ input: to, wa_id: to }],
    messages: [{ id: `wamid.${randomBytes(42).toString("base64")}` }],
  });
});
app.get("/health", async () => ({ status: "ok" }));
await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT) });
console.log("listening");
