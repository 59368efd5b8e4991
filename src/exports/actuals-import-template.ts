import { ACTUALS_IMPORT_COLUMNS } from "../domain/actuals/import/parse-actuals-import.ts";
import { messagesFor } from "../i18n/index.ts";
import type { SheetTable } from "./spreadsheet.ts";

/** The actuals import's template: its four columns under their Swedish headers and one example row. */
export function actualsImportTemplate(): SheetTable {
  const example: Record<(typeof ACTUALS_IMPORT_COLUMNS)[number]["field"], string | number> = {
    flow: messagesFor("sv").flowImport.template.name,
    month: "2026-01",
    digital: 850,
    paper: 150,
  };
  return {
    name: "Utfall",
    columns: ACTUALS_IMPORT_COLUMNS.map((c) => ({ header: c.sv })),
    rows: [ACTUALS_IMPORT_COLUMNS.map((c) => example[c.field])],
  };
}
