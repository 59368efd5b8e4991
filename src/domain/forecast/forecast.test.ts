import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryDay, arbitraryFlow, arbitraryMonth } from "../../../tests/support/forecast-arbitraries.ts";
import type { YearMonth } from "../volumes/volume-series.ts";
import { monthIndexOf } from "./calendar-month.ts";
import { forecast } from "./forecast.ts";
import { EVEN_SEASONALITY, type ForecastFlow, MAX_FORECAST_MONTHS } from "./forecast-input.ts";
import { RECIPIENT_TYPES, reachShare } from "./reach-curve.ts";

const flow = (overrides: Partial<ForecastFlow> = {}): ForecastFlow => ({
  id: "bygglov",
  recipientType: "privatperson",
  annualVolume: 12_000,
  seasonality: EVEN_SEASONALITY,
  status: "i_test",
  ...overrides,
});

const arbitraryRequest = fc.record({
  flows: fc.array(arbitraryFlow, { maxLength: 5 }),
  from: arbitraryMonth,
  months: fc.integer({ min: 1, max: MAX_FORECAST_MONTHS }),
});

/** Reach overrides that set every year to one share, for every recipient type. */
const flatReach = (share: number) =>
  Object.fromEntries(RECIPIENT_TYPES.map((t) => [t, Object.fromEntries(Array.from({ length: 60 }, (_, i) => [2000 + i, share]))]));

describe("forecast, by hand", () => {
  it("goes digital from the month of the production date, at that month's reach", () => {
    const result = forecast({
      flows: [flow({ plannedProductionDate: "2026-03-15" })],
      from: "2026-01",
      months: 4,
      reach: { privatperson: { 2026: 0.8 } },
    });
    expect(result.from).toBe("2026-01");
    expect(result.flows[0]!.months).toEqual([
      { month: "2026-01", volume: 1000, reachShare: 0.8, digital: 0, paper: 1000 },
      { month: "2026-02", volume: 1000, reachShare: 0.8, digital: 0, paper: 1000 },
      { month: "2026-03", volume: 1000, reachShare: 0.8, digital: 800, paper: 200 },
      { month: "2026-04", volume: 1000, reachShare: 0.8, digital: 800, paper: 200 },
    ]);
  });

  it("uses the default curve without an override, rounding volume · share once", () => {
    const result = forecast({ flows: [flow({ plannedProductionDate: "2024-01-01" })], from: "2024-12", months: 1 });
    expect(result.flows[0]!.months[0]).toEqual({ month: "2024-12", volume: 1000, reachShare: 0.75, digital: 750, paper: 250 });
  });

  it("crosses a year with the seasonality of each calendar month", () => {
    const seasonality = [...Array(11).fill(0.5 / 11), 0.5] as unknown as ForecastFlow["seasonality"];
    const result = forecast({ flows: [flow({ annualVolume: 11_000, seasonality })], from: "2026-11", months: 3 });
    expect(result.months.map((m) => [m.month, m.volume])).toEqual([
      ["2026-11", 500],
      ["2026-12", 5500],
      ["2027-01", 500],
    ]);
  });

  it("never goes digital without a production date", () => {
    const result = forecast({ flows: [flow()], from: "2026-01", months: 24 });
    expect(result.months.every((m) => m.digital === 0 && m.paper === 1000)).toBe(true);
  });

  it("counts nothing for a decommissioned flow, but still lists it", () => {
    const result = forecast({
      flows: [flow({ id: "kvar" }), flow({ id: "avvecklad", status: "avvecklad", plannedProductionDate: "2020-01-01" })],
      from: "2026-01",
      months: 2,
    });
    expect(result.flows.map((f) => f.flowId)).toEqual(["kvar", "avvecklad"]);
    expect(result.flows[1]!.months.every((m) => m.volume === 0 && m.digital === 0 && m.paper === 0)).toBe(true);
    expect(result.months.map((m) => m.volume)).toEqual([1000, 1000]);
  });

  it("adds the flows' rounded cells into the totals", () => {
    const result = forecast({
      flows: [
        flow({ id: "a", plannedProductionDate: "2026-01-01" }),
        flow({ id: "b", annualVolume: 13, plannedProductionDate: "2026-01-01" }),
      ],
      from: "2026-01",
      months: 1,
      reach: { privatperson: { 2026: 0.5 } },
    });
    // a: 1000 → 500 digital; b: 2 in January → round(1) = 1 digital.
    expect(result.months[0]).toEqual({ month: "2026-01", volume: 1002, digital: 501, paper: 501 });
  });
});

describe("forecast, for any flows", () => {
  it("has every 12 consecutive months of a flow's volume sum to its annual volume, exactly", () => {
    fc.assert(
      fc.property(arbitraryFlow, arbitraryMonth, (f, from) => {
        const live = { ...f, status: "i_produktion" as const };
        const months = forecast({ flows: [live], from, months: 36 }).flows[0]!.months;
        for (let start = 0; start + 12 <= months.length; start++) {
          expect(months.slice(start, start + 12).reduce((s, m) => s + m.volume, 0)).toBe(live.annualVolume);
        }
      }),
    );
  });

  it("makes digital + paper = volume in every cell, with both whole and non-negative", () => {
    fc.assert(
      fc.property(arbitraryRequest, (request) => {
        const result = forecast(request);
        const cells = [...result.months, ...result.flows.flatMap((f) => f.months)];
        const wrong = cells.filter(
          (c) => c.digital + c.paper !== c.volume || ![c.volume, c.digital, c.paper].every((n) => Number.isInteger(n) && n >= 0),
        );
        expect(wrong).toEqual([]);
      }),
    );
  });

  it("makes the totals the sum of the flows, month by month", () => {
    fc.assert(
      fc.property(arbitraryRequest, (request) => {
        const result = forecast(request);
        expect(result.months).toHaveLength(request.months);
        result.months.forEach((total, i) => {
          const cells = result.flows.map((f) => f.months[i]!);
          expect(cells.every((c) => c.month === total.month)).toBe(true);
          expect(total.volume).toBe(cells.reduce((s, c) => s + c.volume, 0));
          expect(total.digital).toBe(cells.reduce((s, c) => s + c.digital, 0));
          expect(total.paper).toBe(cells.reduce((s, c) => s + c.paper, 0));
        });
      }),
    );
  });

  it("gives zero digital at zero reach", () => {
    fc.assert(
      fc.property(arbitraryRequest, (request) => {
        const result = forecast({ ...request, from: "2026-01", months: Math.min(request.months, 12 * 30), reach: flatReach(0) });
        expect(result.months.every((m) => m.digital === 0)).toBe(true);
      }),
    );
  });

  it("never gives more digital messages in total for a later production date", () => {
    fc.assert(
      fc.property(arbitraryFlow, arbitraryDay, arbitraryDay, arbitraryMonth, (f, day1, day2, from) => {
        const [earlier, later] = day1 <= day2 ? [day1, day2] : [day2, day1];
        const totalDigital = (plannedProductionDate: string) =>
          forecast({ flows: [{ ...f, plannedProductionDate }], from, months: 120 }).months.reduce((s, m) => s + m.digital, 0);
        expect(totalDigital(later)).toBeLessThanOrEqual(totalDigital(earlier));
      }),
    );
  });

  it("reports the reach curve's share for the flow's recipient type in every month", () => {
    fc.assert(
      fc.property(arbitraryFlow, arbitraryMonth, (f, from) => {
        forecast({ flows: [f], from, months: 13 }).flows[0]!.months.forEach((m) => {
          expect(m.reachShare).toBe(reachShare(f.recipientType, monthIndexOf(m.month as YearMonth)));
        });
      }),
    );
  });
});
