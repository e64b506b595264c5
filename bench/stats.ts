export interface Summary {
  count: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

/** Exact nearest-rank percentiles (ms) of every sample, no histogram bucketing. */
export function summarize(samples: number[]): Summary {
  if (samples.length === 0) return { count: 0, p50: null, p99: null, max: null, mean: null };
  const s = Float64Array.from(samples).sort();
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  const round = (v: number) => Math.round(v * 100) / 100;
  let sum = 0;
  for (const v of s) sum += v;
  return {
    count: s.length,
    p50: round(at(50)),
    p99: round(at(99)),
    max: round(s[s.length - 1]),
    mean: round(sum / s.length),
  };
}

/** a / b rounded to 3 decimals, or null when either is missing or b is 0. */
export const ratio = (a: number | null, b: number | null) =>
  a == null || b == null || b === 0 ? null : Math.round((a / b) * 1000) / 1000;
