import { describe, expect, it } from "vitest";
import { optInMessage, widgetRequest } from "@openwaba/contracts/suite";
import { inkOn } from "./widget-settings";

describe("widget settings", () => {
  it("writes on the brand colour in whichever of white or near-black contrasts more", () => {
    expect(inkOn("#25d366")).toBe("#111111"); // WhatsApp's light green: white would be 1.98:1
    expect(inkOn("#075e54")).toBe("#ffffff");
    expect(inkOn("#ffffff")).toBe("#111111");
    expect(inkOn("#000000")).toBe("#ffffff");
  });

  it("makes the opt-in code's message from the message and the opt-in text, and fills in defaults", () => {
    expect(optInMessage("Hello!", "Send me offers")).toBe("Hello!\n✓ Send me offers");
    expect(
      widgetRequest.parse({
        prefilled_message: " Hello! ",
        brand_color: "#0B5FFF",
        allowed_origins: ["https://Shop.Example/"],
      }),
    ).toMatchObject({
      prefilled_message: "Hello!",
      brand_color: "#0b5fff",
      allowed_origins: ["https://shop.example"],
      enabled: true,
      position: "bottom-right",
      opt_in_text: "Send me offers on WhatsApp",
    });
  });
});
