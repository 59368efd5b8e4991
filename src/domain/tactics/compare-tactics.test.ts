import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ComparedAlternative, compareTactics, fiveYearCost } from "./compare-tactics.ts";

const alternative = (over: Partial<ComparedAlternative> & { id: string }): ComparedAlternative => ({
  tactic: "formedlare",
  name: over.id,
  oneOffCostSek: 0,
  annualCostSek: 0,
  leadTimeMonths: null,
  flowIds: [],
  ...over,
});

const flows = [
  { id: "bygglov", name: "Beslut om bygglov", annualVolume: 12_000 },
  { id: "kallelse", name: "Kallelse", annualVolume: 3_000 },
];
const digitalByFlow = new Map([
  ["bygglov", 40_000],
  ["kallelse", 10_000],
]);

describe("compareTactics", () => {
  it("gives each alternative its five-year cost, lead time, flows, digital messages and cost per message", () => {
    const { alternatives, baselineId } = compareTactics({
      alternatives: [
        alternative({
          id: "egen",
          tactic: "egen_integration",
          oneOffCostSek: 400_000,
          annualCostSek: 50_000,
          leadTimeMonths: 9,
          flowIds: ["bygglov", "kallelse"],
        }),
      ],
      flows,
      digitalByFlow,
    });
    expect(baselineId).toBeNull();
    expect(alternatives).toEqual([
      {
        alternativeId: "egen",
        fiveYearCostSek: 650_000,
        leadTimeMonths: 9,
        flows: [
          { flowId: "bygglov", name: "Beslut om bygglov", annualVolume: 12_000, digitalMessages: 40_000 },
          { flowId: "kallelse", name: "Kallelse", annualVolume: 3_000, digitalMessages: 10_000 },
        ],
        annualVolume: 15_000,
        digitalMessages: 50_000,
        costPerDigitalMessageSek: 13,
        difference: null,
      },
    ]);
  });

  it("sets every alternative against doing nothing", () => {
    const { alternatives, baselineId } = compareTactics({
      alternatives: [
        alternative({ id: "formedlare", oneOffCostSek: 50_000, annualCostSek: 60_000, leadTimeMonths: 4, flowIds: ["bygglov"] }),
        alternative({ id: "inget", tactic: "inget", annualCostSek: 10_000, leadTimeMonths: 0 }),
      ],
      flows,
      digitalByFlow,
    });
    expect(baselineId).toBe("inget");
    expect(alternatives[0]?.difference).toEqual({
      fiveYearCostSek: 300_000,
      digitalMessages: 40_000,
      leadTimeMonths: 4,
      costPerAdditionalDigitalMessageSek: 7.5,
    });
    expect(alternatives[1]).toMatchObject({
      fiveYearCostSek: 50_000,
      digitalMessages: 0,
      costPerDigitalMessageSek: null,
      difference: null,
    });
  });

  it("counts a flow it does not know, or one without forecast, as sending nothing, and a flow named twice once", () => {
    const { alternatives } = compareTactics({
      alternatives: [alternative({ id: "a", annualCostSek: 1_000, flowIds: ["kallelse", "kallelse", "borttaget"] })],
      flows: [...flows, { id: "nytt", name: "Nytt", annualVolume: 5 }],
      digitalByFlow: new Map(),
    });
    expect(alternatives[0]).toMatchObject({ annualVolume: 3_000, digitalMessages: 0, costPerDigitalMessageSek: null });
    expect(alternatives[0]?.flows.map((f) => f.flowId)).toEqual(["kallelse"]);
  });

  it("has no cost per extra message when an alternative sends no more than doing nothing", () => {
    const { alternatives } = compareTactics({
      alternatives: [
        alternative({ id: "inget", tactic: "inget", flowIds: ["bygglov"] }),
        alternative({ id: "b", oneOffCostSek: 10, flowIds: ["bygglov"] }),
      ],
      flows,
      digitalByFlow,
    });
    expect(alternatives[1]?.difference).toEqual({
      fiveYearCostSek: 10,
      digitalMessages: 0,
      leadTimeMonths: null,
      costPerAdditionalDigitalMessageSek: null,
    });
  });

  it("adds up: the five-year cost is one-off plus five annual, the totals are the sums of the flows served", () => {
    const money = fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => n / 100);
    fc.assert(
      fc.property(money, money, fc.subarray(flows.map((f) => f.id)), (oneOff, annual, ids) => {
        const [row] = compareTactics({
          alternatives: [alternative({ id: "x", oneOffCostSek: oneOff, annualCostSek: annual, flowIds: ids })],
          flows,
          digitalByFlow,
        }).alternatives;
        expect(row?.fiveYearCostSek).toBeCloseTo(oneOff + 5 * annual, 2);
        expect(row?.fiveYearCostSek).toBe(fiveYearCost({ oneOffCostSek: oneOff, annualCostSek: annual }));
        expect(row?.digitalMessages).toBe(ids.reduce((s, id) => s + (digitalByFlow.get(id) ?? 0), 0));
        expect(row?.annualVolume).toBe(flows.filter((f) => ids.includes(f.id)).reduce((s, f) => s + f.annualVolume, 0));
        if (row && row.digitalMessages > 0) expect(row.costPerDigitalMessageSek).toBeCloseTo(row.fiveYearCostSek / row.digitalMessages, 2);
      }),
    );
  });
});
