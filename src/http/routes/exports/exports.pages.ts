import { exportFormats } from "../../../exports/export-file.ts";
import type { AppScope } from "../../app-scope.ts";
import { pathValue } from "../../path-id.ts";
import { storedAttachmentFiles } from "../attachments/upload-settings.ts";
import { decisionPackageExport } from "./decision-package-export.ts";
import { deliverableExport } from "./deliverable-export.ts";
import { ExportParams, PackageParams, PageExportQuery, PagePackageQuery } from "./exports.schema.ts";

/**
 * The download links on a deliverable's page: one URL per format, so the link says what it gives.
 * A malformed id or version in the URL is simply something that does not exist.
 */
export function exportsPages({ page, db, config }: AppScope) {
  const files = storedAttachmentFiles(config);
  for (const format of exportFormats) {
    page({
      method: "GET",
      url: `/deliverables/:deliverableId/export.${format}`,
      access: "session",
      params: ExportParams,
      handle: async ({ actor, locale, now, reply, request, params: { deliverableId } }) => {
        const { version } = pathValue(PageExportQuery, request.query);
        const file = await deliverableExport({ db, actor, locale, now, deliverableId, version, format });
        return reply
          .type(file.contentType)
          .header("content-disposition", file.contentDisposition)
          .header("cache-control", "no-store")
          .send(file.body);
      },
    });
  }

  // A milestone's decision package, linked from the milestone's page; ?decision= for a superseded decision's.
  for (const format of exportFormats) {
    page({
      method: "GET",
      url: `/initiatives/:initiativeId/milestones/:numeral/package.${format}`,
      access: "session",
      params: PackageParams,
      handle: async ({ actor, locale, now, reply, request, params: { initiativeId, numeral } }) => {
        const { decision } = pathValue(PagePackageQuery, request.query);
        const file = await decisionPackageExport({ db, actor, locale, now, initiativeId, numeral, decisionId: decision, format, files });
        return reply
          .type(file.contentType)
          .header("content-disposition", file.contentDisposition)
          .header("cache-control", "no-store")
          .send(file.body);
      },
    });
  }
}
