import { readFileSync } from "node:fs";

/** A field of /proc/<pid>/status in MB (VmRSS: resident now, VmHWM: peak resident), or null. */
export function procStatusMb(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** Samples VmRSS of a process every `everyMs` and keeps the largest value seen. */
export function sampleRss(pid: number, everyMs = 200) {
  let max: number | null = null;
  let samples = 0;
  const take = () => {
    const v = procStatusMb(pid, "VmRSS");
    if (v != null) {
      samples++;
      if (max == null || v > max) max = v;
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    get maxMb() {
      return max;
    },
    get samples() {
      return samples;
    },
    stop() {
      take();
      clearInterval(timer);
    },
  };
}

/** CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat, or null. */
export function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8")
      .replace(/^.*\) /s, "")
      .split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100/s) ticks
  } catch {
    return null;
  }
}

/** Starts a CPU meter for a process; `stop()` gives its CPU use in % of one core since the start. */
export function cpuMeter(pid: number, now: () => number) {
  const c0 = cpuSeconds(pid),
    t0 = now();
  return () => {
    const c1 = cpuSeconds(pid),
      wallS = (now() - t0) / 1000;
    return c0 == null || c1 == null || wallS <= 0 ? null : Math.round(((c1 - c0) / wallS) * 100);
  };
}
