// Magic bytes of the types whose content we can recognise from the first bytes: a file whose
// bytes say another type than its declared MIME type is refused like Meta does (131053).
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/webp": (b) => b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP",
  "application/pdf": (b) => b.toString("latin1", 0, 5) === "%PDF-",
  "audio/ogg": (b) => b.toString("latin1", 0, 4) === "OggS",
  "video/mp4": (b) => b.toString("latin1", 4, 8) === "ftyp",
  "video/3gpp": (b) => b.toString("latin1", 4, 8) === "ftyp",
  "audio/mp4": (b) => b.toString("latin1", 4, 8) === "ftyp",
};

/** False only when we know the type's signature and the bytes lack it. */
export function contentMatchesMime(mime: string, head: Buffer): boolean {
  const check = MAGIC[mime];
  return !check || head.length < 12 || check(head);
}
