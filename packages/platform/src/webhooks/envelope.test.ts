import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildEnvelope } from "./envelope";
import type { WebhookEvent } from "./events";

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../../../shared/fixtures/webhooks/${name}`, import.meta.url), "utf8"));

/** The shape of a JSON value: keys and types, not the values. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, shape((v as any)[k])]),
    );
  return typeof v;
}

const meta = { display_phone_number: "15550783881", phone_number_id: "106540352242922" };
const inbound: WebhookEvent = {
  wabaId: "102290129340398",
  field: "messages",
  group: "106540352242922|messages",
  value: {
    messaging_product: "whatsapp",
    metadata: meta,
    contacts: [{ profile: { name: "Sheena Nelson" }, wa_id: "16505551234" }],
    messages: [{ from: "16505551234", id: "wamid.A", timestamp: "1749416383", type: "text", text: { body: "Hi" } }],
  },
};

describe("webhook envelope", () => {
  it("has the structure of Meta's sample text message", () => {
    expect(shape(buildEnvelope("102290129340398", [inbound]))).toEqual(shape(fixture("text-message.json")));
  });
  it("merges parts of one number and kind, keeping their order and each contact once", () => {
    const second = structuredClone(inbound);
    (second.value.messages as any)[0].id = "wamid.B";
    const env = buildEnvelope("w", [inbound, second]);
    expect(env.entry[0].changes).toHaveLength(1);
    expect(env.entry[0].changes[0].value.messages.map((m: any) => m.id)).toEqual(["wamid.A", "wamid.B"]);
    expect(env.entry[0].changes[0].value.contacts).toHaveLength(1);
  });
  it("keeps statuses and messages in separate changes", () => {
    const status: WebhookEvent = {
      ...inbound,
      group: "106540352242922|statuses",
      value: { messaging_product: "whatsapp", metadata: meta, statuses: [{ id: "wamid.C", status: "sent" }] },
    };
    const env = buildEnvelope("w", [inbound, status]);
    expect(env.entry[0].changes.map((c) => Object.keys(c.value).at(-1))).toEqual(["messages", "statuses"]);
  });
});

describe("WABA-level webhook envelope", () => {
  it("has the structure of Meta's template status sample, with entry.time", () => {
    const event: WebhookEvent = {
      wabaId: "102290129340398",
      field: "message_template_status_update",
      group: "message_template_status_update",
      time: 1751247548,
      value: {
        event: "APPROVED",
        message_template_id: 1689556908129832,
        message_template_name: "order_confirmation",
        message_template_language: "en-US",
        reason: "NONE",
        message_template_category: "UTILITY",
      },
    };
    const env = buildEnvelope("102290129340398", [event]);
    expect(shape(env)).toEqual(shape(fixture("template-approved.json")));
    expect(env.entry[0].time).toBe(1751247548);
  });
});
