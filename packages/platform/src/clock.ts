/** Every rule reads time from a Clock, so tests and the simulator can travel in time. */
export interface Clock {
  now(): number;
}

/** Wall time plus an offset that only grows (POST /simulator/clock/advance). */
export class TravellingClock implements Clock {
  constructor(
    private offsetMs = 0,
    private readonly wall: () => number = Date.now,
  ) {}
  now(): number {
    return this.wall() + this.offsetMs;
  }
  get offset(): number {
    return this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
