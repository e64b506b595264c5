import { describe, expect, it } from "vitest";
import { type Worker, WorkerRegistry } from "./worker-registry";

function worker(name: string, log: string[], busyMs = 0): Worker {
  return {
    name,
    start: () => void log.push(`start ${name}`),
    wake: () => void log.push(`wake ${name}`),
    stop: async () => {
      log.push(`stopping ${name}`);
      await new Promise((r) => setTimeout(r, busyMs));
      log.push(`stopped ${name}`);
    },
  };
}

describe("worker registry", () => {
  it("starts each worker once, wakes by name, and stops the last group first once its work in hand is done", async () => {
    const log: string[] = [];
    const r = new WorkerRegistry();
    r.add("platform", worker("network", log), worker("webhook", log));
    r.start();
    r.add("suite", worker("suite-flows", log, 20));
    r.start();
    r.wake("webhook");
    r.wakeAll("suite");
    await r.stop();
    expect(log).toEqual([
      "start network",
      "start webhook",
      "start suite-flows",
      "wake webhook",
      "wake suite-flows",
      "stopping suite-flows",
      "stopped suite-flows",
      "stopping network",
      "stopping webhook",
      "stopped network",
      "stopped webhook",
    ]);
  });

  it("stops one group and leaves the others running; a stopped worker is not stopped twice", async () => {
    const log: string[] = [];
    const r = new WorkerRegistry();
    r.add("platform", worker("network", log));
    r.add("suite", worker("suite-faq-bot", log));
    r.start();
    await r.stop("suite");
    await r.stop();
    expect(log.filter((l) => l.startsWith("stopped"))).toEqual(["stopped suite-faq-bot", "stopped network"]);
  });
});
