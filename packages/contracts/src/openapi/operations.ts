import { ANYONE } from "./components";
import { anyJson, bytes, group, obj, ok, oneOfValues, str, time, type RouteDocs } from "./shapes";

// What an operator and a browser reach without signing in: health, metrics, this document and the
// built web console (packages/server/src/operations.ts, console-files.ts, openapi/).

const health = group("Operations", ANYONE, {
  "GET /health": {
    summary: "Liveness and database reachability",
    responses: {
      200: ok(obj({ status: oneOfValues("ok"), database: oneOfValues("sqlite", "postgres"), time })),
      503: ok(
        obj({ status: oneOfValues("unavailable"), database: oneOfValues("sqlite", "postgres"), error: str() }),
        "The database does not answer",
      ),
    },
  },
  "GET /metrics": {
    summary: "Prometheus metrics",
    responses: { 200: { description: "Prometheus text format", content: { "text/plain": { schema: str() } } } },
  },
  "GET /openapi.json": {
    summary: "This document: every route the server registers",
    responses: { 200: ok(anyJson("An OpenAPI 3.1 document")) },
  },
});

const console = group("Console", ANYONE, {
  "GET /": {
    summary: "The web console's page",
    responses: {
      200: { description: "index.html", content: { "text/html": { schema: str() } } },
      503: { description: "The console is not built (npm install builds it)" },
    },
  },
  "GET /assets/{path}": {
    summary: "The console's hashed, immutable files",
    responses: {
      200: bytes("application/octet-stream", "The file, with its own Content-Type"),
      404: { description: "No such file" },
    },
  },
});

/** Operations and the console's files. */
export const operationsRoutes: RouteDocs = { ...health, ...console };
