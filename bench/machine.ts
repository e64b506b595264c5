import { cpus, loadavg, release, totalmem } from "node:os";

/** What the numbers were measured on. Load averages show how busy the machine was otherwise. */
export function machineInfo() {
  const c = cpus();
  return {
    cpuModel: c[0]?.model ?? "unknown",
    cores: c.length,
    node: process.version,
    platform: `${process.platform} ${release()}`,
    totalMemMb: Math.round(totalmem() / 1024 / 1024),
    loadavg: loadavg().map((v) => Math.round(v * 100) / 100),
  };
}
