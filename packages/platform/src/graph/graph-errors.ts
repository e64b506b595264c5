import type { FastifyError, FastifyInstance } from "fastify";
import { GraphError } from "@openwaba/contracts";
import type { Platform } from "../platform";

/**
 * The one place errors become HTTP answers: GraphError → Meta's envelope and status; Fastify's own
 * client errors (body too large, bad content type) → Graph code 100; anything else is a bug → 500
 * with Meta's unknown-error envelope, logged.
 */
export function registerGraphErrors(app: FastifyInstance, platform: Platform): void {
  app.setErrorHandler((err: FastifyError | GraphError, req, reply) => {
    let ge: GraphError;
    if (err instanceof GraphError) ge = err;
    else if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE")
      ge = new GraphError(100, `The request body is larger than ${platform.config.bodyLimitBytes} bytes.`, {
        http: 413,
      });
    else if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE")
      ge = new GraphError(
        100,
        `Content-Type ${req.headers["content-type"] ?? "(none)"} is not supported here; send application/json.`,
        { http: 415 },
      );
    else if (err.code === "FST_ERR_CTP_EMPTY_JSON_BODY") ge = new GraphError(100, "The request body is empty.");
    else if (typeof err.statusCode === "number" && err.statusCode >= 400 && err.statusCode < 500)
      ge = new GraphError(100, err.message, { http: err.statusCode });
    else {
      req.log.error({ err }, "unhandled error");
      ge = new GraphError(1, "An unknown error occurred", { message: "An unknown error occurred", http: 500 });
    }
    if (ge.headers) reply.headers(ge.headers);
    if (ge.code !== 1 && req.routeOptions.url?.endsWith("/messages"))
      platform.metrics.sendsRefused.inc({ code: String(ge.code) });
    return reply.code(ge.http).type("application/json").send(ge.toEnvelope(req.id));
  });
}
