import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import type { FastifyInstance } from "fastify";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

/** The root of the built console (apps/console/dist), made by `npm install`. */
export const CONSOLE_DIR = new URL("../../../apps/console/dist/", import.meta.url).pathname;

/**
 * Serves the built web console: "/" is its page (routes live after the #, so they never meet the
 * Graph paths), "/assets/…" its hashed, immutable files.
 */
export function registerConsoleFiles(app: FastifyInstance, dir = CONSOLE_DIR): void {
  app.get("/", async (_req, reply) => {
    const index = join(dir, "index.html");
    if (!existsSync(index))
      return reply
        .code(503)
        .type("text/plain")
        .send("The console is not built: run npm install (or npm run build:console).");
    return reply.type(TYPES[".html"]).header("cache-control", "no-cache").send(createReadStream(index));
  });
  app.get<{ Params: { "*": string } }>("/assets/*", async (req, reply) => {
    const rel = normalize(req.params["*"]).replace(/^(\.\.(\/|\\|$))+/, "");
    const file = join(dir, "assets", rel);
    if (!file.startsWith(join(dir, "assets")) || !existsSync(file) || !statSync(file).isFile())
      return reply.code(404).type("text/plain").send("Not found");
    return reply
      .type(TYPES[extname(file)] ?? "application/octet-stream")
      .header("cache-control", "public, max-age=31536000, immutable")
      .send(createReadStream(file));
  });
}
