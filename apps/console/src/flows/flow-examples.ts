import type { FlowDocument } from "./flow-types";

// Ready flows a business starts from ("New flow"): each works as it is once published, and shows
// one way the nodes fit together. Typed against the suite's schema, so they stay valid documents.

export interface FlowExample { key: string; title: string; description: string; document: FlowDocument }

const orderStatus: FlowDocument = {
  openwaba_flow: 1, name: "Order status", description: "Asks for an order number and looks it up in the shop's own system.",
  trigger: { type: "keyword", keywords: ["order", "tracking", "parcel"], match: "contains" },
  start: "ask_number",
  nodes: {
    ask_number: {
      type: "ask", prompt: { text: "Hi {{contact.name}}! What is your order number? (6 digits)" }, validate: { type: "regex", pattern: "\\b\\d{6}\\b" },
      save_as: "order_number", reprompt: "That does not look like an order number: 6 digits, please.", max_attempts: 2, next: "lookup", on_invalid: "person",
    },
    lookup: {
      type: "http", method: "GET", url: "https://shop.example/api/orders/{{attr.order_number}}", headers: { Authorization: "Bearer YOUR-SHOP-API-KEY" },
      timeout: "5s", retries: 2, save: { "attr.order_status": "body.status", "vars.eta": "body.eta" }, next: "status", on_error: "not_found",
    },
    status: { type: "branch", cases: [{ when: { var: "attr.order_status", op: "eq", value: "shipped" }, next: "shipped" }], default: "preparing" },
    shipped: { type: "send", message: { text: "Order {{attr.order_number}} is on its way and should arrive {{vars.eta|soon}}." }, next: "bye" },
    preparing: { type: "send", message: { text: "Order {{attr.order_number}} is {{attr.order_status|being prepared}}." }, next: "bye" },
    not_found: { type: "send", message: { text: "I could not find order {{attr.order_number}}." }, next: "person" },
    bye: { type: "end", message: "Anything else? Just write here." },
    person: { type: "handover", message: "A colleague will take it from here.", note: "Order number: {{attr.order_number|not given}}" },
  },
};

const welcome: FlowDocument = {
  openwaba_flow: 1, name: "Welcome menu", description: "Greets a new conversation with a menu; a person takes over when asked.",
  trigger: { type: "first_message" },
  settings: { reply_timeout: "1h" },
  start: "menu",
  nodes: {
    menu: {
      type: "ask", prompt: { text: "Hi {{contact.name}}! How can we help?" },
      validate: { type: "choice", options: [{ id: "hours", title: "Opening hours", synonyms: ["hours", "open"] }, { id: "order", title: "My order" }, { id: "person", title: "Talk to a person" }] },
      next: "route",
    },
    route: {
      type: "branch", default: "person",
      cases: [{ when: { var: "reply.value", op: "eq", value: "hours" }, next: "hours" }, { when: { var: "reply.value", op: "eq", value: "order" }, next: "order" }],
    },
    hours: { type: "end", message: "We are open Monday to Friday, 9:00–17:00." },
    order: { type: "ask", prompt: { text: "What is your order number?" }, validate: { type: "text", min_length: 3, max_length: 40 }, save_as: "order_number", next: "person" },
    person: { type: "handover", message: "Connecting you with our team — someone will answer here shortly.", note: "Order number: {{attr.order_number|not given}}" },
  },
};

const survey: FlowDocument = {
  openwaba_flow: 1, name: "Satisfaction survey", description: "Asks for a rating from 1 to 5 after an agent resolves a conversation.",
  trigger: { type: "conversation_resolved" },
  start: "rate",
  nodes: { rate: { type: "csat", question: "How would you rate our help today?", thanks: "Thank you for your rating!", timeout: "1d" } },
};

const shipping: FlowDocument = {
  openwaba_flow: 1, name: "Shipping notification",
  description: "Your shop posts the event order_shipped; outside the 24-hour window it sends the approved template order_shipped (body {{1}}: the order, quick replies Track / No thanks).",
  trigger: { type: "event", event: "order_shipped" },
  start: "notify",
  nodes: {
    notify: {
      type: "ask", prompt: { text: "Good news, {{contact.name}}: order {{event.order}} has shipped!" },
      template: { name: "order_shipped", language: "en_US", parameters: ["{{event.order}}"] },
      validate: { type: "choice", options: [{ id: "track", title: "Track" }, { id: "no", title: "No thanks" }] }, timeout: "2d", next: "answer",
    },
    answer: { type: "branch", cases: [{ when: { var: "reply.value", op: "eq", value: "track" }, next: "link" }], default: "thanks" },
    link: { type: "end", message: "Track it here: https://track.example/{{event.order}}" },
    thanks: { type: "end", message: "Thanks! Enjoy your order." },
  },
};

const blank: FlowDocument = {
  openwaba_flow: 1, name: "New flow", trigger: { type: "manual" }, start: "hello",
  nodes: { hello: { type: "send", message: { text: "Hello {{contact.name}}!" } } },
};

export const FLOW_EXAMPLES: FlowExample[] = [
  { key: "welcome", title: "Welcome menu", description: welcome.description!, document: welcome },
  { key: "order-status", title: "Order status (HTTP lookup)", description: orderStatus.description!, document: orderStatus },
  { key: "survey", title: "Satisfaction survey after resolve", description: survey.description!, document: survey },
  { key: "shipping", title: "Shipping notification (event)", description: shipping.description!, document: shipping },
  { key: "blank", title: "Blank", description: "One message, started by an agent from the inbox.", document: blank },
];
