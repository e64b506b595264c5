import { openTestStore } from "@openwaba/store/testing";
import { afterAll, describe, expect, it } from "vitest";
import type { Suite } from "../../suite";
import { conversationOf } from "./conversation-of";

// The one conversation of a number and a customer, made from several places at once (a webhook
// delivered twice, a flow launched by an event, an agent starting it): one row, the same for all.
const store = await openTestStore();
afterAll(() => store.close());
// The command reads only the clock of the suite.
const suite = { clock: { now: () => 1_800_000_000_000 } } as unknown as Suite;

describe(`conversationOf on ${store.dialect}`, () => {
  it("makes one conversation when several makers race, and gives every maker that row", async () => {
    const makers = ["open", "resolved", "open", "resolved"].map((state) =>
      store.db.transaction().execute((tx) =>
        conversationOf(suite, tx, {
          tenantId: "t1",
          phoneNumberId: "p1",
          waId: "48600740001",
          name: "Ola",
          startAs: state === "open" ? { state: "open", lastInboundAt: 1_799_999_999_000 } : { state: "resolved" },
        }),
      ),
    );
    const got = await Promise.all(makers);
    expect(new Set(got.map((g) => g.conversation.id)).size).toBe(1);
    expect(got.filter((g) => g.created)).toHaveLength(1);
    const rows = await store.db
      .selectFrom("suite_conversations")
      .selectAll()
      .where("wa_id", "=", "48600740001")
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("begins a conversation as its maker says: open with the customer's window, or resolved", async () => {
    const open = await conversationOf(suite, store.db, {
      tenantId: "t1",
      phoneNumberId: "p1",
      waId: "48600740002",
      name: "Jan",
      startAs: { state: "open", lastInboundAt: 1_799_999_000_000, assigneeId: "u1" },
    });
    expect(open.conversation).toMatchObject({
      state: "open",
      assignee_id: "u1",
      last_inbound_at: 1_799_999_000_000,
      resolved_at: null,
    });
    const closed = await conversationOf(suite, store.db, {
      tenantId: "t1",
      phoneNumberId: "p1",
      waId: "48600740003",
      name: "Iga",
      startAs: { state: "resolved" },
    });
    expect(closed.conversation).toMatchObject({
      state: "resolved",
      assignee_id: null,
      last_inbound_at: null,
      resolved_at: 1_800_000_000_000,
    });
    // Found again, it is not made again, whatever the second maker asks for.
    const again = await conversationOf(suite, store.db, {
      tenantId: "t1",
      phoneNumberId: "p1",
      waId: "48600740003",
      name: "Iga",
      startAs: { state: "open" },
    });
    expect(again).toMatchObject({ created: false, conversation: { id: closed.conversation.id, state: "resolved" } });
  });
});
