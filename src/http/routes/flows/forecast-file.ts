import type { Database } from "../../../db/database.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import { initiativeForecast } from "../../../domain/flows/initiative-forecast.ts";
import { listFlows } from "../../../domain/flows/list-flows.ts";
import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { fileBaseName } from "../../../exports/export-file.ts";
import { type ForecastFlowLabel, forecastTable, forecastWorkbook } from "../../../exports/forecast-sheets.ts";
import { toCsv, toXlsx } from "../../../exports/spreadsheet.ts";
import { format, messagesFor } from "../../../i18n/index.ts";
import { XLSX_MEDIA_TYPE } from "./flow-import.api.ts";

export const FORECAST_FILE_FORMATS = ["csv", "xlsx"] as const;
export type ForecastFileFormat = (typeof FORECAST_FILE_FORMATS)[number];

export type ForecastFile = { contentType: string; contentDisposition: string; body: string | Buffer };

const disposition = (name: string, extension: string) =>
  `attachment; filename="${fileBaseName(name) || "prognos"}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/**
 * The volume forecast as a file to download, for the API (bearer token) and the page (session) alike:
 * the same rows as GET …/forecast with the same period, headers in Swedish whatever the reader's
 * language (the förvaltningsgrupp and the organisation's Excel are Swedish).
 */
export async function forecastFile({
  db,
  actor,
  now,
  initiativeId,
  from,
  months,
  fileFormat,
}: {
  db: Database;
  actor: Actor;
  now: Date;
  initiativeId: string;
  from?: string | undefined;
  months?: number | undefined;
  fileFormat: ForecastFileFormat;
}): Promise<ForecastFile> {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const forecast = await initiativeForecast({ db, actor, now, initiativeId, from, months });
  const { flows } = await listFlows({ db, actor, initiativeId });
  const labels = new Map<string, ForecastFlowLabel>(flows.map((f) => [f.id, { name: f.name, recipientType: f.recipientType }]));
  const name = format(messagesFor("sv").flowImport.forecastFile.fileName, { initiative: initiative.name, from: forecast.from });
  return fileFormat === "csv"
    ? { contentType: "text/csv; charset=utf-8", contentDisposition: disposition(name, "csv"), body: toCsv(forecastTable(forecast, labels)) }
    : {
        contentType: XLSX_MEDIA_TYPE,
        contentDisposition: disposition(name, "xlsx"),
        body: await toXlsx(forecastWorkbook(forecast, labels)),
      };
}
