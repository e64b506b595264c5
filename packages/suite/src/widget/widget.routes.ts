import type { FastifyInstance, FastifyRequest } from "fastify";
import { requireUser } from "../auth/sessions";
import { parseBody } from "../errors";
import type { Suite } from "../suite";
import { saveWidget } from "./commands/save-widget";
import { embedScript } from "./widget-script.route";
import { widgetRequest } from "@openwaba/contracts/suite";
import { WIDGET_DEFAULTS, loadWidget, presentWidget, previewWidgetConfig } from "./widget-settings";

/** Where this server is, as the browser reached it: the snippet points the shop's pages here. */
const serverBase = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** The website chat widget's settings (admins and supervisors): read, preview before saving, and save as a whole. */
export function registerWidgetRoutes(app: FastifyInstance, suite: Suite): void {
  app.get("/suite/api/settings/widget", async (req, reply) => {
    const { user } = await requireUser(suite, req, "widget.manage");
    const w = await loadWidget(suite.db, user.tenant_id);
    return reply.send({ widget: w ? presentWidget(w, serverBase(req)) : null, defaults: WIDGET_DEFAULTS });
  });

  // The script as these settings would make it, for the console's preview while they are edited (nothing is saved).
  app.post("/suite/api/settings/widget/preview", async (req, reply) => {
    const { user } = await requireUser(suite, req, "widget.manage");
    const config = previewWidgetConfig(parseBody(widgetRequest, req.body), await loadWidget(suite.db, user.tenant_id));
    return reply.send({ script: config ? embedScript(config) : null });
  });

  app.put("/suite/api/settings/widget", async (req, reply) => {
    const { user } = await requireUser(suite, req, "widget.manage");
    const w = await saveWidget(suite, { tenantId: user.tenant_id, input: parseBody(widgetRequest, req.body) });
    return reply.send({ widget: presentWidget(w, serverBase(req)) });
  });
}
