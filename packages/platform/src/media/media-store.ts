import { GraphError } from "@openwaba/contracts";
import type { Readable } from "node:stream";
import { Transform } from "node:stream";
import type { Platform } from "../platform";
import { graphId } from "../ids";
import { TooLarge } from "./blobs/blob-store";
import { mediaLimit, normaliseMime } from "./media-rules";
import { contentMatchesMime } from "./sniff";

export interface MediaRecord {
  id: string;
  mime_type: string;
  sha256: string;
  file_size: number;
  filename: string | null;
}

/** Watches the first bytes go by and fails the stream if they contradict the declared type. */
function sniffer(mime: string): Transform {
  let head = Buffer.alloc(0);
  let checked = false;
  return new Transform({
    transform(chunk: Buffer, _e, done) {
      if (!checked) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= 12) {
          checked = true;
          if (!contentMatchesMime(mime, head))
            return done(new GraphError(131053, `The file's content does not match its type ${mime}.`));
        }
      }
      done(null, chunk);
    },
  });
}

/**
 * Streams a file into the blob store and records it, checking the type and the type's size limit
 * on the way; nothing is kept when a check fails.
 */
export async function storeMedia(
  platform: Platform,
  o: {
    wabaId: string;
    phoneNumberId: string | null;
    mime: string;
    filename?: string | null;
    source: Readable;
    origin: "upload" | "inbound" | "link";
    ttlMs: number;
    /** The media id, when it was promised before the bytes came (a resumable upload session). */
    id?: string;
  },
): Promise<MediaRecord> {
  const mime = normaliseMime(o.mime);
  const limit = mediaLimit(mime);
  if (!limit) {
    o.source.resume();
    throw new GraphError(
      131053,
      `Media type ${mime || "(none)"} is not supported. Supported types: see the media reference.`,
    );
  }
  let blob: Awaited<ReturnType<typeof platform.blobs.put>>;
  try {
    blob = await platform.blobs.put(o.source.pipe(sniffer(mime)), limit.maxBytes);
  } catch (err) {
    if (err instanceof TooLarge)
      throw new GraphError(131053, `The file is larger than the ${limit.maxBytes} bytes allowed for ${mime}.`);
    throw err;
  }
  if (blob.size === 0) {
    await platform.blobs.remove(blob.key);
    throw new GraphError(131053, "The file is empty.");
  }
  const now = platform.clock.now();
  const record = {
    id: o.id ?? graphId(),
    mime_type: mime,
    sha256: blob.sha256,
    file_size: blob.size,
    filename: o.filename ?? null,
  };
  try {
    await platform.db
      .insertInto("media")
      .values({
        ...record,
        waba_id: o.wabaId,
        phone_number_id: o.phoneNumberId,
        blob_key: blob.key,
        origin: o.origin,
        created_at: now,
        expires_at: now + o.ttlMs,
      })
      .execute();
  } catch (err) {
    await platform.blobs.remove(blob.key);
    throw err;
  }
  return record;
}
