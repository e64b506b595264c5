import type { Exclusion } from "@openwaba/contracts/suite";
import { EXCLUSION_WORDS } from "../campaigns/campaign-words";

/** Who a campaign leaves out, and why (consent, opt-outs, duplicates, numbers that are not numbers). */
export function LeftOut({ excluded }: { excluded: Record<Exclusion, number> }) {
  const reasons = (Object.keys(EXCLUSION_WORDS) as Exclusion[]).filter((k) => excluded[k] > 0);
  if (!reasons.length) return <p className="muted">Nobody is left out.</p>;
  const total = reasons.reduce((n, k) => n + excluded[k], 0);
  return (
    <div className="left-out" aria-label="Left out">
      <strong>{total.toLocaleString()} left out:</strong>
      <ul>
        {reasons.map((k) => (
          <li key={k} data-reason={k}>
            {excluded[k].toLocaleString()} {EXCLUSION_WORDS[k]}
          </li>
        ))}
      </ul>
    </div>
  );
}
