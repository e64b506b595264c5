// A campaign's pace (pure): the n-th message of a run never goes before start + n/mps seconds, and
// no second holds more than the pace, however late a timer fires.

/** How many more sends may go now, `elapsedMs` into a run that has sent `dispatched` at `mps` a second. */
export const paced = (elapsedMs: number, mps: number, dispatched: number): number =>
  Math.floor((elapsedMs * mps) / 1000) + 1 - dispatched;

/** How long until the next send's turn (at least 1 ms, at most a second: the loop looks around meanwhile). */
export const nextTurnIn = (elapsedMs: number, mps: number, dispatched: number): number =>
  Math.min(1000, Math.max(1, ((dispatched + 1) * 1000) / mps - elapsedMs));

/** Past this many a second only the pacing keeps the pace (counting each send would cost more than it saves). */
const COUNTED_UP_TO = 5000;

/**
 * The last second's sends, on the clock their send times are recorded with: however late a timer
 * fires, no window of one second ever holds more than the pace. Past 5,000 a second, pacing alone.
 */
export class SlidingSecond {
  private times: number[] = [];
  constructor(private readonly mps: () => number) {}

  /** How many more may go at `now`. */
  room(now: number): number {
    // At least one: a pace below one a second (max_mps from 0.1) is kept by the pacing alone.
    const cap = Math.max(1, Math.floor(this.mps()));
    if (cap > COUNTED_UP_TO) return Infinity;
    while (this.times.length && now - this.times[0]! >= 1000) this.times.shift();
    return Math.max(0, cap - this.times.length);
  }

  /** A send went at `at`. */
  note(at: number): void {
    if (this.mps() <= COUNTED_UP_TO) this.times.push(at);
  }
}
