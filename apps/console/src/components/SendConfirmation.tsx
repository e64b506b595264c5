import { useEffect, useRef } from "react";
import type { CampaignSchedule, Estimate } from "@openwaba/contracts/suite";
import { money, recipientsWord, scheduleWords } from "../campaigns/campaign-words";

/** The last look before sending: how many it reaches and what it costs, now that the audience is about to be fixed. */
export function SendConfirmation({
  name,
  estimate,
  schedule,
  busy,
  onConfirm,
  onClose,
}: {
  name: string;
  estimate: Estimate;
  schedule: CampaignSchedule;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} className="confirm" aria-labelledby="confirm-title" onClose={onClose}>
      <h2 id="confirm-title">Send “{name}”?</h2>
      <p>
        It goes to <strong data-confirm="recipients">{recipientsWord(estimate.recipients)}</strong> and costs about{" "}
        <strong data-confirm="cost">{money(estimate.cost.total, estimate.cost.currency)}</strong>.
      </p>
      <p className="muted">
        {scheduleWords(schedule)}. The audience is fixed when you send: contacts added later do not get it.
      </p>
      <div className="actions">
        <button type="button" onClick={() => ref.current?.close()}>
          Back
        </button>
        <button type="submit" onClick={onConfirm} disabled={busy || estimate.recipients === 0}>
          {schedule.type === "now" ? "Send now" : "Schedule"}
        </button>
      </div>
    </dialog>
  );
}
