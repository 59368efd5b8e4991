import { en } from "../../../i18n/en.ts";
import { fieldIssues } from "../../shared/zod-issues.ts";
import { FlowInput } from "../flow-input.ts";
import { type HeaderMap, IMPORT_COLUMNS, type ImportField, MONTH_COLUMNS, mapHeaders, SEASONALITY_COLUMN } from "./import-columns.ts";
import {
  type Cell,
  cellText,
  isEmpty,
  parseBoolean,
  parseDate,
  parseNumber,
  parseRecipientType,
  parseSeasonalityCell,
  parseStatus,
  parseTactic,
  type Read,
} from "./import-values.ts";
import { DEFAULT_SHEET_LIMITS, readSheet, type SheetLimits, type SheetProblem } from "./read-sheet.ts";

/**
 * A flow import read and checked, before anything is saved: each row as the FlowInput it becomes,
 * and every problem with the row and column it is in (row 1 is the header, as Excel numbers it).
 * A file with any problem imports nothing; the caller shows the problems and the rows alike.
 */

export type ImportProblem = {
  /** The spreadsheet's row number (the header is row 1); 0 for the file as a whole. */
  row: number;
  /** The column as its header names it (the template's Swedish name when the column is missing). */
  column: string | null;
  /** The FlowInput field, when the problem is one field's. */
  field: string | null;
  code: string;
  message: string;
  /** The cell as written, when it could not be read (at most 100 characters). */
  value: string | null;
};

export type ImportedRow = { row: number; flow: FlowInput };

export type FlowImport = {
  format: "csv" | "xlsx";
  rows: ImportedRow[];
  errors: ImportProblem[];
  /** Headers no field takes: left out of the import, shown so a misspelt header is noticed. */
  ignoredColumns: string[];
};

/** The English messages of the import's own codes; the page says them in Swedish by code. */
export const IMPORT_MESSAGES = {
  encoding: 'The file is not UTF-8 text. In Excel, save it as "CSV UTF-8 (kommaavgränsad)" (CSV UTF-8) or as an Excel workbook (.xlsx)',
  empty_file: "The file has no header row",
  unreadable_file: "The file cannot be read as CSV or XLSX",
  too_many_rows: "The file has more rows than one import takes",
  xlsx_too_large: "The XLSX file unpacks to more than an import reads",
  missing_header: "A required column is missing from the header row",
  duplicate_header: "Two columns have the same meaning",
  missing_month: "With monthly seasonality columns, all twelve months are needed",
  no_rows: "The file has a header row but no flows",
  not_a_number: "Not a number",
  not_a_date: "Not a date as YYYY-MM-DD",
  not_a_boolean: "Write ja or nej",
  unknown_choice: "Not one of the allowed values",
  seasonality_months: en.fieldErrors.seasonality_months,
} as const;
export type ImportCode = keyof typeof IMPORT_MESSAGES;

const problem = (
  row: number,
  column: string | null,
  field: string | null,
  code: ImportCode,
  { detail, value = null }: { detail?: string; value?: string | null } = {},
): ImportProblem => ({
  row,
  column,
  field,
  code,
  message: detail ? `${IMPORT_MESSAGES[code]}: ${detail}` : value !== null ? `${IMPORT_MESSAGES[code]}: "${value}"` : IMPORT_MESSAGES[code],
  value,
});

function sheetProblem(p: SheetProblem): ImportProblem {
  switch (p.code) {
    case "too_many_rows":
      return problem(0, null, null, p.code, { detail: `at most ${p.max} flows` });
    case "unreadable_file":
    case "xlsx_too_large":
      return problem(0, null, null, p.code, { detail: p.detail });
    default:
      return problem(0, null, null, p.code);
  }
}

type Converter = (cell: Cell) => Read<unknown>;
const text: Converter = (cell) => ({ ok: true, value: cellText(cell).trim() });
const number: Converter = (cell) => parseNumber(cell);

const CONVERT: Record<ImportField, Converter> = {
  name: text,
  description: text,
  businessProcess: text,
  sourceSystem: text,
  recipientType: parseRecipientType,
  annualVolume: number,
  currentChannel: text,
  costPerLetterSek: number,
  informationSecurityClass: text,
  legalConstraints: text,
  needsReplies: parseBoolean,
  needsReceipts: parseBoolean,
  tactic: parseTactic,
  plannedTestDate: parseDate,
  plannedProductionDate: parseDate,
  status: parseStatus,
  processChange: number,
  serviceImprovement: number,
  priorityOverride: number,
  priorityMotivation: text,
};

/** The column a field's problem is named by: its header as written in the file. */
function columnOf(headers: HeaderMap, path: (string | number)[]): string | null {
  const [field, index] = path;
  if (field === "seasonality") {
    if (headers.months && typeof index === "number") return headers.names[headers.months[index] ?? -1] ?? MONTH_COLUMNS[index] ?? null;
    if (headers.months) return headers.names[headers.months[0] ?? -1] ?? null;
    return headers.seasonality !== null ? (headers.names[headers.seasonality] ?? null) : SEASONALITY_COLUMN.sv;
  }
  const at = headers.fields[field as ImportField];
  if (at !== undefined) return headers.names[at] ?? null;
  return IMPORT_COLUMNS.find((c) => c.field === field)?.sv ?? null;
}

function readRow(headers: HeaderMap, row: number, cells: Cell[]): { flow: FlowInput | null; errors: ImportProblem[] } {
  const errors: ImportProblem[] = [];
  const raw: Record<string, unknown> = {};
  const wrong = new Set<string>();
  for (const [field, index] of Object.entries(headers.fields) as [ImportField, number][]) {
    const cell = cells[index] ?? null;
    if (isEmpty(cell)) continue;
    const read = CONVERT[field](cell);
    if (read.ok) raw[field] = read.value;
    else {
      wrong.add(field);
      errors.push(problem(row, headers.names[index] ?? null, field, read.code, { value: cellText(cell).slice(0, 100) }));
    }
  }
  if (headers.months) {
    const monthCells = headers.months.map((index) => (index === null ? null : (cells[index] ?? null)));
    if (!monthCells.every(isEmpty)) {
      const shares: number[] = [];
      monthCells.forEach((cell, month) => {
        const share = isEmpty(cell) ? ({ ok: false, code: "not_a_number" } as const) : parseNumber(cell, { percent: true });
        if (share.ok) shares.push(share.value);
        else {
          wrong.add("seasonality");
          errors.push(
            problem(row, columnOf(headers, ["seasonality", month]), "seasonality", share.code, { value: cellText(cell).slice(0, 100) }),
          );
        }
      });
      if (!wrong.has("seasonality")) raw.seasonality = shares;
    }
  } else if (headers.seasonality !== null) {
    const cell = cells[headers.seasonality] ?? null;
    if (!isEmpty(cell)) {
      const shares = parseSeasonalityCell(cell);
      if (shares.ok) raw.seasonality = shares.value;
      else {
        wrong.add("seasonality");
        errors.push(problem(row, columnOf(headers, ["seasonality"]), "seasonality", shares.code, { value: cellText(cell).slice(0, 100) }));
      }
    }
  }
  const parsed = FlowInput.safeParse(raw);
  if (parsed.success) return { flow: errors.length ? null : parsed.data, errors };
  for (const issue of fieldIssues(parsed.error)) {
    const field = String(issue.path[0] ?? "");
    // A value that could not be read at all is reported once, as such, not again as missing.
    if (wrong.has(field)) continue;
    errors.push({
      row,
      column: columnOf(headers, issue.path),
      field: issue.path.join("."),
      code: issue.code,
      message: issue.message,
      value: null,
    });
  }
  return { flow: null, errors };
}

/** Reads and checks an import file: every row, every problem; rows are returned even when some are wrong. */
export async function parseFlowImport(bytes: Uint8Array, limits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<FlowImport> {
  const reading = await readSheet(bytes, limits);
  if (!reading.ok) return { format: reading.format, rows: [], errors: [sheetProblem(reading.problem)], ignoredColumns: [] };
  const { sheet } = reading;
  const headers = mapHeaders(sheet.header);
  const headerErrors = headers.problems.map((p) => problem(1, p.column, p.field, p.code));
  if (headerErrors.some((e) => e.code === "missing_header")) {
    return { format: sheet.format, rows: [], errors: headerErrors, ignoredColumns: headers.unknown };
  }
  const rows: ImportedRow[] = [];
  const errors = [...headerErrors];
  for (const { row, cells } of sheet.rows) {
    const read = readRow(headers, row, cells);
    if (read.flow) rows.push({ row, flow: read.flow });
    errors.push(...read.errors);
  }
  if (!sheet.rows.length) errors.push(problem(0, null, null, "no_rows"));
  return { format: sheet.format, rows, errors, ignoredColumns: headers.unknown };
}
