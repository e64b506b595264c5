import type { Readable } from "node:stream";

export interface StoredBlob {
  key: string;
  size: number;
  sha256: string;
}

/**
 * Where media bytes live. An interface because they are files under the data dir today
 * (file-blob-store.ts); several nodes will share a store every node reaches (an S3 bucket).
 */
export interface BlobStore {
  /** Streams `source` in, hashing as it goes; rejects with TooLarge past `maxBytes` and keeps nothing. */
  put(source: Readable, maxBytes: number): Promise<StoredBlob>;
  read(key: string, range?: { start: number; end: number }): Readable;
  size(key: string): Promise<number | null>;
  remove(key: string): Promise<void>;
}

export class TooLarge extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}
