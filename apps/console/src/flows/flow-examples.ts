import type { FlowDocument } from "@openwaba/contracts/suite";
import orderStatusFile from "../../../../examples/order-status.flow.json";
import orderStatusShopFile from "../../../../examples/order-status-shop.flow.json";

// Ready flows a business starts from ("New flow"): each works as it is once published (the shop
// lookup once its URL is the shop's), and shows
// one way the nodes fit together. Typed against the suite's schema, so they stay valid documents.

export interface FlowExample {
  key: string;
  title: string;
  description: string;
  document: FlowDocument;
}

// The order-status flows are the repository's own example files (the README imports them too):
// one that needs nothing outside, and one that looks the order up in the shop's system.
const orderStatus = orderStatusFile as FlowDocument;
const orderStatusShop = orderStatusShopFile as FlowDocument;

const welcome: FlowDocument = {
  openwaba_flow: 1,
  name: "Welcome menu",
  description: "Greets a new conversation with a menu; a person takes over when asked.",
  trigger: { type: "first_message" },
  settings: { reply_timeout: "1h" },
  start: "menu",
  nodes: {
    menu: {
      type: "ask",
      prompt: { text: "Hi {{contact.name}}! How can we help?" },
      validate: {
        type: "choice",
        options: [
          { id: "hours", title: "Opening hours", synonyms: ["hours", "open"] },
          { id: "order", title: "My order" },
          { id: "person", title: "Talk to a person" },
        ],
      },
      next: "route",
    },
    route: {
      type: "branch",
      default: "person",
      cases: [
        { when: { var: "reply.value", op: "eq", value: "hours" }, next: "hours" },
        { when: { var: "reply.value", op: "eq", value: "order" }, next: "order" },
      ],
    },
    hours: { type: "end", message: "We are open Monday to Friday, 9:00–17:00." },
    order: {
      type: "ask",
      prompt: { text: "What is your order number?" },
      validate: { type: "text", min_length: 3, max_length: 40 },
      save_as: "order_number",
      next: "person",
    },
    person: {
      type: "handover",
      message: "Connecting you with our team — someone will answer here shortly.",
      note: "Order number: {{attr.order_number|not given}}",
    },
  },
};

const survey: FlowDocument = {
  openwaba_flow: 1,
  name: "Satisfaction survey",
  description: "Asks for a rating from 1 to 5 after an agent resolves a conversation.",
  trigger: { type: "conversation_resolved" },
  start: "rate",
  nodes: {
    rate: {
      type: "csat",
      question: "How would you rate our help today?",
      thanks: "Thank you for your rating!",
      timeout: "1d",
    },
  },
};

const shipping: FlowDocument = {
  openwaba_flow: 1,
  name: "Shipping notification",
  description:
    "Your shop posts the event order_shipped; outside the 24-hour window it sends the approved template order_shipped (body {{1}}: the order, quick replies Track / No thanks).",
  trigger: { type: "event", event: "order_shipped" },
  start: "notify",
  nodes: {
    notify: {
      type: "ask",
      prompt: { text: "Good news, {{contact.name}}: order {{event.order}} has shipped!" },
      template: { name: "order_shipped", language: "en_US", parameters: ["{{event.order}}"] },
      validate: {
        type: "choice",
        options: [
          { id: "track", title: "Track" },
          { id: "no", title: "No thanks" },
        ],
      },
      timeout: "2d",
      next: "answer",
    },
    answer: {
      type: "branch",
      cases: [{ when: { var: "reply.value", op: "eq", value: "track" }, next: "link" }],
      default: "thanks",
    },
    link: { type: "end", message: "Track it here: https://track.example/{{event.order}}" },
    thanks: { type: "end", message: "Thanks! Enjoy your order." },
  },
};

const blank: FlowDocument = {
  openwaba_flow: 1,
  name: "New flow",
  trigger: { type: "manual" },
  start: "hello",
  nodes: { hello: { type: "send", message: { text: "Hello {{contact.name}}!" } } },
};

export const FLOW_EXAMPLES: FlowExample[] = [
  { key: "welcome", title: "Welcome menu", description: welcome.description!, document: welcome },
  { key: "order-status", title: "Order status", description: orderStatus.description!, document: orderStatus },
  {
    key: "order-status-shop",
    title: "Order status from your shop (HTTP lookup)",
    description: orderStatusShop.description!,
    document: orderStatusShop,
  },
  { key: "survey", title: "Satisfaction survey after resolve", description: survey.description!, document: survey },
  { key: "shipping", title: "Shipping notification (event)", description: shipping.description!, document: shipping },
  { key: "blank", title: "Blank", description: "One message, started by an agent from the inbox.", document: blank },
];
