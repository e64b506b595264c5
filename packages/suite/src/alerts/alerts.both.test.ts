import { beforeAll, describe, expect, it } from "vitest";
import { signInInvited, signInAdmin, useTestServer, waitFor, type SuiteSession } from "@openwaba/server/testing";

// A template's review decision reaches the suite as a Cloud API webhook and becomes an alert
// pushed to admins' consoles, and not to agents'.
const s = useTestServer();
let admin: SuiteSession;

beforeAll(async () => {
  admin = await signInAdmin(s);
});

describe("alerts", () => {
  it("turns a template rejection into a pushed warning, listed until read", async () => {
    const agent = await signInInvited(s, admin, { email: "agent@shop.test", name: "Agent", role: "agent" });
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
