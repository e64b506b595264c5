import type { Estimate } from "@openwaba/contracts/suite";
import { countryName, money, paceWords, recipientsWord, when } from "../campaigns/campaign-words";
import { LeftOut } from "./LeftOut";

/** Before sending: who it reaches and who is left out, what it costs by country, how long it takes and why. */
export function EstimatePanel({
  estimate,
  busy,
  maxMps,
  localTime,
  onEstimate,
}: {
  estimate: Estimate | null;
  busy: boolean;
  maxMps?: number;
  localTime: boolean;
  onEstimate: () => void;
}) {
  return (
    <section className="estimate" aria-label="Estimate" aria-busy={busy}>
      <h2>
        Estimate{" "}
        <button type="button" onClick={onEstimate} disabled={busy}>
          {busy ? "Estimating…" : estimate ? "Estimate again" : "Estimate now"}
        </button>
      </h2>
      {!estimate ? (
        <p className="muted">
          Choose a template and an audience to see who it reaches, what it costs and how long it takes.
        </p>
      ) : (
        <>
          <p className="estimate-reach">
            <strong data-estimate="recipients">{recipientsWord(estimate.recipients)}</strong>{" "}
            <span className="muted">({estimate.category.toLowerCase()} template)</span>
          </p>
          <LeftOut excluded={estimate.excluded} />
          <table aria-label="Cost by country">
            <thead>
              <tr>
                <th>Country</th>
                <th>Recipients</th>
                <th>Cost</th>
              </tr>
            </thead>
            <tbody>
              {estimate.cost.by_country.map((c) => (
                <tr key={c.country}>
                  <td>{countryName(c.country)}</td>
                  <td>{c.recipients.toLocaleString()}</td>
                  <td>{money(c.total, estimate.cost.currency)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th>Total</th>
                <th>{estimate.recipients.toLocaleString()}</th>
                <th data-estimate="cost">{money(estimate.cost.total, estimate.cost.currency)}</th>
              </tr>
            </tfoot>
          </table>
          <p className="muted">
            Charged when delivered, at the rate card's prices
            {estimate.category === "UTILITY" ? "; free for customers whose service window is open" : ""}.
          </p>
          <h3>How long it takes</h3>
          <ul className="pace">
            {paceWords(estimate.pace, maxMps).map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          {localTime ? (
            <p>Each contact gets it at the chosen time in their own zone, so the last zone decides when it ends.</p>
          ) : (
            <p>
              Finishes around <strong>{when(estimate.pace.finishes_at)}</strong>.
            </p>
          )}
        </>
      )}
    </section>
  );
}
