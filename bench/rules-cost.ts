import { TARGETS } from "./report";
import type { ThroughputResult } from "./send-throughput";
import { ratio } from "./stats";

/** What the send path's rules cost: the same saturation load with OPENWABA_RULES=on and =off. */
export interface RulesCost {
  rulesOnAcceptedPerS: number;
  rulesOffAcceptedPerS: number;
  /** Accepted/s with rules on divided by accepted/s with rules off. */
  ratioOnToOff: number | null;
  target: string;
  met: boolean | null;
}

export function rulesCost(on: ThroughputResult, off: ThroughputResult): RulesCost {
  const r = ratio(on.acceptedPerS, off.acceptedPerS);
  return {
    rulesOnAcceptedPerS: on.acceptedPerS,
    rulesOffAcceptedPerS: off.acceptedPerS,
    ratioOnToOff: r,
    target: `on/off >= ${TARGETS.rulesOnToOffThroughput} (the rules cost at most 1/5 of throughput)`,
    met: r == null ? null : r >= TARGETS.rulesOnToOffThroughput,
  };
}
