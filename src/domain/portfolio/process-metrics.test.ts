import { describe, expect, it } from "vitest";
import { methodV12 } from "../../method/v1.2/index.ts";
import { type InitiativeTimeline, processMetrics, quantile, spread } from "./process-metrics.ts";

const timeline = (createdOn: string, decisions: [string, "go" | "rework" | "go_with_conditions", string][]): InitiativeTimeline => ({
  createdOn,
  milestones: methodV12.milestones.map((m) => {
    const d = decisions.find(([n]) => n === m.numeral);
    return { numeral: m.numeral, status: d ? d[1] : "not_decided", decidedOn: d ? d[2] : null };
  }),
});

describe("lead times per phase", () => {
  it("measures each phase from the milestone before it (phase 1 from the start) to the decision that passes its own", () => {
    const metrics = processMetrics(
      methodV12,
      [
        timeline("2026-01-01", [
          ["I", "go", "2026-01-31"],
          ["II", "go_with_conditions", "2026-03-02"],
        ]),
        timeline("2026-02-01", [["I", "go", "2026-02-11"]]),
        // Reworked at I: still in phase 1.
        timeline("2026-05-01", [["I", "rework", "2026-05-20"]]),
      ],
      "2026-06-30",
    );
    expect(metrics[0]).toMatchObject({ phase: 1, milestone: "I", completed: { count: 2, median: 20, q1: 15, q3: 25 } });
    expect(metrics[0]?.inProgress).toEqual({ count: 1, median: 60, q1: 60, q3: 60 });
    expect(metrics[1]).toMatchObject({ phase: 2, milestone: "II", completed: { count: 1, median: 30 } });
    expect(metrics[1]?.inProgress).toMatchObject({ count: 1, median: 139 });
    expect(metrics[2]?.inProgress).toMatchObject({ count: 1, median: 120 });
    expect(metrics[7]?.completed).toEqual({ count: 0, median: null, q1: null, q3: null });
  });

  it("interpolates quartiles between neighbours", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10], 0.25)).toBe(10);
    expect(quantile([], 0.5)).toBeNull();
    expect(spread([5, 1, 3])).toEqual({ count: 3, median: 3, q1: 2, q3: 4 });
  });
});
