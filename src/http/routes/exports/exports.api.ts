import { EXPORT_CONTENT_TYPES } from "../../../exports/export-file.ts";
import type { AppScope } from "../../app-scope.ts";
import { deliverableExport } from "./deliverable-export.ts";
import { ExportParams, ExportQuery } from "./exports.schema.ts";

export function exportsApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/deliverables/:deliverableId/export",
    summary:
      "A version of a deliverable as a file to download (format=docx, or pdf: tagged PDF/UA), the latest unless version is given; answers the file with Content-Disposition: attachment",
    tag: "deliverables",
    access: "authenticated",
    params: ExportParams,
    query: ExportQuery,
    response: { status: 200, files: EXPORT_CONTENT_TYPES },
    handler: async ({ actor, params, query, request, reply, now }) => {
      const file = await deliverableExport({
        db,
        actor,
        locale: request.locale,
        now,
        deliverableId: params.deliverableId,
        version: query.version,
        format: query.format,
      });
      reply.type(file.contentType).header("content-disposition", file.contentDisposition).header("cache-control", "no-store");
      return file.body;
    },
  });
}
