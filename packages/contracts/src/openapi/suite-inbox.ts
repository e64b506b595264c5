import {
  assignRequest,
  composedMessageRequest,
  conversation as conversationAnswer,
  conversationEditRequest,
  conversationListQuery,
  noteRequest,
  startConversationRequest,
  stateRequest,
  conversationDetail,
  conversationList,
  pastCycle,
  startedConversation,
  timelineMessage as timelineMessageAnswer,
} from "../suite/conversations";
import { cannedResponse, cannedResponseList, cannedResponseRequest } from "../suite/canned";
import { consent } from "../suite/contacts";
import { numberList } from "../suite/numbers";
import { SUITE_READ, SUITE_WRITE, suiteErrors, suiteDone } from "./components";
import { businessProfile } from "./graph";
import {
  arr,
  bytes,
  fromAnswer,
  fromRequest,
  jsonBody,
  nullable,
  obj,
  ok,
  queryFrom,
  str,
  suiteGroup,
  time,
  type RouteDocs,
} from "./shapes";

// The inbox: conversations, their timelines, what agents do with them, canned responses, and what
// the console reads of the Cloud API (packages/suite/src/inbox).

export const conversation = fromAnswer(conversationAnswer);
export const timelineMessage = fromAnswer(timelineMessageAnswer);
const cycle = fromAnswer(pastCycle);
export const consentState = fromAnswer(consent.nullable());
const canned = fromAnswer(cannedResponse);

const conversations = suiteGroup("Suite inbox", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/conversations": {
    summary: "The conversations the user may see, latest first",
    parameters: queryFrom(conversationListQuery, {
      state: "Default open",
      assignee: "me, unassigned or a user id",
      q: "Search by name, number or text",
    }),
    responses: {
      200: ok(fromAnswer(conversationList)),
      ...suiteErrors,
    },
  },
  "POST /suite/api/conversations": {
    summary: "Start a conversation: the business writes first, with an approved template",
    requestBody: jsonBody(fromRequest(startConversationRequest)),
    responses: { 201: ok(fromAnswer(startedConversation), "Sent"), ...suiteErrors },
  },
  "GET /suite/api/conversations/{id}": {
    summary: "A conversation with its timeline (messages, notes and events) and past cycles",
    responses: {
      200: ok(fromAnswer(conversationDetail)),
      ...suiteErrors,
    },
  },
  "PATCH /suite/api/conversations/{id}": {
    summary: "Set a conversation's labels and/or priority",
    requestBody: jsonBody(fromRequest(conversationEditRequest)),
    responses: { 200: ok(conversation), ...suiteErrors },
  },
  "POST /suite/api/conversations/{id}/messages": {
    summary: "Send a message from the console (free-form ones need the open window)",
    requestBody: jsonBody(fromRequest(composedMessageRequest)),
    responses: { 201: ok(timelineMessage, "Sent"), ...suiteErrors },
  },
  "POST /suite/api/conversations/{id}/media": {
    summary: "Upload a file (multipart, field file, up to 16 MB) to send by id",
    requestBody: {
      required: true,
      content: { "multipart/form-data": { schema: obj({ file: { type: "string", format: "binary" } }) } },
    },
    responses: { 201: ok(obj({ id: str(), mime_type: str(), filename: str() }), "Uploaded"), ...suiteErrors },
  },
  "POST /suite/api/conversations/{id}/notes": {
    summary: "Add an internal note (never sent to the customer)",
    requestBody: jsonBody(fromRequest(noteRequest)),
    responses: { 201: ok(timelineMessage, "Added"), ...suiteErrors },
  },
  "POST /suite/api/conversations/{id}/claim": {
    summary: "Take the conversation",
    responses: { 200: ok(conversation), ...suiteErrors },
  },
  "POST /suite/api/conversations/{id}/assign": {
    summary: "Transfer to a person and/or a team (agents: only their own conversations)",
    requestBody: jsonBody(fromRequest(assignRequest)),
    responses: { 200: ok(conversation), ...suiteErrors },
  },
  "POST /suite/api/conversations/{id}/state": {
    summary: "Open, pend, snooze or resolve (with an optional CSAT)",
    requestBody: jsonBody(fromRequest(stateRequest)),
    responses: { 200: ok(conversation), ...suiteErrors },
  },
  "POST /suite/api/conversations/{id}/typing": {
    summary: "Say the agent is typing (to the other consoles and the customer)",
    responses: { 200: suiteDone, ...suiteErrors },
  },
  "POST /suite/api/conversations/{id}/read": {
    summary: "The agent has read the customer's messages (blue ticks)",
    responses: { 200: suiteDone, ...suiteErrors },
  },
  "GET /suite/api/conversations/{id}/profile": {
    summary: "The customer profile panel: who they are, their consent and past conversations",
    responses: {
      200: ok(
        obj({
          name: str(),
          wa_id: str(),
          country: str(),
          language: nullable(str()),
          contact_id: nullable(str()),
          consent: consentState,
          conversations: arr(obj({ id: str(), phone_number_id: str(), state: str(), last_message_at: time })),
          past_cycles: arr({ ...cycle, properties: { ...(cycle.properties as object), conversation_id: str() } }),
        }),
      ),
      ...suiteErrors,
    },
  },
  "GET /suite/api/media/{id}": {
    summary: "A media file of a conversation the user may see, fetched through the Cloud API",
    responses: { 200: bytes("application/octet-stream", "The file, with its own Content-Type"), ...suiteErrors },
  },
});

const cannedDocs = suiteGroup("Suite canned responses", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/canned-responses": {
    summary: "The tenant's canned responses",
    responses: { 200: ok(fromAnswer(cannedResponseList)), ...suiteErrors },
  },
  "POST /suite/api/canned-responses": {
    summary: "Add a canned response (admins and supervisors)",
    requestBody: jsonBody(fromRequest(cannedResponseRequest)),
    responses: { 201: ok(canned, "Added"), ...suiteErrors },
  },
  "DELETE /suite/api/canned-responses/{id}": {
    summary: "Remove a canned response (admins and supervisors)",
    responses: { 200: suiteDone, ...suiteErrors },
  },
});

const numbers = suiteGroup("Suite numbers", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/numbers": {
    summary: "The tenant's business numbers, as the Cloud API lists them",
    responses: { 200: ok(fromAnswer(numberList)), ...suiteErrors },
  },
  "GET /suite/api/numbers/{id}/profile": {
    summary: "A number's business profile",
    responses: { 200: ok(businessProfile()), ...suiteErrors },
  },
  "POST /suite/api/numbers/{id}/profile": {
    summary: "Change a number's business profile (admins); answers the profile now",
    requestBody: jsonBody(businessProfile(), "The fields to change, as the Cloud API takes them"),
    responses: { 200: ok(businessProfile()), ...suiteErrors },
  },
});

/** The inbox, canned responses and the tenant's numbers. */
export const suiteInboxRoutes: RouteDocs = { ...conversations, ...cannedDocs, ...numbers };
