import type { FastifyInstance } from "fastify";
import { GraphError } from "@openwaba/contracts";
import type { Platform } from "../platform";
import { registerAppRoute } from "./app.route";
import { registerAppSubscriptionRoutes } from "./app-subscriptions.route";
import { registerBusinessProfileRoutes } from "./business-profile.route";
import { registerDeadLetterRoutes } from "./dead-letters.route";
import { registerWebhookDeliveryRoutes } from "./webhook-deliveries.route";
import { registerMessageStatusRoutes } from "./message-status.route";
import { registerConsentRoutes } from "./consents.route";
import { registerBillingRoutes } from "./billing.route";
import { registerMessagingLimitRoutes } from "./messaging-limits.route";
import { registerQrCodeRoutes } from "./qr-codes.route";
import { registerGraphErrors } from "./graph-errors";
import { GRAPH_VERSION } from "./graph-request";
import { registerMediaDownloadRoute } from "./media-download.route";
import { registerMediaUploadRoute } from "./media-upload.route";
import { registerMessagesRoute } from "./messages.route";
import { registerMessageTemplateRoutes } from "./message-templates.route";
import { registerNodeRoutes } from "./node.route";
import { registerPhoneNumbersRoute } from "./phone-numbers.route";
import { registerSubscribedAppsRoutes } from "./subscribed-apps.route";
import { registerUploadRoutes } from "./uploads.route";

/** The Graph surface: every route under /vNN.N/, Meta's errors, plus the media byte URL. */
export function registerGraph(app: FastifyInstance, platform: Platform): void {
  registerGraphErrors(app, platform);
  app.addHook("preHandler", async (req) => {
    const v = (req.params as { version?: string } | undefined)?.version;
    if (v !== undefined && req.routeOptions.url?.startsWith("/:version") && !GRAPH_VERSION.test(v)) {
      throw new GraphError(2500, undefined, { message: `Unknown path components: /${v}` });
    }
  });
  app.setNotFoundHandler((req, reply) => {
    const e = new GraphError(2500, undefined, {
      message: `Unknown path components: ${req.url.split("?")[0]}`,
      http: 404,
    });
    return reply.code(/^\/v\d/.test(req.url) ? 400 : 404).send(e.toEnvelope(req.id));
  });
  registerMessagesRoute(app, platform);
  registerMediaUploadRoute(app, platform);
  registerMediaDownloadRoute(app, platform);
  registerUploadRoutes(app, platform);
  registerAppRoute(app, platform);
  registerNodeRoutes(app, platform);
  registerPhoneNumbersRoute(app, platform);
  registerBusinessProfileRoutes(app, platform);
  registerAppSubscriptionRoutes(app, platform);
  registerSubscribedAppsRoutes(app, platform);
  registerDeadLetterRoutes(app, platform);
  registerWebhookDeliveryRoutes(app, platform);
  registerMessageStatusRoutes(app, platform);
  registerMessageTemplateRoutes(app, platform);
  registerConsentRoutes(app, platform);
  registerBillingRoutes(app, platform);
  registerMessagingLimitRoutes(app, platform);
  registerQrCodeRoutes(app, platform);
}
