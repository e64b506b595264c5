import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openWindow,
  signIn,
  signInAdmin,
  startTestServer,
  waitFor,
  type SuiteSession,
  type TestServer,
} from "@openwaba/server/testing";

// The inbox list: each conversation's last message and the viewer's own unread count (the
// customer's messages since this person last read it), and a search over names, numbers and what
// was written, within what the viewer may see.
let s: TestServer;
let admin: SuiteSession, sam: SuiteSession, ben: SuiteSession;
const marta = "48600700800";
const write = (body: string) =>
  s.call("POST", `/simulator/users/${marta}/messages`, { to: s.phone, type: "text", text: { body } });
const listed = async (who: SuiteSession, q = "") =>
  (await who.call("GET", `/suite/api/conversations?state=all${q ? `&q=${encodeURIComponent(q)}` : ""}`)).body
    .data as any[];
const martaIn = async (who: SuiteSession) => (await listed(who)).find((c) => c.wa_id === marta);

async function invite(email: string, role: string): Promise<SuiteSession> {
  const r = await admin.call("POST", "/suite/api/users", { email, name: email.split("@")[0], role });
  await fetch(`${s.url}/suite/api/invitations/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: r.body.invitation.token, password: "a long enough password" }),
  });
  return signIn(s, email, "a long enough password");
}

beforeAll(async () => {
  s = await startTestServer();
  admin = await signInAdmin(s);
  sam = await invite("sam@shop.test", "supervisor");
  ben = await invite("ben@shop.test", "agent"); // on no team: Support's queue is not his
  await s.call("POST", "/simulator/users", { wa_id: marta, name: "Marta" });
  await openWindow(s, marta);
  await waitFor(() => martaIn(admin), 5000, "conversation");
});
afterAll(() => s.stop());

describe("the list's preview and unread count", () => {
  it("shows the last message and counts unread per viewer: reading clears it for the reader only", async () => {
    await write("Where is my parcel 860198?");
    const c = await waitFor(
      async () => {
        const x = await martaIn(admin);
        return x?.unread === 2 ? x : undefined;
      },
      5000,
      "two unread",
    );
    expect(c.last_message).toMatchObject({
      direction: "in",
      type: "text",
      content: { body: "Where is my parcel 860198?" },
      sender: null,
    });
    expect((await admin.call("POST", `/suite/api/conversations/${c.id}/read`)).status).toBe(200);
    expect((await martaIn(admin)).unread).toBe(0);
    expect((await martaIn(sam)).unread).toBe(2);
    await write("Hello?");
    await waitFor(async () => (await martaIn(admin))?.unread === 1 || undefined, 5000, "one unread after reading");
    expect((await martaIn(sam)).unread).toBe(3);
  });

  it("previews the business's answer with who sent it, and leaves reactions out of both", async () => {
    const c = await martaIn(admin);
    await admin.call("POST", `/suite/api/conversations/${c.id}/messages`, {
      type: "text",
      text: { body: "It is on its way." },
    });
    const now = Date.now() + 60_000;
    await s.store.db
      .insertInto("suite_messages")
      .values({
        id: "wamid.reaction-1",
        conversation_id: c.id,
        direction: "in",
        type: "reaction",
        content: JSON.stringify({ message_id: "x", emoji: "👍" }),
        status: "received",
        error: null,
        author_id: null,
        context_id: null,
        at: now,
        updated_at: now,
      })
      .execute();
    const after = await martaIn(admin);
    expect(after.last_message).toMatchObject({
      direction: "out",
      content: { body: "It is on its way." },
      sender: { kind: "agent", name: "Admin" },
    });
    expect(after.unread).toBe(1);
  });

  it("answers reading a conversation that is none with a 404", async () => {
    expect((await admin.call("POST", "/suite/api/conversations/nope/read")).status).toBe(404);
  });
});

describe("search", () => {
  it("finds a conversation by the customer's name, number as written, and words of its messages and notes", async () => {
    const c = await martaIn(admin);
    await admin.call("POST", `/suite/api/conversations/${c.id}/notes`, { body: "Refund approved by the shop" });
    for (const q of ["marta", "600 700", "+48 600 700 800", "PARCEL", "860198", "on its way", "refund approved"]) {
      expect(
        (await listed(admin, q)).map((x) => x.id),
        q,
      ).toEqual([c.id]);
    }
  });

  it("matches words, not the JSON they are kept in, and takes % and _ literally", async () => {
    for (const q of ["body", "preview_url", "%", "_", "nothing like this"])
      expect(await listed(admin, q), q).toEqual([]);
  });

  it("searches only what the viewer may see", async () => {
    expect((await martaIn(admin)).team_id).not.toBeNull(); // routed to Support, whose queue Ben is not in
    expect(await listed(ben, "parcel")).toEqual([]);
    expect((await listed(sam, "parcel")).map((x) => x.wa_id)).toEqual([marta]);
  });

  it("refuses an over-long search in the suite's envelope", async () => {
    const r = await admin.call("GET", `/suite/api/conversations?q=${"x".repeat(101)}`);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: "invalid_request", field: "q" });
  });
});
