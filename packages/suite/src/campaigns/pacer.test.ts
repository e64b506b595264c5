import { describe, expect, it } from "vitest";
import { SlidingSecond, nextTurnIn, paced } from "./pacer";

describe("a campaign's pace", () => {
  it("lets the n-th send go at start + n/mps seconds, not before", () => {
    expect(paced(0, 10, 0)).toBe(1);
    expect(paced(99, 10, 1)).toBe(0);
    expect(paced(100, 10, 1)).toBe(1);
    // A late timer catches up with what was due meanwhile, never more.
    expect(paced(1000, 10, 1)).toBe(10);
    expect(paced(1000, 10, 11)).toBe(0);
  });
  it("waits until the next send's turn, between a millisecond and a second", () => {
    expect(nextTurnIn(0, 10, 1)).toBe(200);
    expect(nextTurnIn(150, 10, 1)).toBe(50);
    expect(nextTurnIn(500, 10, 1)).toBe(1);
    expect(nextTurnIn(0, 0.1, 1)).toBe(1000);
  });
});

describe("the last second's sends", () => {
  it("holds no more than the pace in any second, and frees room as sends age out", () => {
    const w = new SlidingSecond(() => 3);
    for (const at of [0, 10, 20]) w.note(at);
    expect(w.room(500)).toBe(0);
    expect(w.room(999)).toBe(0);
    expect(w.room(1000)).toBe(1);
    expect(w.room(1020)).toBe(3);
  });
  it("always has room for one below a send a second, and stops counting past 5,000 a second", () => {
    const slow = new SlidingSecond(() => 0.2);
    expect(slow.room(0)).toBe(1);
    slow.note(0);
    expect(slow.room(10)).toBe(0);
    const fast = new SlidingSecond(() => 6000);
    fast.note(0);
    expect(fast.room(0)).toBe(Infinity);
  });
  it("follows a pace that changes (the number's throughput is looked up again)", () => {
    let mps = 1;
    const w = new SlidingSecond(() => mps);
    w.note(0);
    expect(w.room(100)).toBe(0);
    mps = 4;
    expect(w.room(100)).toBe(3);
  });
});
