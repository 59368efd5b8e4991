import { normaliseHeader } from "../../flows/import/import-columns.ts";
import { type Cell, cellText, isEmpty, parseNumber } from "../../flows/import/import-values.ts";
import { IMPORT_MESSAGES, type ImportProblem } from "../../flows/import/parse-flow-import.ts";
import { DEFAULT_SHEET_LIMITS, readSheet, type SheetLimits, type SheetProblem } from "../../flows/import/read-sheet.ts";
import { MAX_MONTHLY_COUNT } from "../actuals-input.ts";

/**
 * An import of actual volumes read and checked, before anything is saved: one row per flow and
 * month with the flow it names (by name, in this initiative), and every problem by row and column.
 * The sheet is read as the flow import reads it (read-sheet.ts, import-values.ts); only the columns
 * and their checks are this import's own. A file with any problem saves nothing.
 */

export type ActualsImportField = "flow" | "month" | "digital" | "paper";

export const ACTUALS_IMPORT_COLUMNS: readonly { field: ActualsImportField; sv: string; en: string; aliases: readonly string[] }[] = [
  { field: "flow", sv: "Flöde", en: "Flow", aliases: ["Meddelandeflöde", "Message flow", "Namn", "Name"] },
  { field: "month", sv: "Månad", en: "Month", aliases: ["År och månad", "Period"] },
  { field: "digital", sv: "Digitala", en: "Digital", aliases: ["Digitalt", "Digitala meddelanden", "Digital messages"] },
  { field: "paper", sv: "Papper", en: "Paper", aliases: ["Pappersbrev", "Brev på papper", "Paper letters", "Letters"] },
];

/** The initiative's flows by name, and this month in Stockholm ("YYYY-MM"): what the rows are checked against. */
export type ActualsImportContext = { flows: readonly { id: string; name: string }[]; currentMonth: string };

export type ActualsImportRow = { row: number; flowId: string; flowName: string; month: string; digital: number; paper: number };

export type ActualsImport = {
  format: "csv" | "xlsx";
  rows: ActualsImportRow[];
  errors: ImportProblem[];
  ignoredColumns: string[];
};

/** The English messages of this import's codes; codes shared with the flow import keep its messages. */
export const ACTUALS_IMPORT_MESSAGES = {
  encoding: IMPORT_MESSAGES.encoding,
  empty_file: IMPORT_MESSAGES.empty_file,
  unreadable_file: IMPORT_MESSAGES.unreadable_file,
  too_many_rows: IMPORT_MESSAGES.too_many_rows,
  xlsx_too_large: IMPORT_MESSAGES.xlsx_too_large,
  missing_header: IMPORT_MESSAGES.missing_header,
  duplicate_header: IMPORT_MESSAGES.duplicate_header,
  no_rows: "The file has a header row but no months",
  required: "A value is required",
  unknown_flow: "No flow of this initiative has that name",
  ambiguous_flow: "More than one flow of this initiative has that name",
  not_a_month: "Not a month as YYYY-MM",
  future_month: "A month that has not begun cannot have actuals",
  duplicate_row: "The same flow and month are on an earlier row",
  not_a_number: IMPORT_MESSAGES.not_a_number,
  whole_number: "Not a whole number",
  negative: "Less than zero",
  too_large: `More than ${MAX_MONTHLY_COUNT} in one month`,
} as const;
export type ActualsImportCode = keyof typeof ACTUALS_IMPORT_MESSAGES;

const problem = (
  row: number,
  column: string | null,
  field: ActualsImportField | null,
  code: ActualsImportCode,
  { detail, value = null }: { detail?: string; value?: string | null } = {},
): ImportProblem => ({
  row,
  column,
  field,
  code,
  message: detail
    ? `${ACTUALS_IMPORT_MESSAGES[code]}: ${detail}`
    : value !== null
      ? `${ACTUALS_IMPORT_MESSAGES[code]}: "${value}"`
      : ACTUALS_IMPORT_MESSAGES[code],
  value,
});

function sheetProblem(p: SheetProblem): ImportProblem {
  switch (p.code) {
    case "too_many_rows":
      return problem(0, null, null, p.code, { detail: `at most ${p.max} rows` });
    case "unreadable_file":
    case "xlsx_too_large":
      return problem(0, null, null, p.code, { detail: p.detail });
    default:
      return problem(0, null, null, p.code);
  }
}

const BY_NAME = new Map<string, ActualsImportField>(
  ACTUALS_IMPORT_COLUMNS.flatMap((c) => [c.sv, c.en, ...c.aliases].map((n) => [normaliseHeader(n), c.field] as const)),
);

/** A flow's name as the import compares it: trimmed, one space between words, without case. */
export const flowNameKey = (name: string) =>
  name
    .normalize("NFC")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .toLocaleLowerCase("sv");

/**
 * A month as "YYYY-MM": written so, as a day ("2027-01-01", the day is dropped), or an XLSX date
 * cell (at midnight UTC, as Excel's dates are read).
 */
export function parseMonth(cell: Cell): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return `${String(cell.getUTCFullYear()).padStart(4, "0")}-${String(cell.getUTCMonth() + 1).padStart(2, "0")}`;
  }
  if (typeof cell !== "string") return null;
  const match = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[ T]00:00(?::00)?)?)?$/.exec(cell.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  if (Number(month) < 1 || Number(month) > 12) return null;
  if (day !== undefined) {
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day)) return null;
  }
  return `${year}-${month}`;
}

type CountRead = { ok: true; value: number } | { ok: false; code: ActualsImportCode };
function parseCount(cell: Cell): CountRead {
  if (isEmpty(cell)) return { ok: false, code: "required" };
  const read = parseNumber(cell);
  if (!read.ok) return { ok: false, code: "not_a_number" };
  if (read.value < 0) return { ok: false, code: "negative" };
  if (!Number.isInteger(read.value)) return { ok: false, code: "whole_number" };
  if (read.value > MAX_MONTHLY_COUNT) return { ok: false, code: "too_large" };
  return { ok: true, value: read.value };
}

/** Reads and checks an actuals import: every row, every problem. */
export async function parseActualsImport(
  bytes: Uint8Array,
  context: ActualsImportContext,
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<ActualsImport> {
  const reading = await readSheet(bytes, limits);
  if (!reading.ok) return { format: reading.format, rows: [], errors: [sheetProblem(reading.problem)], ignoredColumns: [] };
  const { sheet } = reading;

  const at: Partial<Record<ActualsImportField, number>> = {};
  const errors: ImportProblem[] = [];
  const ignoredColumns: string[] = [];
  sheet.header.forEach((header, index) => {
    const name = normaliseHeader(header);
    if (!name) return;
    const field = BY_NAME.get(name);
    if (!field) ignoredColumns.push(header);
    else if (at[field] !== undefined) errors.push(problem(1, header, field, "duplicate_header"));
    else at[field] = index;
  });
  for (const column of ACTUALS_IMPORT_COLUMNS) {
    if (at[column.field] === undefined) errors.push(problem(1, column.sv, column.field, "missing_header"));
  }
  if (errors.some((e) => e.code === "missing_header")) return { format: sheet.format, rows: [], errors, ignoredColumns };
  const column = (field: ActualsImportField) => sheet.header[at[field] ?? -1] ?? null;

  const flowsByName = new Map<string, { id: string; name: string }[]>();
  for (const flow of context.flows) {
    const key = flowNameKey(flow.name);
    flowsByName.set(key, [...(flowsByName.get(key) ?? []), flow]);
  }

  const rows: ActualsImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const cellOf = (field: ActualsImportField): Cell => cells[at[field] ?? -1] ?? null;
    const shown = (cell: Cell) => cellText(cell).slice(0, 100);
    const rowErrors: ImportProblem[] = [];

    const flowCell = cellOf("flow");
    let flow: { id: string; name: string } | null = null;
    if (isEmpty(flowCell)) rowErrors.push(problem(row, column("flow"), "flow", "required"));
    else {
      const found = flowsByName.get(flowNameKey(cellText(flowCell))) ?? [];
      if (found.length === 1) flow = found[0] ?? null;
      else
        rowErrors.push(problem(row, column("flow"), "flow", found.length ? "ambiguous_flow" : "unknown_flow", { value: shown(flowCell) }));
    }

    const monthCell = cellOf("month");
    let month: string | null = null;
    if (isEmpty(monthCell)) rowErrors.push(problem(row, column("month"), "month", "required"));
    else {
      month = parseMonth(monthCell);
      if (month === null) rowErrors.push(problem(row, column("month"), "month", "not_a_month", { value: shown(monthCell) }));
      else if (month > context.currentMonth) {
        rowErrors.push(problem(row, column("month"), "month", "future_month", { value: month }));
        month = null;
      }
    }
    if (flow && month) {
      const key = `${flow.id} ${month}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        rowErrors.push(problem(row, column("month"), "month", "duplicate_row", { detail: `row ${first} has ${flow.name} ${month}` }));
      } else firstRowOf.set(key, row);
    }

    const counts: Partial<Record<"digital" | "paper", number>> = {};
    for (const field of ["digital", "paper"] as const) {
      const cell = cellOf(field);
      const read = parseCount(cell);
      if (read.ok) counts[field] = read.value;
      else rowErrors.push(problem(row, column(field), field, read.code, read.code === "required" ? {} : { value: shown(cell) }));
    }

    if (!rowErrors.length && flow && month && counts.digital !== undefined && counts.paper !== undefined) {
      rows.push({ row, flowId: flow.id, flowName: flow.name, month, digital: counts.digital, paper: counts.paper });
    }
    errors.push(...rowErrors);
  }
  if (!sheet.rows.length) errors.push(problem(0, null, null, "no_rows"));
  return { format: sheet.format, rows, errors, ignoredColumns };
}
