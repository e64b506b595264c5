import { alertList } from "../suite/alerts";
import { liveReport, report, reportQuery } from "../suite/reports";
import { SUITE_READ, SUITE_WRITE, suiteErrors, suiteDone, FOR_LEADS } from "./components";
import { fromAnswer, int, ok, query, queryFrom, str, suiteGroup, type RouteDocs } from "./shapes";

// Supervision: the live queues, reports, alerts and the realtime stream (packages/suite/src/reports,
// alerts, realtime).

const supervision = suiteGroup("Suite supervision", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/reports/live": {
    summary: `The queues and agents now${FOR_LEADS}`,
    responses: {
      200: ok(fromAnswer(liveReport)),
      ...suiteErrors,
    },
  },
  "GET /suite/api/reports": {
    summary: `Volume, response times, CSAT, messages and cost over days${FOR_LEADS}`,
    parameters: queryFrom(reportQuery),
    responses: {
      200: {
        description: "The report (CSV with format=csv: one row a group)",
        content: {
          "application/json": {
            schema: fromAnswer(report),
          },
          "text/csv": { schema: str() },
        },
      },
      ...suiteErrors,
    },
  },
  "GET /suite/api/alerts": {
    summary: `The latest alerts from the Cloud API (quality, limits, templates…)${FOR_LEADS}`,
    responses: {
      200: ok(fromAnswer(alertList)),
      ...suiteErrors,
    },
  },
  "POST /suite/api/alerts/read": {
    summary: `Mark every alert read${FOR_LEADS}`,
    responses: { 200: suiteDone, ...suiteErrors },
  },
  "GET /suite/api/stream": {
    summary: "Server-Sent Events of the tenant's changes the user may see",
    description:
      "Each event has its sequence number as id; reconnect with Last-Event-ID or ?after= to get what was missed.",
    parameters: [query("after", int(), "The last sequence number seen")],
    responses: {
      200: {
        description: "An event stream: event is the change's kind, data its JSON",
        content: { "text/event-stream": { schema: str() } },
      },
      ...suiteErrors,
    },
  },
});

/** Reports, alerts and the stream. */
export const suiteSupervisionRoutes: RouteDocs = supervision;
