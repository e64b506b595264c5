// Cloud API refusals that pass: throughput and pair rate, a number in maintenance, outages, rate
// limits. Whatever sends (a bot, a campaign) tries these again later; any other refusal is final.
export const TRANSIENT_GRAPH_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056, 131057, 133004]);
