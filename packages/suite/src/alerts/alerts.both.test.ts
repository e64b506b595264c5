import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  signIn,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// A template's review decision reaches the suite as a Cloud API webhook and becomes an alert
// pushed to admins' consoles, and not to agents'.
let s: TestServer;
let admin: SuiteSession;

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
});
afterAll(() => s.stop());

describe("alerts", () => {
  it("turns a template rejection into a pushed warning, listed until read", async () => {
    const inv = await admin.call("POST", "/suite/api/users", {
      email: "agent@shop.test",
      name: "Agent",
      role: "agent",
    });
    await fetch(`${s.url}/suite/api/invitations/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: inv.body.invitation.token, password: "a long enough password" }),
    });
    const agent = await signIn(s, "agent@shop.test", "a long enough password");
    const [adminStream, agentStream] = [await admin.stream(), await agent.stream()];
    const t = await s.call("POST", `/${s.credentials.waba_id}/message_templates`, {
      name: "weekly_deals",
      language: "en_US",
      category: "MARKETING",
      components: [{ type: "BODY", text: "Our deals of the week are waiting for you in the shop now." }],
    });
    await s.call("POST", `/openwaba/templates/${t.body.id}/review`, { event: "REJECTED", reason: "INVALID_FORMAT" });
    const pushed = await waitFor(() => adminStream.events.find((e) => e.event === "alert.created"), 5000, "alert");
    expect(pushed.data.alert).toMatchObject({
      severity: "warning",
      title: "Template weekly_deals (en-US) was rejected: INVALID_FORMAT",
      read: false,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(agentStream.events.filter((e) => e.event === "alert.created")).toEqual([]);
    expect((await agent.call("GET", "/suite/api/alerts")).status).toBe(403);
    expect((await admin.call("GET", "/suite/api/alerts")).body.data[0].read).toBe(false);
    await admin.call("POST", "/suite/api/alerts/read");
    expect((await admin.call("GET", "/suite/api/alerts")).body.data[0].read).toBe(true);
    adminStream.close();
    agentStream.close();
  });
});
