import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Suite } from "../suite";
import { publicWidgetConfig, widgetByPublicId } from "./widget-settings";

/** The browser code: a function expression; each widget's script calls it with its settings. */
const EMBED = readFileSync(new URL("./widget-embed.js", import.meta.url), "utf8").trim();

/** JSON that is also safe inside a script: no `</script>` and no line separators. */
const scriptJson = (v: unknown) =>
  JSON.stringify(v)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/** The script a widget's id names, with its settings in it. */
export async function widgetScript(suite: Suite, file: string): Promise<{ status: number; body: string }> {
  const id = /^([A-Za-z0-9_-]{16,64})\.js$/.exec(file)?.[1];
  const w = id ? await widgetByPublicId(suite.db, id) : undefined;
  // Never the asked-for name in the body: it is text from anyone, and this is a script.
  if (!w) return { status: 404, body: "/* No such OpenWABA chat widget. */\n" };
  const config = publicWidgetConfig(w);
  if (!config) return { status: 200, body: "/* This OpenWABA chat widget is switched off. */\n" };
  return { status: 200, body: embedScript(config) };
}

/** The browser code called with a widget's settings (the public script, and the console's preview). */
export const embedScript = (config: object): string => `${EMBED}(${scriptJson(config)});\n`;

function sendScript(req: FastifyRequest, reply: FastifyReply, s: { status: number; body: string }) {
  void reply
    .type("text/javascript; charset=utf-8")
    .header("x-content-type-options", "nosniff")
    // Shops' pages load it from another origin, including pages that demand CORP.
    .header("cross-origin-resource-policy", "cross-origin");
  if (s.status !== 200) return reply.code(s.status).header("cache-control", "no-cache").send(s.body);
  const etag = `"${createHash("sha1").update(s.body).digest("base64url").slice(0, 22)}"`;
  // Five minutes in browsers and CDNs: a changed setting reaches every page by then; revalidation is a 304.
  void reply.header("cache-control", "public, max-age=300").header("etag", etag);
  if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) return reply.code(304).send();
  return reply.send(s.body);
}

/** Public, no session: GET /widget/{public_id}.js, the snippet a shop pastes into its pages. */
export function registerWidgetScriptRoute(app: FastifyInstance, suite: Suite): void {
  app.get<{ Params: { file: string } }>("/widget/:file", async (req, reply) =>
    sendScript(req, reply, await widgetScript(suite, req.params.file)),
  );
}
