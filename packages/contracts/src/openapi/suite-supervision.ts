import { alertList } from "../suite/alerts";
import { SUITE_READ, SUITE_WRITE, suiteErrors, suiteDone, FOR_LEADS } from "./components";
import {
  fromAnswer,
  arr,
  int,
  map,
  nullable,
  num,
  obj,
  ok,
  oneOfValues,
  query,
  str,
  suiteGroup,
  time,
  type RouteDocs,
} from "./shapes";

// Supervision: the live queues, reports, alerts and the realtime stream (packages/suite/src/reports,
// alerts, realtime).

const reportRow = obj({
  key: str("The day, agent or team"),
  conversations: int(),
  resolved: int(),
  first_response_median_s: nullable(num),
  first_response_avg_s: nullable(num),
  resolution_median_s: nullable(num),
  csat_avg: nullable(num),
  csat_count: int(),
});
const queue = { waiting: int(), open: int(), oldest_waiting_s: nullable(int()) };

const supervision = suiteGroup("Suite supervision", SUITE_READ, SUITE_WRITE, {
  "GET /suite/api/reports/live": {
    summary: `The queues and agents now${FOR_LEADS}`,
    responses: {
      200: ok(
        obj({
          at: time,
          queues: arr(obj({ team_id: nullable(str()), name: str(), ...queue })),
          agents: arr(
            obj({
              id: str(),
              name: str(),
              availability: str(),
              capacity: int(),
              role: str(),
              open: int(),
              awaiting_first_response: int(),
            }),
          ),
        }),
      ),
      ...suiteErrors,
    },
  },
  "GET /suite/api/reports": {
    summary: `Volume, response times, CSAT, messages and cost over days${FOR_LEADS}`,
    parameters: [
      query("range", oneOfValues("today", "7d", "30d")),
      query("from", str(), "YYYY-MM-DD, in the tenant's time zone"),
      query("to", str(), "YYYY-MM-DD, in the tenant's time zone"),
      query("group", oneOfValues("day", "agent", "team")),
      query("format", oneOfValues("json", "csv")),
    ],
    responses: {
      200: {
        description: "The report (CSV with format=csv: one row a group)",
        content: {
          "application/json": {
            schema: obj({
              from: time,
              to: time,
              range: obj({ preset: nullable(str()), from_day: str(), to_day: str(), days: int(), time_zone: str() }),
              group: str(),
              rows: arr(reportRow),
              messages_by_status: map(int()),
              cost: nullable(arr(obj({ currency: nullable(str()), by_category: map(num) }))),
            }),
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
