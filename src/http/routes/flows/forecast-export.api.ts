import type { AppScope } from "../../app-scope.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import { XLSX_MEDIA_TYPE } from "./flow-import.api.ts";
import { ForecastFileQuery } from "./flow-import.schema.ts";
import { forecastFile } from "./forecast-file.ts";

/** The volume forecast as files to download, for every member with a token: the same rows as GET …/forecast with the same query. */
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
      const file = await forecastFile({ db, actor, now, initiativeId: params.initiativeId, ...query, fileFormat: "csv" });
      reply.type(file.contentType).header("content-disposition", file.contentDisposition).header("cache-control", "no-store");
      return file.body;
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
      const file = await forecastFile({ db, actor, now, initiativeId: params.initiativeId, ...query, fileFormat: "xlsx" });
      reply.type(file.contentType).header("content-disposition", file.contentDisposition).header("cache-control", "no-store");
      return file.body;
    },
  });
}
