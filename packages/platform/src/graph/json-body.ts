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
    try {
      text = utf8.decode(buf);
    } catch {
      return done(new GraphError(100, "The request body is not valid UTF-8."), undefined);
    }
    if (text.trim() === "") return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch (e) {
      done(new GraphError(100, `The request body is not valid JSON: ${(e as Error).message}`), undefined);
    }
  });
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit },
    (_req, body: string, done) => {
      // `curl -d '{…}'` without a content type sends JSON as a form: say so, rather than miss every field.
      if (/^\s*[[{]/.test(body) && isJson(body)) {
        return done(
          new GraphError(
            100,
            "The body is JSON but its Content-Type is application/x-www-form-urlencoded: send it with the header Content-Type: application/json (curl: -H 'content-type: application/json').",
          ),
          undefined,
        );
      }
      const out: Record<string, unknown> = {};
      for (const [k, v] of new URLSearchParams(body)) {
        // Graph accepts JSON-encoded objects in form fields (e.g. text={"body":"hi"}).
        try {
          out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
        } catch {
          out[k] = v;
        }
      }
      done(null, out);
    },
  );
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
