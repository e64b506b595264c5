import { describe, expect, it } from "vitest";
import { onRed, templateQuality } from "./template-quality";

const now = Date.UTC(2026, 5, 1);
const reports = (n: number) => Array.from({ length: n }, () => ({ kind: "report", at: now }));

describe("template quality", () => {
  it("is UNKNOWN below 20 sends, whatever the signals", () => {
    expect(templateQuality(reports(5), 19, now)).toBe("UNKNOWN");
    expect(templateQuality([], 20, now)).toBe("GREEN");
  });
  it("is YELLOW from 5 % and RED from 10 % of sends, weighted", () => {
    expect(templateQuality([{ kind: "block", at: now }], 20, now)).toBe("YELLOW"); // 1/20 = 5 %
    expect(templateQuality([{ kind: "block", at: now }], 21, now)).toBe("GREEN"); // 4.8 %
    expect(templateQuality(reports(1), 30, now)).toBe("RED"); // 3/30 = 10 %
    expect(templateQuality(reports(1), 31, now)).toBe("YELLOW"); // 9.7 %
  });
  it("counts a STOP reply like a block", () => {
    expect(templateQuality([{ kind: "stop", at: now }], 20, now)).toBe("YELLOW");
  });
  it("warns (YELLOW) when fewer than 20 % of the delivered sends are read, never pauses for it", () => {
    expect(templateQuality([], 100, now, { delivered: 100, read: 19 })).toBe("YELLOW");
    expect(templateQuality([], 100, now, { delivered: 100, read: 20 })).toBe("GREEN");
    expect(templateQuality([], 100, now, { delivered: 19, read: 0 })).toBe("GREEN"); // too few deliveries to judge
    expect(templateQuality(reports(4), 100, now, { delivered: 100, read: 0 })).toBe("RED");
  });
  it("pauses 3 hours, then 6, then disables", () => {
    expect(onRed(0)).toEqual({ status: "PAUSED", hours: 3, title: "FIRST_PAUSE" });
    expect(onRed(1)).toEqual({ status: "PAUSED", hours: 6, title: "SECOND_PAUSE" });
    expect(onRed(2)).toEqual({ status: "DISABLED", title: "DISABLED" });
  });
});
