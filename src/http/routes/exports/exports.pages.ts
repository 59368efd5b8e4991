import { z } from "zod";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { exportFormats } from "../../../exports/export-file.ts";
import type { AppScope } from "../../app-scope.ts";
import { requireSession } from "../../render.ts";
import { deliverableExport } from "./deliverable-export.ts";
import { PageExportQuery } from "./exports.schema.ts";

type ExportRequest = { Params: { deliverableId: string }; Querystring: Record<string, unknown> };

/**
 * The download links on a deliverable's page: one URL per format, so the link says what it gives.
 * A malformed id or version in the URL is simply something that does not exist.
 */
export function exportsPages({ app, db }: AppScope) {
  for (const format of exportFormats) {
    app.get<ExportRequest>(`/deliverables/:deliverableId/export.${format}`, async (request, reply) => {
      const auth = requireSession(request, reply);
      if (!auth) return reply;
      const id = z.uuid().safeParse(request.params.deliverableId);
      const query = PageExportQuery.safeParse(request.query);
      if (!id.success || !query.success) throw new DomainError("NOT_FOUND", "not found");
      const file = await deliverableExport({
        db,
        actor: auth.actor,
        locale: request.locale,
        now: request.now,
        deliverableId: id.data,
        version: query.data.version,
        format,
      });
      return reply
        .type(file.contentType)
        .header("content-disposition", file.contentDisposition)
        .header("cache-control", "no-store")
        .send(file.body);
    });
  }
}
