import { describe, expect, it } from "vitest";
import { LocalWakeups } from "./local-wakeups";

describe("wake-ups within one process", () => {
  it("reach every listener of the queue woken, and no other queue's", () => {
    const w = new LocalWakeups();
    const heard: string[] = [];
    w.onWake("network", () => heard.push("network 1"));
    w.onWake("network", () => heard.push("network 2"));
    w.onWake("webhook", () => heard.push("webhook"));
    w.wake("network");
    expect(heard).toEqual(["network 1", "network 2"]);
  });
  it("stop reaching a listener once it stops listening, even a second one of the same queue", () => {
    const w = new LocalWakeups();
    let first = 0,
      second = 0;
    const stopFirst = w.onWake("flows", () => first++);
    const stopSecond = w.onWake("flows", () => second++);
    w.wake("flows");
    stopFirst();
    w.wake("flows");
    stopSecond();
    w.wake("flows");
    expect([first, second]).toEqual([1, 2]);
  });
  it("are no error for a queue nobody listens to", () => {
    expect(() => new LocalWakeups().wake("nobody")).not.toThrow();
  });
});
