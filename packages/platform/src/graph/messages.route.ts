import type { FastifyInstance } from "fastify";
import { parseMessagesRequest } from "@openwaba/contracts";
import { markRead } from "../commands/mark-read";
import { sendMessage } from "../commands/send-message";
import type { Platform } from "../platform";
import { authenticate, ownPhoneNumber, type GraphParams } from "./graph-request";

/** POST /{phone-number-id}/messages: send any message type, or mark as read (§2). */
export function registerMessagesRoute(app: FastifyInstance, platform: Platform): void {
  app.post<{ Params: GraphParams }>("/:version/:id/messages", async (req, reply) => {
    const principal = await authenticate(platform, req);
    const phone = await ownPhoneNumber(platform, principal, req.params.id, "POST");
    const parsed = parseMessagesRequest(req.body);
    if (parsed.kind === "read") {
      await markRead(platform, phone, parsed);
      return reply.send({ success: true });
    }
    const sent = await sendMessage(platform, phone, parsed, { senderAppId: principal.appId });
    return reply.send({
      messaging_product: "whatsapp",
      contacts: [{ input: sent.input, wa_id: sent.waId }],
      messages: [{ id: sent.wamid }],
    });
  });
}
