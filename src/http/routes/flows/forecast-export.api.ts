import { initiativeForecast } from "../../../domain/flows/initiative-forecast.ts";
import { listFlows } from "../../../domain/flows/list-flows.ts";
import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { fileBaseName } from "../../../exports/export-file.ts";
import { type ForecastFlowLabel, forecastTable, forecastWorkbook } from "../../../exports/forecast-sheets.ts";
import { toCsv, toXlsx } from "../../../exports/spreadsheet.ts";
import { format, messagesFor } from "../../../i18n/index.ts";
import type { AppScope } from "../../app-scope.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import { XLSX_MEDIA_TYPE } from "./flow-import.api.ts";
import { ForecastFileQuery } from "./flow-import.schema.ts";

/** The forecast with its flows' names and the file's name: what both downloads are made of. */
async function forecastForFile({ db, actor, now, initiativeId, from, months }: Parameters<typeof initiativeForecast>[0]) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const forecast = await initiativeForecast({ db, actor, now, initiativeId, from, months });
  const { flows } = await listFlows({ db, actor, initiativeId });
  const labels = new Map<string, ForecastFlowLabel>(flows.map((f) => [f.id, { name: f.name, recipientType: f.recipientType }]));
  const name = format(messagesFor("sv").flowImport.forecastFile.fileName, { initiative: initiative.name, from: forecast.from });
  return { forecast, labels, name };
}

const disposition = (name: string, extension: string) =>
  `attachment; filename="${fileBaseName(name) || "prognos"}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/** The volume forecast as files to download, for every member: the same rows as GET …/forecast with the same query. */
export function forecastExportApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/forecast.csv",
    summary:
      "The volume forecast as Swedish Excel's CSV (UTF-8 with BOM, ';', decimal comma), the same rows as GET …/forecast with the same query: one row per flow and month (Flöde, Mottagartyp, Månad, Volym, Andel nåbara, Digitala, Papper), then the totals per month as Flöde \"Alla flöden\"",
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    query: ForecastFileQuery,
    response: { status: 200, files: ["text/csv"] },
    handler: async ({ actor, params, query, reply, now }) => {
      const { forecast, labels, name } = await forecastForFile({ db, actor, now, initiativeId: params.initiativeId, ...query });
      reply.type("text/csv; charset=utf-8").header("content-disposition", disposition(name, "csv")).header("cache-control", "no-store");
      return toCsv(forecastTable(forecast, labels));
    },
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/forecast.xlsx",
    summary:
      'The volume forecast as an Excel workbook with real numbers: the sheet "Prognos per månad" (the totals) and "Per flöde" (one row per flow and month), the same rows as GET …/forecast with the same query',
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    query: ForecastFileQuery,
    response: { status: 200, files: [XLSX_MEDIA_TYPE] },
    handler: async ({ actor, params, query, reply, now }) => {
      const { forecast, labels, name } = await forecastForFile({ db, actor, now, initiativeId: params.initiativeId, ...query });
      reply.type(XLSX_MEDIA_TYPE).header("content-disposition", disposition(name, "xlsx")).header("cache-control", "no-store");
      return toXlsx(forecastWorkbook(forecast, labels));
    },
  });
}
