import { ORGANISATION_KINDS } from "../domain/access/roles.ts";
import { RECIPIENT_TYPES } from "../domain/forecast/reach-curve.ts";
import type { VolumePlan, VolumePlanMonth } from "../domain/portfolio/national-volume-plan.ts";
import { messagesFor } from "../i18n/index.ts";
import type { SheetCell, SheetTable } from "./spreadsheet.ts";

/**
 * The national volume plan as one table, in Swedish like the portfolio's file: a row per month for
 * the whole country, then the same months per organisation kind and per recipient type, each series
 * digital and all messages; a month not yet begun has no actuals (an empty cell, not 0).
 */
export function volumePlanSheet(plan: VolumePlan): SheetTable {
  const m = messagesFor("sv");
  const t = m.volumePlan;
  const c = t.columns;
  const number = { width: 16, numFmt: "#,##0" };
  const rowsOf = (group: string, months: readonly VolumePlanMonth[] | undefined): SheetCell[][] =>
    (months ?? []).map((month) => [
      group,
      month.month,
      month.current.digital,
      month.current.volume,
      month.baseline.digital,
      month.baseline.volume,
      month.reforecast.digital,
      month.reforecast.volume,
      month.actual?.digital ?? null,
      month.actual?.volume ?? null,
    ]);
  return {
    name: t.sheetName,
    columns: [
      { header: c.group, width: 22 },
      { header: c.month, width: 10 },
      ...[
        c.currentDigital,
        c.currentVolume,
        c.baselineDigital,
        c.baselineVolume,
        c.reforecastDigital,
        c.reforecastVolume,
        c.actualDigital,
        c.actualVolume,
      ].map((header) => ({ header, ...number })),
    ],
    rows: [
      ...rowsOf(t.total, plan.months),
      ...ORGANISATION_KINDS.flatMap((k) => rowsOf(m.portfolio.kindsPlural[k], plan.byKind[k])),
      ...RECIPIENT_TYPES.flatMap((r) => rowsOf(m.nationalPlan.recipientTypes[r], plan.byRecipientType[r])),
    ],
  };
}
