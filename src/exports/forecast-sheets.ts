import type { Forecast } from "../domain/forecast/forecast.ts";
import { messagesFor } from "../i18n/index.ts";
import type { SheetTable } from "./spreadsheet.ts";

/**
 * The volume forecast as spreadsheet tables, with the same rows as GET …/forecast: one row per flow
 * and month, and the totals per month. Headers are always Swedish: the files are made for Swedish
 * Excel (decimal comma, ";"), and a sheet passed around keeps one set of column names.
 */

export type ForecastFlowLabel = { name: string; recipientType: "privatperson" | "foretag" | "blandat" };

const text = messagesFor("sv").flowImport;
const COUNT = "#,##0";
const SHARE = "0.0%";

/** Per flow and month, then the totals per month as the flow "Alla flöden": one table, as the CSV has it. */
export function forecastTable(forecast: Forecast, flows: ReadonlyMap<string, ForecastFlowLabel>): SheetTable {
  const t = text.forecastFile;
  const rows: SheetTable["rows"] = [];
  for (const flow of forecast.flows) {
    const label = flows.get(flow.flowId);
    for (const m of flow.months) {
      rows.push([
        label?.name ?? flow.flowId,
        label ? text.recipientTypes[label.recipientType] : "",
        m.month,
        m.volume,
        m.reachShare,
        m.digital,
        m.paper,
      ]);
    }
  }
  for (const m of forecast.months) rows.push([t.allFlows, "", m.month, m.volume, null, m.digital, m.paper]);
  return {
    name: t.perFlowSheet,
    columns: [
      { header: t.flow, width: 36 },
      { header: t.recipientType, width: 16 },
      { header: t.month, width: 10 },
      { header: t.volume, numFmt: COUNT },
      { header: t.reachShare, numFmt: SHARE, width: 14 },
      { header: t.digital, numFmt: COUNT },
      { header: t.paper, numFmt: COUNT },
    ],
    rows,
  };
}

/** The workbook's sheets: the totals per month first ("Prognos per månad"), then every flow's months ("Per flöde"). */
export function forecastWorkbook(forecast: Forecast, flows: ReadonlyMap<string, ForecastFlowLabel>): SheetTable[] {
  const t = text.forecastFile;
  const perFlow = forecastTable(forecast, flows);
  return [
    {
      name: t.perMonthSheet,
      columns: [
        { header: t.month, width: 10 },
        { header: t.volume, numFmt: COUNT },
        { header: t.digital, numFmt: COUNT },
        { header: t.paper, numFmt: COUNT },
      ],
      rows: forecast.months.map((m) => [m.month, m.volume, m.digital, m.paper]),
    },
    { ...perFlow, rows: perFlow.rows.slice(0, perFlow.rows.length - forecast.months.length) },
  ];
}
