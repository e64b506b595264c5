import { GraphError } from "@openwaba/contracts";
import type { OutboundResponse } from "@openwaba/store";
import type { Platform } from "../platform";
import { storeMedia } from "./media-store";
import { UPLOADED_MEDIA_TTL_MS, mediaTypeMismatch, mimeFitsType, normaliseMime } from "./media-rules";

const CACHE_MS = 10 * 60 * 1000;

/**
 * Media sent by `link` is fetched by the platform, as Meta fetches it, and cached 10 minutes per
 * exact URL (§2). A failure is Meta's 131053, reported on the message's failed status.
 */
export class LinkMediaFetcher {
  private cache = new Map<string, { id: string; mime: string; at: number }>();
  constructor(
    private readonly platform: Platform,
    private readonly timeoutMs = 20_000,
  ) {}

  async fetch(wabaId: string, phoneNumberId: string, type: string, link: string): Promise<string> {
    const now = this.platform.clock.now();
    const key = `${wabaId}|${link}`;
    const hit = this.cache.get(key);
    if (hit && now - hit.at < CACHE_MS) return this.fitting(type, hit);
    let res: OutboundResponse;
    try {
      res = await this.platform.http.request({ url: link, timeoutMs: this.timeoutMs, redirect: "follow" });
    } catch (err) {
      throw new GraphError(131053, `Media download from ${link} failed: ${(err as Error).message}`);
    }
    const body = res.ok ? res.stream() : null;
    if (!body) throw new GraphError(131053, `Media download from ${link} failed with HTTP ${res.status}.`);
    const mime = normaliseMime(res.headers.get("content-type") ?? "") || guessMime(type, link);
    const name = decodeURIComponent(new URL(link).pathname.split("/").pop() || "") || null;
    const stored = await storeMedia(this.platform, {
      wabaId,
      phoneNumberId,
      mime,
      filename: name,
      source: body,
      origin: "link",
      ttlMs: UPLOADED_MEDIA_TTL_MS,
    });
    const entry = { id: stored.id, mime: stored.mime_type, at: now };
    this.cache.set(key, entry);
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
    return this.fitting(type, entry);
  }

  private fitting(type: string, media: { id: string; mime: string }): string {
    if (!mimeFitsType(type, media.mime)) throw new GraphError(131053, mediaTypeMismatch(type, media.mime));
    return media.id;
  }
}

const BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  pdf: "application/pdf",
  mp4: "video/mp4",
  ogg: "audio/ogg",
  mp3: "audio/mpeg",
  txt: "text/plain",
};
function guessMime(_type: string, link: string): string {
  const ext = new URL(link).pathname.split(".").pop()?.toLowerCase() ?? "";
  return BY_EXTENSION[ext] ?? "application/octet-stream";
}
