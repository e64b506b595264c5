import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  signIn,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// An invited agent who accepts and signs in is Online at once, so round-robin routing gives them
// work — including what was waiting in their team's queue — without them finding the selector.
let s: TestServer;
let admin: SuiteSession;
let support: string;
const write = (waId: string, body: string) =>
  s.call("POST", `/simulator/users/${waId}/messages`, { to: s.phone, type: "text", text: { body } });
const conversationOf = async (waId: string) =>
  (await admin.call("GET", "/suite/api/conversations?state=all")).body.data.find((c: any) => c.wa_id === waId);

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  support = (await admin.call("GET", "/suite/api/teams")).body.data.find((t: any) => t.name === "Support").id;
  expect((await admin.call("GET", "/suite/api/teams")).body.data.find((t: any) => t.id === support).assignment).toBe(
    "round_robin",
  );
  // The admin steps away: only the newcomer can be given work.
  await admin.call("POST", "/suite/api/me/availability", { availability: "offline" });
  for (const [waId, name] of [
    ["48600300100", "Waiting Customer"],
    ["48600300200", "Later Customer"],
  ])
    await s.call("POST", "/simulator/users", { wa_id: waId, name });
});
afterAll(() => s.stop());

describe("a newly invited agent", () => {
  it("starts Online on accepting the invitation, takes the team's waiting work, and is picked by round robin", async () => {
    const invited = await admin.call("POST", "/suite/api/users", {
      email: "nia@shop.test",
      name: "Nia",
      role: "agent",
    });
    expect(invited.body.user.availability).toBe("offline"); // not there until they accept
    await admin.call("PUT", `/suite/api/teams/${support}/members`, { user_ids: [admin.user.id, invited.body.user.id] });
    await write("48600300100", "Is anyone there?");
    const waiting = await waitFor(() => conversationOf("48600300100"), 5000, "conversation");
    expect(waiting).toMatchObject({ team_id: support, assignee_id: null });

    const accepted = await fetch(`${s.url}/suite/api/invitations/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: invited.body.invitation.token, password: "a long enough password" }),
    });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as any).user.availability).toBe("online");
    const nia = await signIn(s, "nia@shop.test", "a long enough password");
    expect((await nia.call("GET", "/suite/api/me")).body.user.availability).toBe("online");
    expect((await conversationOf("48600300100")).assignee_id).toBe(nia.user.id);

    await write("48600300200", "Hello, a question");
    const routed = await waitFor(
      async () => {
        const c = await conversationOf("48600300200");
        return c?.assignee_id ? c : undefined;
      },
      5000,
      "assigned",
    );
    expect(routed.assignee_id).toBe(nia.user.id);
  });

  it("keeps what they choose later: an agent who went Away signs in Away", async () => {
    const nia = await signIn(s, "nia@shop.test", "a long enough password");
    await nia.call("POST", "/suite/api/me/availability", { availability: "away" });
    expect(
      (await (await signIn(s, "nia@shop.test", "a long enough password")).call("GET", "/suite/api/me")).body.user
        .availability,
    ).toBe("away");
  });

  it("cannot accept the same invitation twice", async () => {
    const invited = await admin.call("POST", "/suite/api/users", {
      email: "olek@shop.test",
      name: "Olek",
      role: "agent",
    });
    const accept = () =>
      fetch(`${s.url}/suite/api/invitations/accept`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token: invited.body.invitation.token, password: "a long enough password" }),
      });
    expect((await accept()).status).toBe(200);
    const again = await accept();
    expect(again.status).toBe(400);
    expect(((await again.json()) as any).error.code).toBe("invalid_invitation");
  });
});
