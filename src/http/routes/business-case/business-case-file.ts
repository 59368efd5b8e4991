import type { Database } from "../../../db/database.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import { getBusinessCaseWithFlows } from "../../../domain/business-case/initiative-business-case.ts";
import { businessCaseWorkbook } from "../../../exports/business-case-workbook.ts";
import { fileBaseName } from "../../../exports/export-file.ts";
import { XLSX_MEDIA_TYPE } from "../flows/flow-import.api.ts";

const disposition = (name: string) =>
  `attachment; filename="${fileBaseName(name) || "business-case"}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${name}.xlsx`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/** The business case as an XLSX file for whoever may read the initiative (business-case-workbook.ts). */
export async function businessCaseFile({ db, actor, now, initiativeId }: { db: Database; actor: Actor; now: Date; initiativeId: string }) {
  const result = await getBusinessCaseWithFlows({ db, actor, now, initiativeId });
  return {
    contentType: XLSX_MEDIA_TYPE,
    contentDisposition: disposition(`Business case ${result.initiative.name}`),
    body: await businessCaseWorkbook(result),
  };
}
