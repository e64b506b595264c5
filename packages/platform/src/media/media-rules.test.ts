import { describe, expect, it } from "vitest";
import { mediaLimit, mimeFitsType } from "./media-rules";

describe("media rules", () => {
  it("knows Meta's types and their size limits", () => {
    expect(mediaLimit("image/jpeg")?.maxBytes).toBe(5 * 1024 * 1024);
    expect(mediaLimit("IMAGE/PNG; charset=binary")?.kind).toBe("image");
    expect(mediaLimit("image/webp")?.maxBytes).toBe(500 * 1024);
    expect(mediaLimit("application/pdf")?.maxBytes).toBe(100 * 1024 * 1024);
    expect(mediaLimit("image/gif")).toBeNull();
    expect(mediaLimit("application/zip")).toBeNull();
  });
  it("matches a message type to the media it may carry", () => {
    expect(mimeFitsType("image", "image/png")).toBe(true);
    expect(mimeFitsType("image", "video/mp4")).toBe(false);
    expect(mimeFitsType("sticker", "image/webp")).toBe(true);
    expect(mimeFitsType("sticker", "image/png")).toBe(false);
    expect(mimeFitsType("document", "image/png")).toBe(true);
    expect(mimeFitsType("audio", "audio/ogg")).toBe(true);
    expect(mimeFitsType("video", "audio/ogg")).toBe(false);
  });
});
