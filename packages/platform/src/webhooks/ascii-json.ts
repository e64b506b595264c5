// Meta's webhook bodies are pure ASCII (cloud-api-reference.md §5, "Body bytes"): every UTF-16
// code unit above 0x7E becomes a lowercase \uXXXX escape and "/" becomes "\/". We sign exactly
// these bytes, so clients that re-escape before checking the HMAC agree with us.
const NEEDS_ESCAPE = /[\u007f-\uffff/]/g;

export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NEEDS_ESCAPE, (ch) =>
    ch === "/" ? "\\/" : "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0"),
  );
}
