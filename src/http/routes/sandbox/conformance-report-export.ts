import type { Database } from "../../../db/database.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import { getOrganisation } from "../../../domain/organisations/read-organisations.ts";
import { evaluateInitiativeConformance } from "../../../domain/sandbox/create-conformance-report.ts";
import { type ExportFile, type ExportFormat, exportFile } from "../../../exports/export-file.ts";
import type { Locale } from "../../../i18n/index.ts";
import { conformanceReport } from "../../../sandbox/conformance/conformance-report.ts";

/**
 * The full conformance report (every case, its evidence and failing checks) as a file, for the API
 * and the page alike. It is evaluated afresh from the recorded calls, so it is not versioned; the
 * testrapporter deliverable holds the versioned summary.
 */
export async function conformanceReportExport({
  db,
  actor,
  locale,
  now,
  initiativeId,
  since,
  format,
}: {
  db: Database;
  actor: Actor;
  locale: Locale;
  now: Date;
  initiativeId: string;
  since?: Date | undefined;
  format: ExportFormat;
}): Promise<ExportFile> {
  const { initiative, evaluation } = await evaluateInitiativeConformance({ db, actor, initiativeId, since });
  const organisation = await getOrganisation({ db, actor, organisationId: initiative.organisationId });
  const model = conformanceReport({
    organisationName: organisation.name,
    initiativeName: initiative.name,
    generatedAt: now,
    locale,
    ...evaluation,
  });
  return exportFile(model, format);
}
