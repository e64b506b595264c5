import { describe, expect, it } from "vitest";
import { nextDay, zoneOfNumber, zonedInstant } from "./local-time";

describe("local send times", () => {
  it("find the instant of a wall-clock time in a zone, in winter and in summer", () => {
    expect(new Date(zonedInstant("2026-12-24", "10:00", "Europe/Warsaw")).toISOString()).toBe(
      "2026-12-24T09:00:00.000Z",
    );
    expect(new Date(zonedInstant("2026-07-01", "10:00", "Europe/Warsaw")).toISOString()).toBe(
      "2026-07-01T08:00:00.000Z",
    );
    expect(new Date(zonedInstant("2026-12-24", "10:00", "America/Sao_Paulo")).toISOString()).toBe(
      "2026-12-24T13:00:00.000Z",
    );
    expect(new Date(zonedInstant("2026-12-24", "10:00", "Asia/Kolkata")).toISOString()).toBe(
      "2026-12-24T04:30:00.000Z",
    );
  });

  it("handle the days clocks change", () => {
    // 29 March 2026: Warsaw skips 02:00–03:00; 25 October 2026: it has 02:00–03:00 twice.
    expect(new Date(zonedInstant("2026-03-29", "01:59", "Europe/Warsaw")).toISOString()).toBe(
      "2026-03-29T00:59:00.000Z",
    );
    expect(new Date(zonedInstant("2026-03-29", "03:00", "Europe/Warsaw")).toISOString()).toBe(
      "2026-03-29T01:00:00.000Z",
    );
    expect(new Date(zonedInstant("2026-10-25", "04:00", "Europe/Warsaw")).toISOString()).toBe(
      "2026-10-25T03:00:00.000Z",
    );
    expect(new Date(zonedInstant("2026-10-25", "01:00", "Europe/Warsaw")).toISOString()).toBe(
      "2026-10-24T23:00:00.000Z",
    );
  });

  it("guess a zone from the number's country, and move to the next day", () => {
    expect(zoneOfNumber("48600100200")).toBe("Europe/Warsaw");
    expect(zoneOfNumber("5511987654321")).toBe("America/Sao_Paulo");
    expect(zoneOfNumber("999000")).toBeNull();
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});
