import { IMPORT_COLUMNS, type ImportField, MONTH_COLUMNS } from "../domain/flows/import/import-columns.ts";
import { messagesFor } from "../i18n/index.ts";
import type { SheetCell, SheetTable } from "./spreadsheet.ts";

/**
 * The flow import's template: every column the import reads under the Swedish header it writes,
 * and one example row the import itself takes (a test reads the template back through it).
 */
export function flowImportTemplate(): SheetTable {
  const example = messagesFor("sv").flowImport.template;
  const values: Record<ImportField, SheetCell> = {
    name: example.name,
    recipientType: "privatpersoner",
    annualVolume: 12000,
    description: example.description,
    businessProcess: example.businessProcess,
    sourceSystem: example.sourceSystem,
    currentChannel: example.currentChannel,
    costPerLetterSek: 15,
    informationSecurityClass: example.informationSecurityClass,
    legalConstraints: example.legalConstraints,
    needsReplies: "nej",
    needsReceipts: "nej",
    tactic: "Egen integration",
    plannedTestDate: "2027-03-01",
    plannedProductionDate: "2027-05-01",
    status: "Identifierad",
    processChange: 2,
    serviceImprovement: 4,
    priorityOverride: null,
    priorityMotivation: null,
  };
  // More building permits in spring and summer: shares that sum to 1.
  const seasons = [0.06, 0.06, 0.08, 0.1, 0.12, 0.12, 0.08, 0.08, 0.1, 0.08, 0.06, 0.06];
  return {
    name: "Flöden",
    columns: [
      ...IMPORT_COLUMNS.map((c) => ({ header: c.sv, width: Math.max(14, c.sv.length + 2) })),
      ...MONTH_COLUMNS.map((header) => ({ header, width: 11, numFmt: "0%" })),
    ],
    rows: [[...IMPORT_COLUMNS.map((c) => values[c.field]), ...seasons]],
  };
}
