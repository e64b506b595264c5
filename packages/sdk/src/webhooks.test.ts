import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { handshake, parseWebhook, verifySignature } from "./webhooks";

describe("webhook helpers", () => {
  const body = '{"object":"whatsapp_business_account","entry":[]}';
  const sig = `sha256=${createHmac("sha256", "s3cret").update(body).digest("hex")}`;
  it("accepts the signature of the exact bytes and refuses anything else", () => {
    expect(verifySignature(body, sig, "s3cret")).toBe(true);
    expect(verifySignature(body + " ", sig, "s3cret")).toBe(false);
    expect(verifySignature(body, sig, "other")).toBe(false);
    expect(verifySignature(body, undefined, "s3cret")).toBe(false);
  });
  it("answers the handshake only with the right token", () => {
    expect(handshake({ "hub.mode": "subscribe", "hub.verify_token": "t", "hub.challenge": "42" }, "t")).toBe("42");
    expect(handshake({ "hub.mode": "subscribe", "hub.verify_token": "x", "hub.challenge": "42" }, "t")).toBeNull();
  });
  it("flattens a delivery into messages, statuses and other changes", () => {
    const parsed = parseWebhook({
      entry: [
        {
          id: "W",
          changes: [
            {
              field: "messages",
              value: {
                metadata: { phone_number_id: "P" },
                contacts: [{ wa_id: "48600", profile: { name: "Ola" } }],
                messages: [
                  { from: "48600", id: "wamid.1", timestamp: "1700000000", type: "text", text: { body: "hi" } },
                ],
              },
            },
            {
              field: "messages",
              value: {
                metadata: { phone_number_id: "P" },
                statuses: [{ id: "wamid.2", status: "read", recipient_id: "48600", timestamp: "1700000001" }],
              },
            },
            { field: "message_template_status_update", value: { event: "APPROVED" } },
          ],
        },
      ],
    });
    expect(parsed.messages).toEqual([
      {
        phoneNumberId: "P",
        wabaId: "W",
        from: "48600",
        name: "Ola",
        id: "wamid.1",
        timestamp: 1700000000,
        type: "text",
        content: { body: "hi" },
      },
    ]);
    expect(parsed.statuses).toEqual([
      { phoneNumberId: "P", wabaId: "W", id: "wamid.2", status: "read", recipient: "48600", timestamp: 1700000001 },
    ]);
    expect(parsed.others).toEqual([
      { wabaId: "W", field: "message_template_status_update", value: { event: "APPROVED" } },
    ]);
  });
});
