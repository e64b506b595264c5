import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWindow, startTestServer, text, waitFor, type TestServer } from "@openwaba/server/testing";

// The customer service window at its edges, travelling with POST /simulator/clock/advance.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const HOUR = 3600_000;
const outcome = async (wa: string) => {
  const r = await s.call("POST", `/${s.phone}/messages`, text(wa));
  expect(r.status).toBe(200); // Meta accepts, then reports the closed window on the status webhook
  const id = r.body.messages[0].id;
  const st = await waitFor(
    () => s.receiver.statuses().find((x) => x.id === id && (x.status === "failed" || x.status === "delivered")),
    5000,
    "a status",
  );
  return st;
};

describe("customer service window", () => {
  it("refuses free-form messages to a user who never wrote: failed 131047", async () => {
    await s.call("POST", "/simulator/users", { wa_id: "393201234567" });
    const st = await outcome("393201234567");
    expect(st.status).toBe("failed");
    expect(st.errors).toEqual([
      {
        code: 131047,
        title: "Re-engagement message",
        message: "Re-engagement message",
        error_data: {
          details:
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        },
        href: expect.any(String),
      },
    ]);
  });

  it("is open a second before 24 hours and closed a second after", async () => {
    await openWindow(s, "393201234568");
    await s.call("POST", "/simulator/clock/advance", { ms: 24 * HOUR - 1000 });
    expect((await outcome("393201234568")).status).toBe("delivered");
    await s.call("POST", "/simulator/clock/advance", { ms: 2000 });
    expect((await outcome("393201234568")).status).toBe("failed");
  });

  it("opens again with the user's next message", async () => {
    await s.call("POST", "/simulator/users/393201234568/messages", {
      to: s.phone,
      type: "text",
      text: { body: "back again" },
    });
    expect((await outcome("393201234568")).status).toBe("delivered");
  });

  it("does not apply to templates, which fail as unknown until the template engine exists", async () => {
    const r = await s.call("POST", `/${s.phone}/messages`, {
      messaging_product: "whatsapp",
      to: "393201234567",
      type: "template",
      template: { name: "order_update", language: { code: "en_US" } },
    });
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({
      code: 132001,
      message: "(#132001) Template name does not exist in the translation",
      error_data: { details: "template name (order_update) does not exist in en_US" },
    });
  });
});
