import { describe, expect, it } from "vitest";
import { holds } from "./conditions";
import type { FlowContext } from "@openwaba/contracts/suite";

const ctx: FlowContext = {
  contact: {
    name: "Ewa",
    wa_id: "48600100200",
    phone: "+48600100200",
    language: "pl",
    timezone: null,
    tags: ["vip", "b2b"],
  },
  attr: { tier: "gold", orders: "12", birthday: "1990-05-01" },
  vars: { flag: true },
  reply: { text: "Tak!", id: null, type: "text" },
  event: { order: { status: "shipped" } },
  http: { status: 404, body: null },
  now: "2026-12-01T10:00:00.000Z",
};

describe("branch conditions", () => {
  it("compare text without case or accents, numbers as numbers", () => {
    expect(holds({ var: "attr.tier", op: "eq", value: "GOLD" }, ctx)).toBe(true);
    expect(holds({ var: "reply.text", op: "eq", value: "tak" }, ctx)).toBe(true);
    expect(holds({ var: "attr.orders", op: "gt", value: 11 }, ctx)).toBe(true);
    expect(holds({ var: "attr.orders", op: "gt", value: 12 }, ctx)).toBe(false);
    expect(holds({ var: "attr.orders", op: "gte", value: 12 }, ctx)).toBe(true);
    expect(holds({ var: "attr.orders", op: "lt", value: 12 }, ctx)).toBe(false);
    expect(holds({ var: "attr.orders", op: "lte", value: "12" }, ctx)).toBe(true);
    expect(holds({ var: "attr.birthday", op: "lt", value: "2000-01-01" }, ctx)).toBe(true);
    expect(holds({ var: "http.status", op: "eq", value: 404 }, ctx)).toBe(true);
  });

  it("see tags, nested values, and what is missing", () => {
    expect(holds({ var: "contact.tags", op: "contains", value: "vip" }, ctx)).toBe(true);
    expect(holds({ var: "contact.tags", op: "contains", value: "retail" }, ctx)).toBe(false);
    expect(holds({ var: "event.order.status", op: "in", value: ["shipped", "delivered"] }, ctx)).toBe(true);
    expect(holds({ var: "attr.missing", op: "exists" }, ctx)).toBe(false);
    expect(holds({ var: "attr.missing", op: "not_exists" }, ctx)).toBe(true);
    expect(holds({ var: "attr.missing", op: "gt", value: 0 }, ctx)).toBe(false);
    expect(holds({ var: "vars.flag", op: "eq", value: true }, ctx)).toBe(true);
  });

  it("combine with all, any and not; a broken pattern never matches", () => {
    expect(
      holds(
        {
          all: [
            { var: "attr.tier", op: "eq", value: "gold" },
            { var: "contact.language", op: "eq", value: "pl" },
          ],
        },
        ctx,
      ),
    ).toBe(true);
    expect(
      holds(
        {
          all: [
            { var: "attr.tier", op: "eq", value: "gold" },
            { var: "contact.language", op: "eq", value: "en" },
          ],
        },
        ctx,
      ),
    ).toBe(false);
    expect(
      holds(
        {
          any: [
            { var: "attr.tier", op: "eq", value: "silver" },
            { var: "contact.language", op: "eq", value: "pl" },
          ],
        },
        ctx,
      ),
    ).toBe(true);
    expect(holds({ not: { var: "attr.tier", op: "starts_with", value: "go" } }, ctx)).toBe(false);
    expect(holds({ var: "reply.text", op: "matches", value: "^ta" }, ctx)).toBe(true);
    expect(holds({ var: "reply.text", op: "matches", value: "(" }, ctx)).toBe(false);
  });
});
