import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PRIORITY_WEIGHTS,
  type Judgement,
  type PriorityFlow,
  type PriorityWeights,
  prioritise,
  priorityOf,
  volumePoints,
  WeightsAllZeroError,
} from "./priority-score.ts";

const flow = (over: Partial<PriorityFlow> = {}): PriorityFlow => ({
  id: "f1",
  name: "Beslut om bygglov",
  annualVolume: 10_000,
  processChange: null,
  serviceImprovement: null,
  priorityOverride: null,
  priorityMotivation: "",
  ...over,
});

const judgement = fc.constantFrom<Judgement | null>(null, 1, 2, 3, 4, 5);
const weight = fc.integer({ min: 0, max: 100 });
const weights = fc
  .record({ volume: weight, processChange: weight, serviceImprovement: weight })
  .filter((w) => w.volume + w.processChange + w.serviceImprovement > 0);
const arbitraryFlow = fc.record({
  id: fc.uuid(),
  name: fc.string({ maxLength: 20 }),
  annualVolume: fc.integer({ min: 0, max: 1_000_000_000 }),
  processChange: judgement,
  serviceImprovement: judgement,
  priorityOverride: fc.option(fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100)),
  priorityMotivation: fc.constant("Motiverat"),
});

describe("volumePoints", () => {
  it("gives 0 at 100 letters a year, 100 at a million, 25 points per tenfold, and 0 for no letters", () => {
    expect(volumePoints(0)).toBe(0);
    expect(volumePoints(1)).toBe(0);
    expect(volumePoints(100)).toBe(0);
    expect(volumePoints(1_000)).toBeCloseTo(25, 10);
    expect(volumePoints(10_000)).toBeCloseTo(50, 10);
    expect(volumePoints(1_000_000)).toBe(100);
    expect(volumePoints(1_000_000_000)).toBe(100);
  });
});

describe("priorityOf", () => {
  it("scores the weighted mean of the criteria's points, with each step shown", () => {
    const p = priorityOf(flow({ annualVolume: 10_000, processChange: 2, serviceImprovement: 5 }));
    // volume 50 · 50 + process change 75 · 25 + service 100 · 25, over 100
    expect(p.criteria).toEqual([
      { key: "volume", value: 10_000, points: 50, weight: 50, contribution: 25, judged: true },
      { key: "processChange", value: 2, points: 75, weight: 25, contribution: 18.8, judged: true },
      { key: "serviceImprovement", value: 5, points: 100, weight: 25, contribution: 25, judged: true },
    ]);
    expect(p.computedScore).toBe(68.8);
    expect(p.effectiveScore).toBe(68.8);
    expect(p.override).toBeNull();
  });

  it("counts an unjudged criterion as the midpoint and marks it", () => {
    const p = priorityOf(flow({ annualVolume: 100 }));
    expect(p.criteria.map((c) => [c.key, c.points, c.judged])).toEqual([
      ["volume", 0, true],
      ["processChange", 50, false],
      ["serviceImprovement", 50, false],
    ]);
    expect(p.computedScore).toBe(25);
  });

  it("lets the team's override replace the computed score, which it still shows", () => {
    const p = priorityOf(flow({ annualVolume: 1_000_000, priorityOverride: 12.5, priorityMotivation: "Lagkrav 2027" }));
    expect(p.computedScore).toBe(75);
    expect(p.effectiveScore).toBe(12.5);
    expect(p.motivation).toBe("Lagkrav 2027");
  });

  it("refuses weights that are all zero or outside 0–100", () => {
    expect(() => priorityOf(flow(), { volume: 0, processChange: 0, serviceImprovement: 0 })).toThrow(WeightsAllZeroError);
    expect(() => prioritise([flow()], { volume: 0, processChange: 0, serviceImprovement: 0 })).toThrow(WeightsAllZeroError);
    expect(() => priorityOf(flow(), { volume: 101, processChange: 0, serviceImprovement: 0 })).toThrow(RangeError);
    expect(() => priorityOf(flow(), { volume: -1, processChange: 5, serviceImprovement: 0 })).toThrow(RangeError);
  });

  it("uses only the criteria with weight: volume alone gives the volume's points", () => {
    const w: PriorityWeights = { volume: 10, processChange: 0, serviceImprovement: 0 };
    expect(priorityOf(flow({ annualVolume: 1_000, processChange: 1, serviceImprovement: 5 }), w).computedScore).toBe(25);
  });

  it("keeps every score within 0–100 and the contributions adding up to it", () => {
    fc.assert(
      fc.property(arbitraryFlow, weights, (f, w) => {
        const p = priorityOf(f, w);
        expect(p.computedScore).toBeGreaterThanOrEqual(0);
        expect(p.computedScore).toBeLessThanOrEqual(100);
        const sum = p.criteria.reduce((s, c) => s + c.contribution, 0);
        // Each contribution is shown to one decimal: three roundings of at most 0.05 each.
        expect(Math.abs(sum - p.computedScore)).toBeLessThanOrEqual(0.2);
      }),
    );
  });

  it("never lowers the computed score when the annual volume grows (monotonic in volume)", () => {
    fc.assert(
      fc.property(arbitraryFlow, weights, fc.integer({ min: 0, max: 1_000_000_000 }), (f, w, more) => {
        const larger = { ...f, annualVolume: Math.min(1_000_000_000, f.annualVolume + more) };
        expect(priorityOf(larger, w).computedScore).toBeGreaterThanOrEqual(priorityOf(f, w).computedScore);
      }),
    );
  });

  it("always takes the override as the effective score when there is one", () => {
    fc.assert(
      fc.property(arbitraryFlow, weights, (f, w) => {
        const p = priorityOf(f, w);
        expect(p.effectiveScore).toBe(f.priorityOverride ?? p.computedScore);
      }),
    );
  });
});

describe("prioritise", () => {
  it("orders by effective score, then annual volume, then name, and ranks from 1", () => {
    const ranked = prioritise([
      flow({ id: "a", name: "Öppettider", annualVolume: 1_000 }),
      flow({ id: "b", name: "Kallelse", annualVolume: 1_000_000 }),
      flow({ id: "c", name: "Avgifter", annualVolume: 1_000, priorityOverride: 90, priorityMotivation: "Politiskt prioriterat" }),
      flow({ id: "d", name: "Beslut", annualVolume: 1_000 }),
      flow({ id: "e", name: "Ärende", annualVolume: 999, processChange: 3, serviceImprovement: 3 }),
    ]);
    expect(ranked.map((p) => [p.rank, p.flowId])).toEqual([
      [1, "c"],
      [2, "b"],
      // The three score 37.5 alike: the larger volume first, then the name (Ö sorts last in Swedish).
      [3, "d"],
      [4, "a"],
      [5, "e"],
    ]);
  });

  it("gives the same order whatever order the flows come in (stable and total)", () => {
    fc.assert(
      fc.property(fc.array(arbitraryFlow, { maxLength: 12 }), weights, fc.integer(), (flows, w, seed) => {
        const shuffled = [...flows].sort((a, b) => ((a.id.charCodeAt(0) * seed) % 7) - ((b.id.charCodeAt(0) * seed) % 7));
        const ids = (list: readonly PriorityFlow[]) => prioritise(list, w).map((p) => p.flowId);
        expect(ids(shuffled)).toEqual(ids(flows));
        const ranked = prioritise(flows, w);
        expect(ranked.map((p) => p.rank)).toEqual(flows.map((_, i) => i + 1));
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i - 1]!.effectiveScore).toBeGreaterThanOrEqual(ranked[i]!.effectiveScore);
        }
      }),
    );
  });

  it("ranks by the default weights when none are given", () => {
    expect(prioritise([flow()])[0]?.criteria.map((c) => c.weight)).toEqual([
      DEFAULT_PRIORITY_WEIGHTS.volume,
      DEFAULT_PRIORITY_WEIGHTS.processChange,
      DEFAULT_PRIORITY_WEIGHTS.serviceImprovement,
    ]);
  });
});
