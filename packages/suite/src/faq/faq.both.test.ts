import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAdmin, startTestServer, waitFor, type SuiteSession, type TestServer } from "@openwaba/server/testing";

// The FAQ bot: answers a question it knows (in the customer's language), hands over one it does
// not (and lists it for the team), and stops once a human has answered.
let s: TestServer;
let admin: SuiteSession;
const wa = "48600555666";
const write = (body: string) =>
  s.call("POST", `/simulator/users/${wa}/messages`, { to: s.phone, type: "text", text: { body } });
const chat = async () => (await s.call("GET", `/simulator/users/${wa}/chats/${s.phone}`)).body.messages as any[];
const conversation = async () =>
  (await admin.call("GET", "/suite/api/conversations?state=all")).body.data.find((c: any) => c.wa_id === wa);
const timeline = async (id: string) =>
  (await admin.call("GET", `/suite/api/conversations/${id}`)).body.timeline as any[];

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  await admin.call("POST", "/suite/api/me/availability", { availability: "away" }); // nobody takes it at once
  await admin.call("POST", "/suite/api/faq", {
    question: "Jak zwrócić zamówienie?",
    answer: "Zamówienie można zwrócić w ciągu 14 dni: wystarczy odesłać paczkę.",
    language: "pl",
  });
  await admin.call("POST", "/suite/api/faq", {
    question: "What are your opening hours?",
    answer: "We are open 9–17, Monday to Friday.",
    language: "en",
  });
  expect((await admin.call("PUT", "/suite/api/settings/faq-bot", { enabled: true, threshold: 0.6 })).body).toEqual({
    enabled: true,
    threshold: 0.6,
  });
  await s.call("POST", "/simulator/users", { wa_id: wa, name: "Ewa" });
});
afterAll(() => s.stop());

describe("the FAQ bot", () => {
  it("answers a question it knows, in other words, as a reply to it", async () => {
    await write("Dzień dobry, jak mogę zwrócić zamówienia?");
    await waitFor(
      async () =>
        (await chat()).find(
          (m) => m.direction === "received" && m.content.body?.startsWith("Zamówienie można zwrócić"),
        ),
      5000,
      "bot answer on the phone",
    );
    const c = await conversation();
    const items = await timeline(c.id);
    expect(items.find((i) => i.kind === "event" && i.type === "bot_answered")?.data).toMatchObject({
      confidence: expect.any(Number),
    });
    expect(items.find((i) => i.direction === "out")).toMatchObject({
      author_id: null,
      context_id: expect.stringMatching(/^wamid\./),
    });
    expect(c.first_response_at).toBeNull(); // a bot's answer is not the team's first response
  });

  it("hands over a question it does not know and lists it as unanswered", async () => {
    await write("Moja paczka przyszła uszkodzona, co teraz?");
    const miss = await waitFor(
      async () => (await admin.call("GET", "/suite/api/faq/unanswered")).body.data[0],
      5000,
      "unanswered",
    );
    expect(miss.question).toBe("Moja paczka przyszła uszkodzona, co teraz?");
    const c = await conversation();
    await waitFor(async () => (await timeline(c.id)).some((i) => i.type === "bot_handed_over"), 5000, "handed over");
    expect((await chat()).filter((m) => m.direction === "received")).toHaveLength(1);
  });

  it("stays quiet once a human has answered", async () => {
    const c = await conversation();
    await admin.call("POST", `/suite/api/conversations/${c.id}/messages`, {
      type: "text",
      text: { body: "Przepraszamy! Już sprawdzam." },
    });
    await write("A jak zwrócić zamówienie?");
    await new Promise((r) => setTimeout(r, 500));
    expect((await chat()).filter((m) => m.direction === "received")).toHaveLength(2);
  });

  it("lets the team try a question, and refuses bad input", async () => {
    const t = (await admin.call("POST", "/suite/api/faq/try", { question: "opening hours?", language: "en" })).body;
    expect(t).toMatchObject({ match: { answer: "We are open 9–17, Monday to Friday." }, would_answer: true });
    expect((await admin.call("POST", "/suite/api/faq", { question: "x", answer: "" })).body.error.code).toBe(
      "invalid_request",
    );
    expect((await admin.call("PUT", "/suite/api/settings/faq-bot", { enabled: true, threshold: 5 })).status).toBe(400);
  });
});
