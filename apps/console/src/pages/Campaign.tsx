import { useCallback, useEffect, useState } from "react";
import { api } from "../api";
import { go } from "../route";
import type { Campaign } from "@openwaba/contracts/suite";
import { LIVE_STATES } from "../campaigns/live-states";
import { when } from "../campaigns/campaign-words";
import { CampaignDefinition } from "../components/CampaignDefinition";
import { CampaignProgress } from "../components/CampaignProgress";
import { CampaignStateBadge } from "../components/CampaignStateBadge";
import { RecipientTable } from "../components/RecipientTable";

const POLL_MS = 1000;

/** One campaign (#/campaigns/<id>): followed every second while it is scheduled or running; pause, resume, cancel; its recipients. */
export function CampaignPage({ id }: { id: string }) {
  const [c, setC] = useState<Campaign | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api<Campaign>("GET", `/suite/api/campaigns/${id}`)
        .then(setC)
        .catch((e) => setError(e.message)),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const live = !!c && LIVE_STATES.includes(c.state);
  useEffect(() => {
    if (!live) return;
    const t = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(t);
  }, [live, load]);

  const act = async (verb: "pause" | "resume" | "cancel") => {
    if (verb === "cancel" && !window.confirm("Cancel this campaign? What has not gone yet will not be sent.")) return;
    setError(null);
    try {
      setC(await api<Campaign>("POST", `/suite/api/campaigns/${id}/${verb}`));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const remove = async () => {
    if (!window.confirm("Delete this campaign and its recipients' statuses?")) return;
    try {
      await api("DELETE", `/suite/api/campaigns/${id}`);
      go("campaigns");
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (!c)
    return (
      <div className="page">
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : (
          "Loading…"
        )}
      </div>
    );

  return (
    <div className="page campaign">
      <p>
        <a href="#/campaigns">← All campaigns</a>
      </p>
      <h1>
        {c.name} <CampaignStateBadge state={c.state} />
      </h1>
      <div className="toolbar">
        <span className="muted">
          Created {when(c.created_at)}
          {c.started_at && ` · started ${when(c.started_at)}`}
          {c.completed_at && ` · ${c.state === "cancelled" ? "cancelled" : "completed"} ${when(c.completed_at)}`}
        </span>
        <span className="spacer" />
        {/* Statuses and replies keep coming after the last send; the page follows by itself only while sending. */}
        {!live && c.progress && (
          <button type="button" onClick={() => void load()}>
            Refresh
          </button>
        )}
        {c.state === "draft" && (
          <a className="button" href={`#/campaigns/${id}/edit`}>
            Edit and send
          </a>
        )}
        {(c.state === "scheduled" || c.state === "running") && (
          <button type="button" onClick={() => void act("pause")}>
            Pause
          </button>
        )}
        {c.state === "paused" && (
          <button type="button" onClick={() => void act("resume")}>
            Resume
          </button>
        )}
        {["scheduled", "running", "paused"].includes(c.state) && (
          <button type="button" onClick={() => void act("cancel")}>
            Cancel
          </button>
        )}
        {["draft", "completed", "cancelled"].includes(c.state) && (
          <button type="button" onClick={() => void remove()}>
            Delete
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {c.progress ? (
        <CampaignProgress campaign={c} progress={c.progress} />
      ) : (
        <p className="muted">A draft: nothing is sent until you send it.</p>
      )}
      {c.progress && <RecipientTable campaignId={id} progress={c.progress} />}
      <CampaignDefinition campaign={c} />
    </div>
  );
}
