import type { FastifyInstance } from "fastify";
import { requireUser } from "../auth/sessions";
import type { Suite } from "../suite";
import { canSeeConversation as canSee, type Viewer } from "../auth/policies";
import { teamIdsOf } from "../inbox/visible-conversation";

const HEARTBEAT_MS = 15_000;

/**
 * GET /suite/api/stream: Server-Sent Events of the tenant's changes the user may see. Each event
 * carries its sequence number as `id`; a console that reconnects sends `Last-Event-ID` (browsers
 * do) or `?after=` and gets everything it missed, once, in order, before anything new.
 */
export function registerStreamRoute(app: FastifyInstance, suite: Suite): void {
  app.get<{ Querystring: { after?: string } }>("/suite/api/stream", async (req, reply) => {
    const { user } = await requireUser(suite, req);
    // Team membership can change while a stream is open: read it again before each batch.
    const viewer: Viewer = { id: user.id, role: user.role, teamIds: await teamIdsOf(suite.db, user.id) };
    const resume = Number(req.headers["last-event-id"] ?? req.query.after);
    const latest = await latestSeq(suite, user.tenant_id);
    // A position from another life of the store (larger than anything here) starts from now.
    let last = Number.isInteger(resume) && resume >= 0 ? Math.min(resume, latest) : latest;

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    res.write(`retry: 1000\n: connected at ${last}\n\n`);

    let running = false,
      again = false,
      closed = false;
    const pump = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          viewer.teamIds = await teamIdsOf(suite.db, user.id);
          const rows = await suite.feed.since(user.tenant_id, last);
          let out = "";
          for (const r of rows) {
            last = r.seq;
            if (!canSee(viewer, { team_id: r.team_id, assignee_id: r.payload.assignee_id })) continue;
            out += `id: ${r.seq}\nevent: ${r.kind}\ndata: ${JSON.stringify({ ...r.payload, conversation_id: r.conversation_id, at: r.at })}\n\n`;
          }
          if (out) res.write(out);
          if (rows.length === 500) again = true;
        } while (again && !closed);
      } catch (err) {
        suite.log.warn({ err }, "realtime stream read failed");
      } finally {
        running = false;
      }
    };
    const offNotify = suite.bus.onNotify(() => void pump());
    const offSignal = suite.bus.onSignal((e) => {
      if (e.tenant_id !== user.tenant_id || !canSee(viewer, { team_id: e.team_id })) return;
      res.write(`event: ${e.kind}\ndata: ${JSON.stringify({ ...e.payload, conversation_id: e.conversation_id })}\n\n`);
    });
    const beat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
    const offClose = suite.bus.onClose(() => res.end());
    const close = () => {
      closed = true;
      offNotify();
      offSignal();
      offClose();
      clearInterval(beat);
    };
    res.on("close", close);
    void pump();
  });
}

async function latestSeq(suite: Suite, tenantId: string): Promise<number> {
  const r = await suite.db
    .selectFrom("suite_events")
    .select((e) => e.fn.max("seq").as("m"))
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}
