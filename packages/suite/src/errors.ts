import type { FastifyInstance } from "fastify";
import { z } from "zod";

/**
 * The suite API's own error envelope (README "Suite API"): `{error: {code, message, field?}}`
 * with an HTTP status; `code` is a stable word a console can switch on.
 */
export class SuiteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) =>
  new SuiteError(404, "not_found", `${what} does not exist or is not yours to see.`);
export const forbidden = (why = "Your role may not do this.") => new SuiteError(403, "forbidden", why);

/** Parses a body or query with zod; the first problem becomes a 400 naming its field. */
export function parseBody<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue.path.join(".");
  const words = plainWords(issue);
  throw new SuiteError(400, "invalid_request", field ? `${field}: ${words}` : words, field ? { field } : {});
}

/** Zod's words for the limits a person meets ("Too big: expected string to have <=4096 characters") in plain ones. */
function plainWords(issue: z.core.$ZodIssue): string {
  const i = issue as {
    code: string;
    origin?: string;
    maximum?: number | bigint;
    minimum?: number | bigint;
    message: string;
  };
  if (i.origin === "string" && i.code === "too_big") return `at most ${i.maximum} characters (this has more)`;
  if (i.origin === "string" && i.code === "too_small")
    return Number(i.minimum) <= 1 ? "must not be empty" : `at least ${i.minimum} characters`;
  if (i.origin === "array" && i.code === "too_big") return `at most ${i.maximum} items`;
  return issue.message;
}

/** Every error under the suite's routes answers in the suite's envelope; a 500 is logged as the bug it is. */
export function registerSuiteErrors(scope: FastifyInstance): void {
  scope.setErrorHandler((err: any, req, reply) => {
    if (err instanceof SuiteError) {
      if (err.extra.retryAfterS) void reply.header("retry-after", String(err.extra.retryAfterS));
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...err.extra } });
    }
    const status = Number(err.statusCode ?? err.http ?? 500);
    if (status >= 400 && status < 500) {
      return reply.code(status).send({
        error: {
          code: status === 413 ? "too_large" : status === 415 ? "unsupported_media_type" : "invalid_request",
          message: err.details ?? err.message,
        },
      });
    }
    req.log.error({ err }, "suite request failed");
    return reply
      .code(500)
      .send({ error: { code: "internal", message: "Something went wrong on our side; it was logged." } });
  });
  // Unknown suite API paths answer in the suite's envelope too (more specific routes win).
  scope.all("/suite/api/*", async (req) => {
    throw new SuiteError(404, "not_found", `No suite route ${req.method} ${req.url.split("?")[0]}.`);
  });
}
