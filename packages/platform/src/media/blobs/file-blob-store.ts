import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { TooLarge, type BlobStore, type StoredBlob } from "./blob-store";

/** Media files under one directory, two hex characters of the key per folder; written to tmp/ first, then renamed. */
export class FileBlobStore implements BlobStore {
  constructor(private readonly dir: string) {
    mkdirSync(join(dir, "tmp"), { recursive: true });
  }

  private path(key: string) {
    return join(this.dir, key.slice(0, 2), key);
  }

  async put(source: Readable, maxBytes: number): Promise<StoredBlob> {
    const key = randomBytes(16).toString("hex");
    const tmp = join(this.dir, "tmp", key);
    const hash = createHash("sha256");
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new TooLarge(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const out = createWriteStream(tmp);
    try {
      await pipeline(source, meter, out);
    } catch (err) {
      // A refusal can come before the file is even opened: wait for the stream to close (the
      // file then exists) so that the removal cannot run ahead of its creation.
      if (!out.closed) await new Promise<void>((r) => out.once("close", () => r()));
      await rm(tmp, { force: true });
      throw err;
    }
    mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
    await rename(tmp, this.path(key));
    return { key, size, sha256: hash.digest("base64") };
  }

  read(key: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.path(key), range);
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await stat(this.path(key))).size;
    } catch {
      return null;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
