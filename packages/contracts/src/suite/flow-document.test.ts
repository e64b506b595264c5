import { describe, expect, it } from "vitest";
import { parseFlowDocument } from "./flow-document";
import { parseDuration } from "./durations";

const base = () => ({
  name: "Order status",
  trigger: { type: "keyword", keywords: ["order"] },
  start: "ask",
  nodes: {
    ask: {
      type: "ask",
      prompt: { text: "Your order number?" },
      validate: { type: "regex", pattern: "\\d{6}" },
      save_as: "order_number",
      next: "done",
      on_invalid: "human",
    },
    done: { type: "end", message: "Thanks!" },
    human: { type: "handover" },
  },
});

describe("flow documents", () => {
  it("accept a well-formed flow and report nodes nothing leads to", () => {
    const doc = base();
    (doc.nodes as any).orphan = { type: "end" };
    const r = parseFlowDocument(doc);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toEqual([{ path: "nodes.orphan", message: "no node leads here" }]);
  });

  it("refuse references to missing nodes, a missing start, bad patterns and bad cron, naming where", () => {
    const doc = base();
    (doc.nodes.ask as any).next = "nowhere";
    expect(parseFlowDocument(doc)).toMatchObject({
      ok: false,
      errors: [{ path: "nodes.ask", message: expect.stringContaining('"nowhere"') }],
    });
    expect(parseFlowDocument({ ...base(), start: "missing" })).toMatchObject({
      ok: false,
      errors: [{ path: "start" }],
    });
    const bad = base();
    (bad.nodes.ask as any).validate.pattern = "(";
    expect(parseFlowDocument(bad)).toMatchObject({ ok: false, errors: [{ path: "nodes.ask.validate.pattern" }] });
    expect(parseFlowDocument({ ...base(), trigger: { type: "schedule", cron: "every day" } })).toMatchObject({
      ok: false,
      errors: [{ path: "trigger.cron" }],
    });
    expect(
      parseFlowDocument({ ...base(), trigger: { type: "schedule", cron: "0 9 * * 1", timezone: "Europe/Warsaw" } }).ok,
    ).toBe(true);
  });

  it("refuse unknown node types and fields, bad durations and over-long button titles", () => {
    expect(parseFlowDocument({ ...base(), nodes: { ...base().nodes, x: { type: "teleport" } } }).ok).toBe(false);
    expect(parseFlowDocument({ ...base(), extra: 1 }).ok).toBe(false);
    expect(parseFlowDocument({ ...base(), nodes: { ...base().nodes, w: { type: "wait", duration: "soon" } } }).ok).toBe(
      false,
    );
    expect(parseFlowDocument({ ...base(), nodes: { ...base().nodes, w: { type: "wait", duration: "31d" } } }).ok).toBe(
      false,
    );
    expect(parseFlowDocument({ ...base(), nodes: { ...base().nodes, w: { type: "wait", duration: "30d" } } }).ok).toBe(
      true,
    );
    const long = {
      type: "send",
      message: { buttons: { body: "Pick", options: [{ id: "a", title: "x".repeat(21) }] } },
    };
    expect(parseFlowDocument({ ...base(), nodes: { ...base().nodes, b: long } }).ok).toBe(false);
    expect(
      parseFlowDocument({ ...base(), nodes: { ...base().nodes, h: { type: "http", url: "ftp://x", next: "done" } } }),
    ).toMatchObject({ ok: false, errors: [{ path: "nodes.h.url" }] });
    expect(
      parseFlowDocument({
        ...base(),
        nodes: { ...base().nodes, h: { type: "http", url: "https://x", timeout: "31s" } },
      }),
    ).toMatchObject({ ok: false, errors: [{ path: "nodes.h.timeout" }] });
    expect(parseFlowDocument(null).ok).toBe(false);
  });

  it("read durations", () => {
    expect(parseDuration("45s")).toBe(45_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("2d")).toBe(172_800_000);
    expect(parseDuration("1.5h")).toBeNull();
    expect(parseDuration("")).toBeNull();
  });
});
