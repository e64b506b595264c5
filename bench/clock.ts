/**
 * Milliseconds on the kernel's monotonic clock (process.hrtime is CLOCK_MONOTONIC on Linux). The
 * clock is system-wide, so readings taken in the bench process and in the receiver child process
 * can be subtracted from each other.
 */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
