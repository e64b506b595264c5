import { describe, expect, it } from "vitest";
import { callbackData, sentAttemptOf } from "./callback-data";

describe("a campaign send's callback data", () => {
  it("names the campaign, the recipient and the attempt, and reads back the same", () => {
    const a = { campaignId: "c1", seq: 17, attempt: 2 };
    expect(callbackData(a)).toBe("owc:c1:17:2");
    expect(sentAttemptOf(callbackData(a))).toEqual(a);
  });
  it("is not a campaign's when it has another shape", () => {
    expect(sentAttemptOf(undefined)).toBeNull();
    expect(sentAttemptOf("order:77")).toBeNull();
    expect(sentAttemptOf("owc:c1:17")).toBeNull();
    expect(sentAttemptOf("owc:c1:x:2")).toBeNull();
  });
});
