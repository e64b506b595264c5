import type { CampaignDraft } from "../campaigns/campaign-draft";
import { FieldError, type FieldProblem } from "./FieldError";

const ZONES = Intl.supportedValuesOf("timeZone");

/** When it goes: now, at a date and time, or at a wall-clock time in each contact's own zone. */
export function ScheduleFields({
  draft,
  problem,
  onChange,
}: {
  draft: CampaignDraft;
  problem: FieldProblem | null;
  onChange: (d: Partial<CampaignDraft>) => void;
}) {
  const kind = (type: CampaignDraft["schedule"], label: string) => (
    <label className="check">
      <input
        type="radio"
        name="schedule"
        checked={draft.schedule === type}
        onChange={() => onChange({ schedule: type })}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="schedule">
      <legend>When</legend>
      <div className="inline" role="radiogroup" aria-label="When">
        {kind("now", "Now")}
        {kind("at", "At a date and time")}
        {kind("local_time", "At a time in each contact's zone")}
      </div>
      {draft.schedule === "at" && (
        <label>
          Date and time
          <input type="datetime-local" value={draft.at} onChange={(e) => onChange({ at: e.target.value })} required />
        </label>
      )}
      {draft.schedule === "local_time" && (
        <div className="inline">
          <label>
            Date
            <input type="date" value={draft.date} onChange={(e) => onChange({ date: e.target.value })} required />
          </label>
          <label>
            Time
            <input type="time" value={draft.time} onChange={(e) => onChange({ time: e.target.value })} required />
          </label>
          <label>
            Zone when unknown
            <input
              list="campaign-zones"
              value={draft.fallback_timezone}
              onChange={(e) => onChange({ fallback_timezone: e.target.value })}
              placeholder="the business's zone"
            />
          </label>
          <datalist id="campaign-zones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </div>
      )}
      {draft.schedule === "local_time" && (
        <p className="muted">
          A contact's zone is theirs when recorded, else their number's country's; contacts whose time has passed get it
          at that time the next day.
        </p>
      )}
      <FieldError problem={problem} at="schedule" />
    </fieldset>
  );
}
