import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BENEFICIARIES, BENEFIT_CATEGORIES } from "../business-case/business-case-input.ts";
import { type BenefitGroup, type NationalBenefitsInput, nationalBenefits, type PlanBenefit, unitKey } from "./national-benefits.ts";

const benefit = (over: Partial<PlanBenefit> & Pick<PlanBenefit, "id">): PlanBenefit => ({
  initiativeId: "i1",
  organisationId: "o1",
  category: "finansiell",
  beneficiary: "organisation",
  unit: "kr",
  baselineValue: 0,
  baselineDate: "2026-01-01",
  targetValue: 1_000,
  targetDate: "2027-12-31",
  derivedFromFlowIds: [],
  ...over,
});

const none: NationalBenefitsInput = { benefits: [], measurements: [], actuals: [], businessCases: [] };

describe("benefits nationally", () => {
  it("evaluates each benefit as its own page does and adds targets and latest measurements per unit", () => {
    const result = nationalBenefits({
      ...none,
      benefits: [
        benefit({ id: "a" }),
        benefit({ id: "b", initiativeId: "i2", organisationId: "o2", unit: "SEK", targetValue: 500 }),
        benefit({ id: "c", initiativeId: "i3", organisationId: "o2", unit: "tkr", targetValue: 2 }),
      ],
      measurements: [
        { benefitId: "a", date: "2026-06-30", value: 400 },
        { benefitId: "a", date: "2026-12-31", value: 1_200 },
        { benefitId: "b", date: "2026-12-31", value: 100 },
      ],
    });
    const finansiell = result.byCategory.find((g) => g.category === "finansiell");
    expect(finansiell).toMatchObject({
      benefits: 3,
      initiatives: 3,
      organisations: 2,
      realisation: { realiserad: 1, delvis: 1, ej_realiserad: 0, ej_matt: 1 },
      notSummed: 0,
      units: [
        { unit: "kr", money: true, benefits: 3, expected: 3_500, measured: 2, expectedOfMeasured: 1_500, realised: 1_300, gap: -200 },
      ],
    });
    expect(result.byCategory.map((g) => g.category)).toEqual([...BENEFIT_CATEGORIES]);
    expect(result.byCategory.find((g) => g.category === "kvalitet")).toMatchObject({ benefits: 0, initiatives: 0, units: [] });
  });

  it("derives a volume-driven benefit's measurements from its flows' actuals, and a measurement entered the same day wins", () => {
    const letters = benefit({ id: "v", unit: "meddelanden", targetValue: 10_000, derivedFromFlowIds: ["f1", "f2"] });
    const input: NationalBenefitsInput = {
      ...none,
      benefits: [letters],
      actuals: [
        { flowId: "f1", month: "2026-03", digital: 4_000 },
        { flowId: "f2", month: "2026-03", digital: 7_000 },
        { flowId: "other", month: "2026-04", digital: 99_999 },
      ],
    };
    expect(nationalBenefits(input).total.units).toEqual([
      {
        unit: "meddelanden",
        money: false,
        benefits: 1,
        expected: 10_000,
        measured: 1,
        expectedOfMeasured: 10_000,
        realised: 11_000,
        gap: 1_000,
      },
    ]);
    const corrected = nationalBenefits({ ...input, measurements: [{ benefitId: "v", date: "2026-03-31", value: 9_000 }] });
    expect(corrected.total.units[0]?.realised).toBe(9_000);
    expect(corrected.total.realisation.delvis).toBe(1);
  });

  it("counts shares without summing them, and groups benefits without a category or beneficiary as not stated", () => {
    const result = nationalBenefits({ ...none, benefits: [benefit({ id: "p", unit: " % ", category: null, beneficiary: null })] });
    expect(result.total).toMatchObject({ benefits: 1, notSummed: 1, units: [] });
    expect(result.byCategory.at(-1)).toMatchObject({ category: null, benefits: 1 });
    expect(result.byBeneficiary.at(-1)).toMatchObject({ beneficiary: null, benefits: 1 });
  });

  it("adds the business cases' expected benefit lines in SEK to their category and beneficiary", () => {
    const result = nationalBenefits({
      ...none,
      businessCases: [
        {
          initiativeId: "i9",
          organisationId: "o9",
          benefits: [
            { category: "omfordelad_tid", beneficiary: "privatpersoner", expected: 100.1 },
            { category: "omfordelad_tid", beneficiary: "organisation", expected: 200.2 },
          ],
        },
      ],
    });
    expect(result.byCategory.find((g) => g.category === "omfordelad_tid")).toMatchObject({
      businessCaseExpectedSek: 300.3,
      initiatives: 1,
      organisations: 1,
      benefits: 0,
    });
    expect(result.byBeneficiary.find((g) => g.beneficiary === "privatpersoner")?.businessCaseExpectedSek).toBe(100.1);
    expect(result.total.businessCaseExpectedSek).toBe(300.3);
  });

  it("adds units only with their kind: kronor in any spelling and scale, other units by their text", () => {
    expect(unitKey("Kronor")).toMatchObject({ unit: "kr", money: true, factor: 1n });
    expect(unitKey("tkr / år")).toMatchObject({ unit: "kr/år", money: true, factor: 1_000n });
    expect(unitKey("MSEK per år")).toMatchObject({ unit: "kr/år", money: true, factor: 1_000_000n });
    expect(unitKey("Timmar  per år")).toMatchObject({ unit: "timmar per år", money: false });
    expect(unitKey("sekunder")).toMatchObject({ money: false });
    expect(unitKey("procent")).toBeNull();
  });

  it("has totals that are the sums of their parts, by category and by beneficiary", () => {
    const arbitraryInput = fc.record({
      benefits: fc.array(
        fc.record({
          id: fc.uuid(),
          initiativeId: fc.constantFrom("i1", "i2", "i3", "i4"),
          organisationId: fc.constantFrom("o1", "o2"),
          category: fc.constantFrom(...BENEFIT_CATEGORIES, null),
          beneficiary: fc.constantFrom(...BENEFICIARIES, null),
          unit: fc.constantFrom("kr", "tkr", "timmar", "%", "ärenden"),
          baselineValue: fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100),
          baselineDate: fc.constant("2026-01-01"),
          targetValue: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((n) => n / 10_000),
          targetDate: fc.constant("2028-01-01"),
          derivedFromFlowIds: fc.subarray(["f1", "f2"]),
        }),
        { maxLength: 30 },
      ),
      measurements: fc.constant([]),
      actuals: fc.array(
        fc.record({ flowId: fc.constantFrom("f1", "f2"), month: fc.constantFrom("2026-02", "2026-07"), digital: fc.nat(100_000) }),
        { maxLength: 6 },
      ),
      businessCases: fc.array(
        fc.record({
          initiativeId: fc.constantFrom("i1", "i5"),
          organisationId: fc.constantFrom("o1", "o3"),
          benefits: fc.array(
            fc.record({
              category: fc.constantFrom(...BENEFIT_CATEGORIES),
              beneficiary: fc.constantFrom(...BENEFICIARIES),
              expected: fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 100),
            }),
            { maxLength: 5 },
          ),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const measurements = input.benefits.flatMap((b, i) => (i % 3 ? [{ benefitId: b.id, date: "2026-09-30", value: i * 1.5 }] : []));
        const result = nationalBenefits({ ...input, measurements });
        for (const groups of [result.byCategory, result.byBeneficiary] as BenefitGroup[][]) {
          const sum = (f: (g: BenefitGroup) => number) => groups.reduce((s, g) => s + f(g), 0);
          expect(sum((g) => g.benefits)).toBe(result.total.benefits);
          expect(sum((g) => g.notSummed)).toBe(result.total.notSummed);
          for (const r of ["realiserad", "delvis", "ej_realiserad", "ej_matt"] as const) {
            expect(sum((g) => g.realisation[r])).toBe(result.total.realisation[r]);
          }
          expect(Math.round(sum((g) => g.businessCaseExpectedSek) * 100)).toBe(Math.round(result.total.businessCaseExpectedSek * 100));
          for (const unit of result.total.units) {
            const parts = groups.flatMap((g) => g.units.filter((u) => u.unit === unit.unit));
            const add = (f: (u: typeof unit) => number) => Math.round(parts.reduce((s, u) => s + f(u), 0) * 10_000);
            expect(add((u) => u.expected)).toBe(Math.round(unit.expected * 10_000));
            expect(add((u) => u.realised)).toBe(Math.round(unit.realised * 10_000));
            expect(add((u) => u.gap)).toBe(Math.round(unit.gap * 10_000));
            expect(parts.reduce((s, u) => s + u.measured, 0)).toBe(unit.measured);
          }
          // Contributors are distinct: a group never has more than the whole.
          for (const g of groups) expect(g.initiatives).toBeLessThanOrEqual(result.total.initiatives);
        }
        // Every benefit is counted once in exactly one state.
        expect(Object.values(result.total.realisation).reduce((x, y) => x + y, 0)).toBe(input.benefits.length);
      }),
      { numRuns: 200 },
    );
  });
});
