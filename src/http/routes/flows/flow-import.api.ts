import { errorCodes, type FastifyRequest } from "fastify";
import { measurementImportContext } from "../../../domain/benefits/benefit-plan.ts";
import { importFlows, mayImportFlows } from "../../../domain/flows/import-flows.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { flowImportTemplate } from "../../../exports/flow-import-template.ts";
import { toCsv, toXlsx } from "../../../exports/spreadsheet.ts";
import type { AppScope } from "../../app-scope.ts";
import { BenefitParams } from "../benefits/benefits.schema.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import { ImportPreview, ImportQuery } from "./flow-import.schema.ts";
import { readFlowImport } from "./flow-import-runner.ts";

export const IMPORT_URL = "/api/v1/initiatives/:initiativeId/flows/import";
export const ACTUALS_IMPORT_URL = "/api/v1/initiatives/:initiativeId/actuals/import";
export const MEASUREMENT_IMPORT_URL = "/api/v1/benefits/:benefitId/measurements/import";
/** The routes that take a file as their body (the three imports), and only from the initiative's team. */
const FILE_URLS: readonly string[] = [IMPORT_URL, ACTUALS_IMPORT_URL, MEASUREMENT_IMPORT_URL];
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_MEDIA_TYPE = "text/csv";
export const IMPORT_MEDIA_TYPES = [CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, "application/octet-stream"];
/** Far more than 5,000 flows take in CSV or XLSX; anything larger is refused (413) before it is read in full. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const unsupported = (request: FastifyRequest) =>
  new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(`${request.headers["content-type"] ?? "(none)"}; send ${IMPORT_MEDIA_TYPES.join(", ")}`);

/**
 * Importing flows from a spreadsheet, and its template. The file is the body itself; whether it is
 * CSV or XLSX is told by its bytes. It is read and checked on a worker thread (flow-import-runner.ts),
 * only for the initiative's team: an outsider's or a reader's upload is refused before it is read.
 */
export function flowImportApi({ app, api, db }: AppScope) {
  app.addContentTypeParser(IMPORT_MEDIA_TYPES, { parseAs: "buffer", bodyLimit: MAX_IMPORT_BYTES }, (request, body, done) => {
    // Only the import takes files; elsewhere they stay an unsupported media type.
    if (!FILE_URLS.includes(request.routeOptions.url ?? "")) done(unsupported(request), undefined);
    else done(null, body);
  });
  // Refuse whoever may not import before the body is read, so nobody else can make the server buffer 5 MB.
  app.addHook("preParsing", async (request) => {
    if (!FILE_URLS.includes(request.routeOptions.url ?? "") || request.method !== "POST") return;
    if (!request.auth) throw new DomainError("UNAUTHENTICATED", "a bearer token is required");
    const params = InitiativeParams.safeParse(request.params);
    if (params.success) await mayImportFlows({ db, actor: request.auth.actor }, params.data.initiativeId);
    const benefit = BenefitParams.safeParse(request.params);
    if (benefit.success) await measurementImportContext({ db, actor: request.auth.actor }, benefit.data.benefitId);
  });

  api({
    method: "POST",
    url: IMPORT_URL,
    summary:
      "Import flows from a spreadsheet (the initiative's team): send the file itself as the body (text/csv, XLSX or application/octet-stream, at most 5 MB and 5,000 rows; CSV or XLSX is told by the bytes). Answers 200 with the rows and every error by row and column, nothing saved; with ?commit=true and no error, saves every flow in one transaction and answers 201 { committed: true, flows }; with ?commit=true and errors, 400 with the same body as the preview and nothing saved. 429 TOO_MANY_VALIDATIONS when the server is reading as many imports as it reads at once",
    tag: "flows",
    access: "authenticated",
    params: InitiativeParams,
    query: ImportQuery,
    rawBody: { mediaTypes: IMPORT_MEDIA_TYPES, maxBytes: MAX_IMPORT_BYTES },
    response: { status: 200, schema: ImportPreview },
    handler: async ({ actor, params, query, request, reply, now }) => {
      await mayImportFlows({ db, actor }, params.initiativeId);
      if (!Buffer.isBuffer(request.body)) throw unsupported(request);
      const read = await readFlowImport(new Uint8Array(request.body));
      const preview = { ...read, committed: false as const };
      if (!query.commit) return preview;
      if (read.errors.length) return reply.code(400).send(preview);
      const flows = await importFlows({ db, actor, now, initiativeId: params.initiativeId, flows: read.rows.map((r) => r.flow) });
      return reply.code(201).send({ committed: true, flows });
    },
  });

  api({
    method: "GET",
    url: "/api/v1/flows/import-template.csv",
    summary: "The flow import's template as Swedish Excel's CSV (UTF-8 with BOM, ';'): every column the import reads and one example row",
    tag: "flows",
    access: "public",
    response: { status: 200, files: ["text/csv"] },
    handler: async ({ reply }) => {
      reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="mall-meddelandefloden.csv"');
      return toCsv(flowImportTemplate());
    },
  });

  api({
    method: "GET",
    url: "/api/v1/flows/import-template.xlsx",
    summary: "The flow import's template as an Excel workbook: every column the import reads and one example row",
    tag: "flows",
    access: "public",
    response: { status: 200, files: [XLSX_MEDIA_TYPE] },
    handler: async ({ reply }) => {
      reply.type(XLSX_MEDIA_TYPE).header("content-disposition", 'attachment; filename="mall-meddelandefloden.xlsx"');
      return toXlsx([flowImportTemplate()]);
    },
  });
}
