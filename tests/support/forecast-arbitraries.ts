import fc from "fast-check";
import { FLOW_STATUSES, type ForecastFlow, MAX_ANNUAL_VOLUME, type Seasonality } from "../../src/domain/forecast/forecast-input.ts";
import { RECIPIENT_TYPES } from "../../src/domain/forecast/reach-curve.ts";
import type { YearMonth } from "../../src/domain/volumes/volume-series.ts";

/** Generators for the forecast's property tests: only inputs the input schema would accept. */

/** Twelve non-negative shares summing to 1 ± 0.001. */
export const arbitrarySeasonality: fc.Arbitrary<Seasonality> = fc
  .tuple(fc.array(fc.nat({ max: 1000 }), { minLength: 12, maxLength: 12 }), fc.double({ min: -0.001, max: 0.001, noNaN: true }))
  .filter(([weights]) => weights.some((w) => w > 0))
  .map(([weights, drift]) => {
    const sum = weights.reduce((s, w) => s + w, 0);
    return weights.map((w) => (w / sum) * (1 + drift)) as unknown as Seasonality;
  });

const pad = (n: number) => String(n).padStart(2, "0");

export const arbitraryMonth: fc.Arbitrary<YearMonth> = fc
  .record({ year: fc.integer({ min: 2010, max: 2040 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${pad(month)}` as YearMonth);

/** A real day; the 28th at most, so every month has it. */
export const arbitraryDay: fc.Arbitrary<string> = fc
  .tuple(arbitraryMonth, fc.integer({ min: 1, max: 28 }))
  .map(([month, day]) => `${month}-${pad(day)}`);

export const arbitraryFlow: fc.Arbitrary<ForecastFlow> = fc.record({
  id: fc.uuid(),
  recipientType: fc.constantFrom(...RECIPIENT_TYPES),
  annualVolume: fc.integer({ min: 0, max: MAX_ANNUAL_VOLUME }),
  seasonality: arbitrarySeasonality,
  plannedProductionDate: fc.option(arbitraryDay, { nil: undefined }),
  status: fc.constantFrom(...FLOW_STATUSES),
});
