import { describe, expect, it } from "vitest";
import {
  CUSTOMER_SERVICE_WINDOW_MS as DAY,
  isWindowOpen,
  needsOpenWindow,
  windowClosesAt,
} from "./customer-service-window";

describe("customer service window", () => {
  const last = Date.UTC(2026, 4, 1, 12);
  it("is open one millisecond before 24 hours and closed at 24 hours and after", () => {
    expect(isWindowOpen(last, last)).toBe(true);
    expect(isWindowOpen(last, last + DAY - 1)).toBe(true);
    expect(isWindowOpen(last, last + DAY)).toBe(false);
    expect(isWindowOpen(last, last + DAY + 1)).toBe(false);
  });
  it("is closed when the user never wrote", () => {
    expect(isWindowOpen(null, last)).toBe(false);
    expect(windowClosesAt(undefined, last)).toBeNull();
  });
  it("says when it closes", () => {
    expect(windowClosesAt(last, last + 5)).toBe(last + DAY);
    expect(windowClosesAt(last, last + DAY)).toBeNull();
  });
  it("applies to every type but templates", () => {
    expect(needsOpenWindow("text")).toBe(true);
    expect(needsOpenWindow("interactive")).toBe(true);
    expect(needsOpenWindow("template")).toBe(false);
  });
});
