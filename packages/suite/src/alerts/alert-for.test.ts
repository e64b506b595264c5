import { describe, expect, it } from "vitest";
import { alertFor } from "./alert-for";

describe("alerts from the Cloud API's account webhooks", () => {
  it("makes a flagged number critical and a recovered one informative", () => {
    expect(
      alertFor("phone_number_quality_update", { display_phone_number: "15550001111", event: "FLAGGED" }),
    ).toMatchObject({ severity: "critical", title: "Number 15550001111 is flagged: its quality is low" });
    expect(
      alertFor("phone_number_quality_update", { display_phone_number: "15550001111", event: "UNFLAGGED" })?.severity,
    ).toBe("info");
  });
  it("warns of paused and rejected templates", () => {
    expect(
      alertFor("message_template_status_update", {
        event: "PAUSED",
        message_template_name: "promo",
        message_template_language: "en_US",
      }),
    ).toMatchObject({ severity: "warning", title: "Template promo (en_US) is paused for low quality" });
    expect(
      alertFor("message_template_status_update", {
        event: "REJECTED",
        reason: "INVALID_FORMAT",
        message_template_name: "x",
        message_template_language: "pl",
      })?.title,
    ).toContain("INVALID_FORMAT");
  });
  it("ignores fields that are not account news", () => {
    expect(alertFor("messages", {})).toBeNull();
  });
});
