import type { FastifyInstance, FastifyRequest } from "fastify";
import { requireUser } from "../auth/sessions";
import { parseBody } from "../errors";
import type { Suite } from "../suite";
import { saveWidget } from "./save-widget";
import { WIDGET_DEFAULTS, loadWidget, presentWidget, widgetInput } from "./widget-settings";

/** Where this server is, as the browser reached it: the snippet points the shop's pages here. */
const serverBase = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** The website chat widget's settings (admins and supervisors): read, and save as a whole. */
export function registerWidgetRoutes(app: FastifyInstance, suite: Suite): void {
  app.get("/suite/api/settings/widget", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    const w = await loadWidget(suite.db, user.tenant_id);
    return reply.send({ widget: w ? presentWidget(w, serverBase(req)) : null, defaults: WIDGET_DEFAULTS });
  });

  app.put("/suite/api/settings/widget", async (req, reply) => {
    const { user } = await requireUser(suite, req, ["admin", "supervisor"]);
    const w = await saveWidget(suite, user.tenant_id, parseBody(widgetInput, req.body));
    return reply.send({ widget: presentWidget(w, serverBase(req)) });
  });
}
