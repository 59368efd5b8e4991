import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryFlow, arbitraryMonth } from "../../../tests/support/forecast-arbitraries.ts";
import { forecast } from "../forecast/forecast.ts";
import type { PlanFlow } from "../forecast-versions/plan.ts";
import { timelineText, volumesPerYear, volumesText } from "./reported-figures.ts";

const flow = (over: Partial<PlanFlow>): PlanFlow => ({
  id: "f",
  name: "Flöde",
  recipientType: "privatperson",
  annualVolume: 1200,
  seasonality: Array.from({ length: 12 }, () => 1 / 12),
  costPerLetterSek: 15,
  tactic: null,
  status: "identifierad",
  plannedTestDate: null,
  plannedProductionDate: null,
  ...over,
});

describe("volumesPerYear", () => {
  it("adds the forecast's months up per calendar year, the first five years, each with the months it covers", () => {
    fc.assert(
      fc.property(fc.array(arbitraryFlow, { maxLength: 3 }), arbitraryMonth, (flows, from) => {
        const f = forecast({ flows, from, months: 60 });
        const years = volumesPerYear(f);
        expect(years.length).toBeLessThanOrEqual(5);
        expect(years[0]?.year).toBe(Number(from.slice(0, 4)));
        for (const y of years) {
          const months = f.months.filter((m) => m.month.startsWith(String(y.year)));
          expect(y.months).toBe(months.length);
          expect(y.digital).toBe(months.reduce((s, m) => s + m.digital, 0));
          expect(y.volume).toBe(months.reduce((s, m) => s + m.volume, 0));
        }
        // From January the five years are whole.
        if (from.endsWith("-01")) expect(years.every((y) => y.months === 12)).toBe(true);
      }),
    );
  });
});

describe("timelineText and volumesText", () => {
  it("names each flow's planned test and production, or that it is not planned, leaving out a flow being wound down", () => {
    expect(
      timelineText([
        flow({ name: "Bygglov", plannedTestDate: "2027-03-01", plannedProductionDate: "2027-06-01" }),
        flow({ name: "Kallelser", plannedProductionDate: "2028-01-01" }),
        flow({ name: "Gammalt", status: "avvecklad" }),
      ]),
    ).toBe("Bygglov: test 2027-03-01, produktion 2027-06-01; Kallelser: test ej planerad, produktion 2028-01-01");
  });

  it("says so when there are no flows to report", () => {
    const empty = forecast({ flows: [], from: "2027-01", months: 60 });
    expect(timelineText([])).toBe("Inga meddelandeflöden registrerade");
    expect(volumesText({ plan: [], forecast: empty })).toBe("Inga meddelandeflöden registrerade");
  });

  it("reports whole years from January, in Swedish number format", () => {
    const plan = [flow({ id: "a", annualVolume: 12_000, plannedProductionDate: "2027-01-01" })];
    const f = forecast({
      flows: [
        {
          id: "a",
          recipientType: "privatperson",
          annualVolume: 12_000,
          seasonality: plan[0]?.seasonality as never,
          status: "identifierad",
          plannedProductionDate: "2027-01-01",
        },
      ],
      from: "2027-01",
      months: 60,
      reach: { privatperson: { 2027: 0.5, 2028: 0.5, 2029: 0.5, 2030: 0.5, 2031: 0.5 } },
    });
    expect(volumesText({ plan, forecast: f })).toBe(
      "Digitala meddelanden per kalenderår enligt prognosen (av total volym): 2027: 6\u00a0000 av 12\u00a0000; 2028: 6\u00a0000 av 12\u00a0000; 2029: 6\u00a0000 av 12\u00a0000; 2030: 6\u00a0000 av 12\u00a0000; 2031: 6\u00a0000 av 12\u00a0000",
    );
  });
});
