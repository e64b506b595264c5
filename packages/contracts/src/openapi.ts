import { z } from "zod";
import { markReadRequest, TYPE_OBJECTS } from "./messages/send-request";

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const errorEnvelope = {
  type: "object",
  properties: {
    error: {
      type: "object",
      required: ["message", "type", "code"],
      properties: {
        message: { type: "string", example: "(#131008) Required parameter is missing" },
        type: { type: "string" },
        code: { type: "integer" },
        error_subcode: { type: "integer" },
        fbtrace_id: { type: "string" },
        error_data: {
          type: "object",
          properties: { messaging_product: { const: "whatsapp" }, details: { type: "string" } },
        },
      },
    },
  },
};

/** The send body for one message type: the common envelope plus that type's object. */
function sendSchema(type: string, object: z.ZodType) {
  return {
    type: "object",
    required: ["messaging_product", "to", type],
    properties: {
      messaging_product: { const: "whatsapp" },
      recipient_type: { enum: ["individual"] },
      to: { type: "string" },
      type: { const: type },
      context: { type: "object", properties: { message_id: { type: "string" } } },
      biz_opaque_callback_data: { type: "string", maxLength: 512 },
      [type]: json(object),
    },
  };
}

const ok = (schema: object, description = "OK") => ({ description, content: { "application/json": { schema } } });
const errors = { "4XX": ok(errorEnvelope, "Graph error envelope"), "5XX": ok(errorEnvelope, "Graph error envelope") };
const idParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
const version = {
  name: "version",
  in: "path",
  required: true,
  schema: { type: "string", pattern: "^v\\d+\\.\\d$" },
  example: "v23.0",
};

/** The OpenAPI document of the Graph surface and the simulator, generated from the contract schemas. */
export function openApiDocument() {
  const sends = Object.entries(TYPE_OBJECTS).map(([t, s]) => sendSchema(t, s as z.ZodType));
  return {
    openapi: "3.1.0",
    info: {
      title: "OpenWABA",
      version: "0.1.0",
      description: "Meta's WhatsApp Cloud API surface, served locally, plus the simulator's control API.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { GraphError: errorEnvelope },
    },
    security: [{ bearer: [] }],
    paths: {
      "/{version}/{phone_number_id}/messages": {
        post: {
          summary: "Send a message, or mark one as read",
          parameters: [version, idParam("phone_number_id")],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { oneOf: [...sends, json(markReadRequest)] } } },
          },
          responses: {
            200: ok({
              type: "object",
              properties: {
                messaging_product: { const: "whatsapp" },
                contacts: { type: "array" },
                messages: { type: "array" },
              },
            }),
            ...errors,
          },
        },
      },
      "/{version}/{phone_number_id}/media": {
        post: {
          summary: "Upload media (multipart: messaging_product, type, file)",
          parameters: [version, idParam("phone_number_id")],
          requestBody: {
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["messaging_product", "file"],
                  properties: {
                    messaging_product: { const: "whatsapp" },
                    type: { type: "string" },
                    file: { type: "string", format: "binary" },
                  },
                },
              },
            },
          },
          responses: { 200: ok({ type: "object", properties: { id: { type: "string" } } }), ...errors },
        },
      },
      "/{version}/{id}": {
        get: {
          summary: "Read a phone number (?fields=), media object or WABA",
          parameters: [version, idParam("id")],
          responses: { 200: ok({ type: "object" }), ...errors },
        },
        delete: {
          summary: "Delete media",
          parameters: [version, idParam("id")],
          responses: { 200: ok({ type: "object", properties: { success: { type: "boolean" } } }), ...errors },
        },
      },
      "/{version}/{waba_id}/phone_numbers": {
        get: {
          summary: "List the WABA's phone numbers",
          parameters: [version, idParam("waba_id")],
          responses: { 200: ok({ type: "object" }), ...errors },
        },
      },
      "/{version}/{phone_number_id}/whatsapp_business_profile": {
        get: {
          summary: "Read the business profile",
          parameters: [version, idParam("phone_number_id")],
          responses: { 200: ok({ type: "object" }), ...errors },
        },
        post: {
          summary: "Update the business profile",
          parameters: [version, idParam("phone_number_id")],
          responses: { 200: ok({ type: "object" }), ...errors },
        },
      },
      "/{version}/{app_id}/subscriptions": {
        post: {
          summary: "Set the app's webhook (verified by a GET handshake)",
          parameters: [version, idParam("app_id")],
          responses: { 200: ok({ type: "object" }), ...errors },
        },
        get: {
          summary: "Read the app's webhook subscription",
          parameters: [version, idParam("app_id")],
          responses: { 200: ok({ type: "object" }), ...errors },
        },
        delete: {
          summary: "Remove the app's webhook",
          parameters: [version, idParam("app_id")],
          responses: { 200: ok({ type: "object" }), ...errors },
        },
      },
      "/{version}/{waba_id}/subscribed_apps": {
        post: {
          summary: "Subscribe the app to the WABA (optional override_callback_uri + verify_token)",
          parameters: [version, idParam("waba_id")],
          responses: { 200: ok({ type: "object" }), ...errors },
        },
        get: {
          summary: "List subscribed apps",
          parameters: [version, idParam("waba_id")],
          responses: { 200: ok({ type: "object" }), ...errors },
        },
        delete: {
          summary: "Unsubscribe the app",
          parameters: [version, idParam("waba_id")],
          responses: { 200: ok({ type: "object" }), ...errors },
        },
      },
      "/openwaba/webhooks/dead-letters": {
        get: {
          summary: "Webhook events given up on (OpenWABA extension)",
          responses: { 200: ok({ type: "object" }), ...errors },
        },
      },
      "/openwaba/webhooks/dead-letters/redrive": {
        post: {
          summary: "Deliver dead letters again (OpenWABA extension)",
          responses: { 200: ok({ type: "object" }), ...errors },
        },
      },
      "/simulator/users": {
        post: { summary: "Create a simulated WhatsApp user", responses: { 201: ok({ type: "object" }), ...errors } },
        get: { summary: "List simulated users", responses: { 200: ok({ type: "object" }) } },
      },
      "/simulator/users/{wa_id}": {
        get: {
          summary: "A simulated user's state",
          parameters: [idParam("wa_id")],
          responses: { 200: ok({ type: "object" }), ...errors },
        },
      },
      "/simulator/users/{wa_id}/messages": {
        post: {
          summary: "The user sends a message to a business number",
          parameters: [idParam("wa_id")],
          responses: { 201: ok({ type: "object" }), ...errors },
        },
      },
      "/simulator/users/{wa_id}/chats/{phone_number_id}": {
        get: {
          summary: "What the user's phone shows, with ticks",
          parameters: [idParam("wa_id"), idParam("phone_number_id")],
          responses: { 200: ok({ type: "object" }), ...errors },
        },
      },
      "/simulator/users/{wa_id}/device": {
        post: {
          summary: "Bring the device online or offline",
          parameters: [idParam("wa_id")],
          responses: { 200: ok({ type: "object" }), ...errors },
        },
      },
      "/simulator/clock/advance": {
        post: { summary: "Travel forward in time by ms", responses: { 200: ok({ type: "object" }), ...errors } },
      },
      "/health": {
        get: {
          summary: "Liveness and database reachability",
          security: [],
          responses: { 200: ok({ type: "object" }) },
        },
      },
      "/metrics": {
        get: { summary: "Prometheus metrics", security: [], responses: { 200: { description: "text/plain" } } },
      },
    },
  };
}
