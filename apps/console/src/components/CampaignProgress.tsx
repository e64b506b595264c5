import { type Campaign, type Progress, recipientState } from "@openwaba/contracts/suite";
import { RECIPIENT_WORDS, money, percent, when } from "../campaigns/campaign-words";
import { BarChart } from "./BarChart";
import { LeftOut } from "./LeftOut";
import { ProgressBar } from "./ProgressBar";

/** How a sent campaign is going: sent of recipients, outcomes and their rates, cost, pace, when it ends, and why it waits. */
export function CampaignProgress({ campaign, progress: p }: { campaign: Campaign; progress: Progress }) {
  const live = campaign.state === "running" || campaign.state === "scheduled";
  const card = (label: string, value: string, sub?: string) => (
    <div className="card" data-metric={label.toLowerCase()}>
      <span className="muted">{label}</span>
      <strong>{value}</strong>
      {sub && <span className="muted">{sub}</span>}
    </div>
  );
  return (
    <section className="campaign-progress" aria-label="Progress">
      {live && p.held && (
        <p className="notice warn-notice" role="status" data-notice="held">
          Held until <strong>{when(p.held.until)}</strong> because: {p.held.reason ?? "the messaging limit is reached"}.
          The rest goes once customers reached earlier stop counting against the limit.
        </p>
      )}
      {campaign.state === "paused" && (
        <p className="notice warn-notice" role="status" data-notice="paused">
          Paused{campaign.note ? `: ${campaign.note}` : ""}. Nothing more is sent until it is resumed.
        </p>
      )}
      <ProgressBar value={p.sent} max={p.recipients} label="Sent" />
      <div className="cards">
        {card("Delivered", p.delivered.toLocaleString(), percent(p.rates.delivered))}
        {card("Read", p.read.toLocaleString(), percent(p.rates.read))}
        {card("Replied", p.replied.toLocaleString(), percent(p.rates.replied))}
        {card("Failed", p.failed.toLocaleString(), percent(p.rates.failed))}
        {card("Opted out", p.opted_out.toLocaleString(), percent(p.rates.opted_out))}
        {card("Cost", money(p.cost.total, p.cost.currency), "of what was delivered")}
        {live && card("Pace", `${p.pace.mps_last_10s} msg/s`, "in the last 10 s")}
        {live && card("Ends", p.pace.eta ? when(p.pace.eta) : "—", `${p.waiting.toLocaleString()} to go`)}
      </div>
      <div className="charts">
        <BarChart
          title="Recipients by state"
          rows={recipientState.options
            .filter((s) => p.by_state[s] > 0 || ["sent", "delivered", "read", "failed"].includes(s))
            .map((s) => ({ label: RECIPIENT_WORDS[s], value: p.by_state[s] }))}
        />
        {campaign.totals && (
          <div className="chart">
            <strong>When it was sent</strong>
            <p>{campaign.totals.recipients.toLocaleString()} recipients.</p>
            <LeftOut excluded={campaign.totals.excluded} />
          </div>
        )}
      </div>
    </section>
  );
}
