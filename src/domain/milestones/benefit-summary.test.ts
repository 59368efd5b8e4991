import { describe, expect, it } from "vitest";
import { benefitSummaryText } from "./benefit-summary.ts";

describe("the benefit summary told to the förvaltningsgrupp at milestone VIII", () => {
  it("counts the benefits by realisation and gives each one's latest value against its target", () => {
    expect(
      benefitSummaryText([
        { name: "Färre brev på papper", unit: "brev", targetValue: 9_000, actual: 9_500, gap: 500, realisation: "realiserad" },
        { name: "Kortare handläggning", unit: "dagar", targetValue: 5, actual: 7.5, gap: 2.5, realisation: "delvis" },
        { name: "Nöjdare mottagare", unit: "%", targetValue: 80, actual: null, gap: null, realisation: "ej_matt" },
      ]),
    ).toBe(
      "3 nyttor: 1 realiserade, 1 delvis realiserade, 0 inte realiserade, 1 inte mätta. " +
        "Färre brev på papper: 9\u00a0500 brev mot målet 9\u00a0000 brev (gap +500 brev); " +
        "Kortare handläggning: 7,5 dagar mot målet 5 dagar (gap +2,5 dagar); " +
        "Nöjdare mottagare: inte mätt (målet 80 %)",
    );
  });

  it("says so when the plan has no benefits", () => {
    expect(benefitSummaryText([])).toBe("Inga nyttor är registrerade i nyttorealiseringsplanen.");
  });
});
