import type { FastifyInstance } from "fastify";
import { GraphError } from "@openwaba/contracts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * JSON bodies: strict UTF-8 (Node would silently replace bad bytes), size-limited, and every
 * failure a Graph 4xx that says what is wrong. Form-encoded bodies are read as Graph reads them.
 */
export function registerJsonBody(app: FastifyInstance, bodyLimit: number): void {
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser("application/json", { parseAs: "buffer", bodyLimit }, (req, buf: Buffer, done) => {
    // Kept for receivers that check a signature over the exact bytes (the suite's webhooks).
    (req as { rawBody?: Buffer }).rawBody = buf;
    let text: string;
    try { text = utf8.decode(buf); } catch { return done(new GraphError(100, "The request body is not valid UTF-8."), undefined); }
    if (text.trim() === "") return done(null, {});
    try { done(null, JSON.parse(text)); } catch (e) {
      done(new GraphError(100, `The request body is not valid JSON: ${(e as Error).message}`), undefined);
    }
  });
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit }, (_req, body: string, done) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(body)) {
      // Graph accepts JSON-encoded objects in form fields (e.g. text={"body":"hi"}).
      try { out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v; } catch { out[k] = v; }
    }
    done(null, out);
  });
}
