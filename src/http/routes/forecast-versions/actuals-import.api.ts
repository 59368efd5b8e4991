import { actualsImportContext, importActuals } from "../../../domain/actuals/import-actuals.ts";
import { actualsImportTemplate } from "../../../exports/actuals-import-template.ts";
import { toCsv } from "../../../exports/spreadsheet.ts";
import type { AppScope } from "../../app-scope.ts";
import { ACTUALS_IMPORT_URL, IMPORT_MEDIA_TYPES, MAX_IMPORT_BYTES, unsupported } from "../flows/flow-import.api.ts";
import { ImportQuery } from "../flows/flow-import.schema.ts";
import { readActualsImport } from "../flows/flow-import-runner.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import { ActualsImportPreview } from "./actuals-import.schema.ts";

/**
 * Importing actual volumes (digital and paper, per flow and month) from a spreadsheet, and its
 * template. The body and its reading are the flow import's (flow-import.api.ts registers the file
 * body for both, refusing everyone but the team before it is read; flow-import-runner.ts reads it
 * on a capped worker thread); the rows name flows of this initiative by name.
 */
export function actualsImportApi({ api, db }: AppScope) {
  api({
    method: "POST",
    url: ACTUALS_IMPORT_URL,
    summary:
      "Import actual volumes from a spreadsheet (the initiative's team): columns Flöde/Flow (a flow's name in this initiative, without regard to case), Månad/Month (YYYY-MM, a date or an Excel date cell), Digitala/Digital and Papper/Paper (whole numbers ≥ 0). The file itself is the body (text/csv, XLSX or application/octet-stream, at most 5 MB and 5,000 rows). Answers 200 with the rows and every error by row and column, nothing saved; with ?commit=true and no error, writes every month in one transaction (a flow's other months stay) and answers 201 { committed: true, months }; with ?commit=true and errors, 400 with the preview and nothing saved",
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    query: ImportQuery,
    rawBody: { mediaTypes: IMPORT_MEDIA_TYPES, maxBytes: MAX_IMPORT_BYTES },
    response: { status: 200, schema: ActualsImportPreview },
    handler: async ({ actor, params, query, request, reply, now }) => {
      const { initiative, context } = await actualsImportContext({ db, actor, now }, params.initiativeId);
      if (!Buffer.isBuffer(request.body)) throw unsupported(request);
      const read = await readActualsImport(new Uint8Array(request.body), context);
      const preview = { ...read, committed: false as const };
      if (!query.commit) return preview;
      if (read.errors.length) return reply.code(400).send(preview);
      const saved = await importActuals({ db, actor, now, initiativeId: initiative.id, rows: read.rows });
      return reply.code(201).send({ committed: true, months: saved.months });
    },
  });

  api({
    method: "GET",
    url: "/api/v1/actuals/import-template.csv",
    summary:
      "The actuals import's template as Swedish Excel's CSV (UTF-8 with BOM, ';'): Flöde, Månad, Digitala, Papper and one example row",
    tag: "flows",
    access: "public",
    response: { status: 200, files: ["text/csv"] },
    handler: async ({ reply }) => {
      reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="mall-utfall.csv"');
      return toCsv(actualsImportTemplate());
    },
  });
}
