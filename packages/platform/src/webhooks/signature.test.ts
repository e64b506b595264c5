import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "./signature";

describe("webhook signature", () => {
  it("verifies the body it signed and refuses any other body or secret", () => {
    const body = '{"object":"whatsapp_business_account"}';
    const sig = signBody(body, "s3cret");
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(body, "s3cret", sig)).toBe(true);
    expect(verifySignature(body + " ", "s3cret", sig)).toBe(false);
    expect(verifySignature(body, "other", sig)).toBe(false);
    expect(verifySignature(body, "s3cret", undefined)).toBe(false);
    expect(verifySignature(body, "s3cret", "sha256=abcd")).toBe(false);
  });
});
