import { EXPORT_CONTENT_TYPES, exportFormat, exportFormats } from "../../../exports/export-file.ts";
import type { AppScope } from "../../app-scope.ts";
import { storedAttachmentFiles } from "../attachments/upload-settings.ts";
import { decisionPackageExport } from "./decision-package-export.ts";
import { deliverableExport } from "./deliverable-export.ts";
import { ExportParams, ExportQuery, PackageParams, PackageQuery } from "./exports.schema.ts";

export function exportsApi({ db, api, config }: AppScope) {
  const files = storedAttachmentFiles(config);
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

  for (const format of exportFormats) {
    api({
      method: "GET",
      url: `/api/v1/initiatives/:initiativeId/milestones/:numeral/package.${format}`,
      summary: `A milestone's decision package for the diarium as ${format === "pdf" ? "tagged PDF/UA with bookmarks, attachment PDFs appended" : "DOCX"}: the beslutsunderlag while undecided, the beslutsprotokoll of the current decision once decided, or of the decision given (a superseded one); Content-Disposition: attachment`,
      tag: "milestones",
      access: "authenticated",
      params: PackageParams,
      query: PackageQuery,
      response: { status: 200, files: [exportFormat(format).contentType] },
      handler: async ({ actor, params, query, request, reply, now }) => {
        const file = await decisionPackageExport({
          db,
          actor,
          files,
          locale: request.locale,
          now,
          initiativeId: params.initiativeId,
          numeral: params.numeral,
          decisionId: query.decision,
          format,
        });
        reply.type(file.contentType).header("content-disposition", file.contentDisposition).header("cache-control", "no-store");
        return file.body;
      },
    });
  }
}
