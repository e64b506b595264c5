import { GRAPH_TOKEN, graphErrors } from "./components";
import {
  anyJson,
  arr,
  bool,
  group,
  int,
  jsonBody,
  num,
  obj,
  ok,
  oneOfValues,
  query,
  str,
  time,
  type JsonSchema,
  type RouteDocs,
} from "./shapes";

// The simulator's control API (packages/simulator/src/routes.ts): virtual phones the tests, the CLI
// and the console drive, with the Graph token and Meta's error envelope.

/** A simulated user as the simulator presents one. */
export const simUser = obj({
  wa_id: str(),
  name: str(),
  country: str(),
  on_whatsapp: bool,
  online: bool,
  delivery_ms: int(),
  read_ms: int(),
  read_probability: num,
  pending_messages: int("Messages waiting for the device to come online"),
  created_at: time,
});

const ms: JsonSchema = { type: "integer", minimum: 0, maximum: 86_400_000 };
/** What POST /simulator/users takes. */
export const newSimUser = obj({
  wa_id: { type: "string", pattern: "^\\d{6,15}$" },
  "name?": { type: "string", maxLength: 128 },
  "online?": bool,
  "on_whatsapp?": bool,
  "delivery_ms?": ms,
  "read_ms?": ms,
  "read_probability?": { type: "number", minimum: 0, maximum: 1 },
});

/** What a simulated user sends to a business number (POST /simulator/users/{wa_id}/messages). */
export const userMessage: JsonSchema = {
  ...obj({
    to: str("A phone number id of the caller's WABA"),
    type: oneOfValues(
      "text",
      "image",
      "video",
      "audio",
      "document",
      "sticker",
      "location",
      "contacts",
      "reaction",
      "interactive",
      "button",
    ),
    "context?": obj({ message_id: str() }),
    "referral?": obj({ source_type: oneOfValues("ad", "post") }, "A Click-to-WhatsApp ad or post"),
  }),
  additionalProperties: anyJson(
    "The object named by type, as Meta's inbound webhook has it; media carry base64 data or a link",
  ),
};
export const sentByUser = obj({ messages: arr(obj({ id: str("The inbound wamid") })) });

/** What the user's phone shows of its chat with a business number. */
export const chatView = obj({
  wa_id: str(),
  business: obj({ phone_number_id: str(), display_phone_number: str(), verified_name: str(), country: str() }),
  typing: bool,
  messages: arr(
    obj({
      id: str(),
      direction: oneOfValues("sent", "received"),
      type: str(),
      content: anyJson("The message as the phone shows it"),
      timestamp: time,
      ticks: str("For what the user sent, how far it got; for what it received, whether it was read"),
    }),
  ),
});

const users = group("Simulator users", GRAPH_TOKEN, {
  "POST /simulator/users": {
    summary: "Create a simulated WhatsApp user",
    requestBody: jsonBody(newSimUser),
    responses: { 201: ok(simUser, "Created"), ...graphErrors },
  },
  "GET /simulator/users": {
    summary: "List simulated users",
    parameters: [query("limit", int(), "At most 1000 (default 100)")],
    responses: { 200: ok(obj({ data: arr(simUser) })), ...graphErrors },
  },
  "GET /simulator/users/{wa_id}": {
    summary: "A simulated user's state",
    responses: { 200: ok(simUser), ...graphErrors },
  },
  "POST /simulator/users/{wa_id}/device": {
    summary: "Bring the device online or offline",
    requestBody: jsonBody(obj({ online: bool })),
    responses: {
      200: ok(obj({ wa_id: str(), online: bool, delivering: int("Messages delivered on coming online") })),
      ...graphErrors,
    },
  },
  "POST /simulator/users/{wa_id}/block": {
    summary: "The user blocks a business number, optionally reporting it",
    requestBody: jsonBody(
      obj({
        phone_number_id: str(),
        "report?": bool,
        "reason?": oneOfValues("spam", "no_longer_needed", "didnt_sign_up", "offensive", "other"),
      }),
    ),
    responses: { 200: ok(obj({ wa_id: str(), blocked: str(), reported: bool })), ...graphErrors },
  },
  "DELETE /simulator/users/{wa_id}/block": {
    summary: "The user unblocks a business number",
    parameters: [query("phone_number_id", str())],
    responses: { 200: ok(obj({ wa_id: str(), unblocked: bool })), ...graphErrors },
  },
});

const chats = group("Simulator chats", GRAPH_TOKEN, {
  "POST /simulator/users/{wa_id}/messages": {
    summary: "The user sends a message to a business number",
    requestBody: jsonBody(userMessage),
    responses: { 201: ok(sentByUser, "Sent"), ...graphErrors },
  },
  "POST /simulator/users/{wa_id}/scan": {
    summary: "The user scans a QR code (or opens its short link) and sends the prefilled message",
    requestBody: jsonBody(obj({ "code?": str(), "link?": str("https://wa.me/message/CODE") }, "code or link")),
    responses: {
      201: ok(
        { ...sentByUser, properties: { ...(sentByUser.properties as object), prefilled_message: str() } },
        "Sent",
      ),
      ...graphErrors,
    },
  },
  "GET /simulator/users/{wa_id}/chats/{phone_number_id}": {
    summary: "What the user's phone shows, with ticks",
    responses: { 200: ok(chatView), ...graphErrors },
  },
});

const clock = group("Simulator clock", GRAPH_TOKEN, {
  "POST /simulator/clock/advance": {
    summary: "Travel forward in time by ms",
    requestBody: jsonBody(obj({ ms: { type: "integer", minimum: 0, maximum: 400 * 86_400_000 } })),
    responses: { 200: ok(obj({ now: time, offset_ms: int() })), ...graphErrors },
  },
  "GET /simulator/clock": {
    summary: "The simulated time",
    responses: { 200: ok(obj({ now: time })), ...graphErrors },
  },
});

/** The simulator's control API. */
export const simulatorRoutes: RouteDocs = { ...users, ...chats, ...clock };
