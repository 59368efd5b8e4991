import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryFlow, arbitraryMonth } from "../../../tests/support/forecast-arbitraries.ts";
import { ORGANISATION_KINDS } from "../access/roles.ts";
import { forecast } from "../forecast/forecast.ts";
import { type ForecastInitiative, nationalForecast } from "./national-forecast.ts";

const arbitraryInitiative = fc.record({
  initiativeId: fc.uuid(),
  organisationKind: fc.constantFrom(...ORGANISATION_KINDS),
  flows: fc.array(arbitraryFlow, { maxLength: 4 }),
  reach: fc.constantFrom({}, { privatperson: { 2027: 0.5 } }, { foretag: { 2026: 1, 2027: 0 } }),
}) as fc.Arbitrary<ForecastInitiative>;

const request = fc.record({
  initiatives: fc.uniqueArray(arbitraryInitiative, { maxLength: 6, selector: (i) => i.initiativeId }),
  from: arbitraryMonth,
  months: fc.integer({ min: 1, max: 36 }),
});

describe("the national forecast", () => {
  it("is every initiative's own forecast added up, month by month", () => {
    fc.assert(
      fc.property(request, ({ initiatives, from, months }) => {
        const national = nationalForecast({ initiatives, from, months });
        const own = initiatives.map((i) => forecast({ flows: i.flows, from, months, reach: i.reach }));
        national.months.forEach((m, k) => {
          expect(m.volume).toBe(own.reduce((s, f) => s + f.months[k]!.volume, 0));
          expect(m.digital).toBe(own.reduce((s, f) => s + f.months[k]!.digital, 0));
          expect(m.paper).toBe(m.volume - m.digital);
        });
        initiatives.forEach((i, k) => {
          expect(national.digitalByInitiative.get(i.initiativeId)).toBe(own[k]!.months.reduce((s, m) => s + m.digital, 0));
        });
      }),
    );
  });

  it("splits the total exactly by organisation kind and by recipient type", () => {
    fc.assert(
      fc.property(request, ({ initiatives, from, months }) => {
        const national = nationalForecast({ initiatives, from, months });
        for (const parts of [national.byKind, national.byRecipientType]) {
          national.months.forEach((m, k) => {
            const series = Object.values(parts);
            expect(series.reduce((s, p) => s + p[k]!.digital, 0)).toBe(m.digital);
            expect(series.reduce((s, p) => s + p[k]!.volume, 0)).toBe(m.volume);
          });
        }
      }),
    );
  });

  it("names the months even when nobody has a flow", () => {
    const national = nationalForecast({ initiatives: [], from: "2027-11", months: 3 });
    expect(national.months).toEqual([
      { month: "2027-11", volume: 0, digital: 0, paper: 0 },
      { month: "2027-12", volume: 0, digital: 0, paper: 0 },
      { month: "2028-01", volume: 0, digital: 0, paper: 0 },
    ]);
    expect(national.byKind).toEqual({});
  });
});
