import { COUNTIES, isCounty } from "../domain/organisations/counties.ts";
import type { PortfolioRow } from "../domain/portfolio/portfolio-rows.ts";
import { format, messagesFor } from "../i18n/index.ts";
import { phaseByNumber } from "../method/lookup.ts";
import { methodV12 } from "../method/v1.2/index.ts";
import type { SheetTable } from "./spreadsheet.ts";

/**
 * The portfolio as one table for CSV and XLSX, in Swedish whatever the reader's language (the
 * förvaltningsgrupp's Excel is Swedish): one row per initiative, dates as text "YYYY-MM-DD", the
 * forecast as a real number.
 */
export function portfolioSheet(rows: readonly PortfolioRow[]): SheetTable {
  const m = messagesFor("sv");
  const t = m.portfolio;
  return {
    name: t.sheetName,
    columns: [
      { header: t.columns.organisation, width: 30 },
      { header: t.columns.kind, width: 18 },
      { header: t.columns.county, width: 22 },
      { header: t.columns.initiative, width: 34 },
      { header: t.columns.phase, width: 30 },
      { header: t.columns.lastDecision, width: 34 },
      { header: t.columns.plannedTest, width: 14 },
      { header: t.columns.plannedProduction, width: 16 },
      { header: t.columns.digitalNext12Months, width: 18, numFmt: "#,##0" },
      { header: t.columns.tactics, width: 30 },
      { header: t.columns.flags, width: 40 },
    ],
    rows: rows.map((r) => {
      const phase = phaseByNumber(methodV12, r.currentPhase);
      return [
        r.organisationName,
        m.organisations.kinds[r.organisationKind],
        r.county && isCounty(r.county) ? COUNTIES[r.county] : null,
        r.name,
        r.completed ? t.completed : format(t.phaseValue, { number: phase.number, name: phase.name.sv }),
        r.lastDecision
          ? format(t.decisionValue, {
              numeral: r.lastDecision.numeral,
              outcome: m.milestones.outcomes[r.lastDecision.outcome],
              date: r.lastDecision.decidedOn,
            })
          : null,
        r.plannedTestDate,
        r.plannedProductionDate,
        r.digitalNext12Months,
        r.tactics.map((tactic) => m.flows.tactics[tactic as keyof typeof m.flows.tactics] ?? tactic).join(", "),
        r.flags.map((f) => t.flags[f]).join(", "),
      ];
    }),
  };
}
