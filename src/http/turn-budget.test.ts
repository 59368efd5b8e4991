import { describe, expect, it } from "vitest";
import { createTurnBudget } from "./turn-budget.ts";

/**
 * A hand-driven event loop: `clock` is the time, `checkPhase()` runs what was scheduled after the
 * I/O of the turn that ends (what is scheduled while it runs waits for the next one).
 */
function loop() {
  let clock = 0;
  let scheduled: (() => void)[] = [];
  return {
    now: () => clock,
    afterIo: (callback: () => void) => {
      scheduled.push(callback);
    },
    work(ms: number) {
      clock += ms;
    },
    async checkPhase() {
      const due = scheduled;
      scheduled = [];
      for (const callback of due) {
        callback();
        // Node drains the microtasks after each immediate: the released request's work runs here.
        await Promise.resolve();
        await Promise.resolve();
      }
    },
  };
}

/** Admits a request that does `ms` of synchronous work once it starts; records the order of starts. */
function request(budget: ReturnType<typeof createTurnBudget>, l: ReturnType<typeof loop>, ms: number, started: string[], name: string) {
  const wait = budget.admit();
  const run = () => {
    started.push(name);
    l.work(ms);
  };
  if (wait === null) run();
  else void wait.then(run);
  return wait === null ? "now" : "waits";
}

describe("turn budget", () => {
  it("starts every request at once while the turn has budget left", () => {
    const l = loop();
    const budget = createTurnBudget({ budgetMs: 10, now: l.now, afterIo: l.afterIo });
    const started: string[] = [];
    expect(["a", "b", "c"].map((n) => request(budget, l, 3, started, n))).toEqual(["now", "now", "now"]);
    expect(started).toEqual(["a", "b", "c"]);
    expect(budget.waiting).toBe(0);
  });

  it("the first request of a turn always starts, however long it runs", () => {
    const l = loop();
    const budget = createTurnBudget({ budgetMs: 10, now: l.now, afterIo: l.afterIo });
    const started: string[] = [];
    expect(request(budget, l, 50, started, "slow")).toBe("now");
    expect(started).toEqual(["slow"]);
  });

  it("past the budget, requests wait and start in arrival order, a turn's worth at a time", async () => {
    const l = loop();
    const budget = createTurnBudget({ budgetMs: 10, now: l.now, afterIo: l.afterIo });
    const started: string[] = [];
    const answers = ["a", "b", "c", "d", "e", "f", "g"].map((n) => request(budget, l, 4, started, n));
    // a, b, c take 12 ms: the budget is spent after c, so d to g wait.
    expect(answers).toEqual(["now", "now", "now", "waits", "waits", "waits", "waits"]);
    expect(budget.waiting).toBe(4);

    await l.checkPhase(); // the turn ends; the next one serves d, e, f (12 ms), g waits again
    expect(started).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(budget.waiting).toBe(1);

    // A newcomer in the next turn's I/O waits behind g, though nothing has run in this turn yet.
    expect(request(budget, l, 4, started, "h")).toBe("waits");
    await l.checkPhase();
    expect(started).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(budget.waiting).toBe(0);
  });

  it("once the queue is empty and a fresh turn begins, requests start at once again", async () => {
    const l = loop();
    const budget = createTurnBudget({ budgetMs: 10, now: l.now, afterIo: l.afterIo });
    const started: string[] = [];
    request(budget, l, 11, started, "a");
    expect(request(budget, l, 1, started, "b")).toBe("waits");
    await l.checkPhase();
    await l.checkPhase();
    expect(started).toEqual(["a", "b"]);
    await l.checkPhase(); // b's turn ends
    expect(request(budget, l, 1, started, "c")).toBe("now");
  });
});
