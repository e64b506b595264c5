import { describe, expect, it } from "vitest";
import { PlatformCallError } from "../client/platform-client";
import { outcomeOf } from "./send-outcome";

const refusal = (code: number, status = 400) =>
  new PlatformCallError(status, { message: `(#${code}) x`, code, error_data: { details: "why" } });

describe("what a send's answer means for its recipient", () => {
  it("retries passing limits and outages, later and later", () => {
    expect(outcomeOf(refusal(130429, 429), 1)).toMatchObject({ kind: "retry", afterMs: 1000 });
    expect(outcomeOf(refusal(131056, 429), 1)).toMatchObject({ kind: "retry", afterMs: 6000 });
    expect(outcomeOf(refusal(131000, 500), 1)).toMatchObject({ kind: "retry", afterMs: 2000 });
    expect(outcomeOf(refusal(131000, 500), 3)).toMatchObject({ kind: "retry", afterMs: 8000 });
    expect(outcomeOf(refusal(131000, 500), 20)).toMatchObject({ kind: "retry", afterMs: 256_000 });
  });

  it("stops the campaign when the template or account cannot send", () => {
    for (const code of [132001, 132015, 132016, 131042, 190, 200])
      expect(outcomeOf(refusal(code), 1).kind).toBe("pause_campaign");
  });

  it("fails one recipient for their own problems, and never resends a send that got no answer", () => {
    expect(outcomeOf(refusal(132000), 1)).toEqual({
      kind: "failed",
      error: { code: 132000, title: "(#132000) x", details: "why" },
    });
    expect(outcomeOf(refusal(139900), 1)).toEqual({ kind: "consent_missing" });
    const lost = new PlatformCallError(503, { message: "no answer", code: 2 }, { answered: false, refused: false });
    expect(outcomeOf(lost, 1).kind).toBe("unknown");
    const refused = new PlatformCallError(503, { message: "refused", code: 2 }, { answered: false, refused: true });
    expect(outcomeOf(refused, 1).kind).toBe("retry");
    expect(outcomeOf(new Error("socket hang up"), 1).kind).toBe("unknown");
    const gateway = new PlatformCallError(
      502,
      { message: "HTTP 502", code: 1 },
      { answered: true, refused: false, fromGraph: false },
    );
    expect(outcomeOf(gateway, 1).kind).toBe("unknown");
  });
});
