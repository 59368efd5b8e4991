import { describe, expect, it } from "vitest";
import { RefusalBudget } from "./refusal-budget.ts";

describe("the budget of refusals recorded per environment and minute", () => {
  it("lets the first ones through, stops at the limit, and starts again the next minute", () => {
    const budget = new RefusalBudget(3);
    const at = new Date("2026-11-27T10:00:10Z");
    expect([1, 2, 3, 4, 5].map(() => budget.take("env-a", at))).toEqual([true, true, true, false, false]);
    expect(budget.take("env-b", at)).toBe(true);
    expect(budget.take(null, at)).toBe(true);
    expect(budget.take("env-a", new Date("2026-11-27T10:00:59Z"))).toBe(false);
    expect(budget.take("env-a", new Date("2026-11-27T10:01:00Z"))).toBe(true);
  });
});
