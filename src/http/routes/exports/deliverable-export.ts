import type { Database } from "../../../db/database.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import { getDeliverable } from "../../../domain/deliverables/deliverables.ts";
import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { getOrganisation } from "../../../domain/organisations/read-organisations.ts";
import { notFound } from "../../../domain/shared/domain-error.ts";
import { deliverableDocument } from "../../../exports/deliverable-document.ts";
import { type ExportFile, type ExportFormat, exportFile } from "../../../exports/export-file.ts";
import type { Locale } from "../../../i18n/index.ts";

/**
 * One version of a deliverable as a file, for the API and the page alike. Reading it goes through
 * getDeliverable, so an outsider gets 404 as for the deliverable itself.
 */
export async function deliverableExport({
  db,
  actor,
  locale,
  now,
  deliverableId,
  version,
  format,
}: {
  db: Database;
  actor: Actor;
  locale: Locale;
  now: Date;
  deliverableId: string;
  version?: number | undefined;
  format: ExportFormat;
}): Promise<ExportFile> {
  const deliverable = await getDeliverable({ db, actor, deliverableId });
  const chosen =
    version === undefined ? deliverable.versions[deliverable.versions.length - 1] : deliverable.versions.find((v) => v.version === version);
  if (!chosen) throw notFound("deliverable version");
  const [initiative, organisation] = await Promise.all([
    readableInitiative({ db, actor }, deliverable.initiativeId),
    getOrganisation({ db, actor, organisationId: deliverable.organisationId }),
  ]);
  const draft = deliverableDocument({
    deliverable,
    version: chosen,
    locale,
    exportedAt: now,
    initiativeName: initiative.name,
    organisationName: organisation.name,
  });
  // The charts as pictures, drawn here from the page's own SVG: exports/ never imports ui.
  return exportFile(await (await import("./chart-pictures.ts")).drawCharts(draft, locale), format, chosen.version);
}
