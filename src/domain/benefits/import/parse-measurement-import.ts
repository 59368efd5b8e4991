import { normaliseHeader } from "../../flows/import/import-columns.ts";
import { type Cell, cellText, isEmpty, parseDate, parseNumber } from "../../flows/import/import-values.ts";
import { IMPORT_MESSAGES, type ImportProblem } from "../../flows/import/parse-flow-import.ts";
import { DEFAULT_SHEET_LIMITS, readSheet, type SheetLimits, type SheetProblem } from "../../flows/import/read-sheet.ts";
import { MAX_BENEFIT_VALUE, MeasurementInput } from "../benefit-input.ts";

/**
 * An import of a benefit's measurements read and checked, before anything is saved: one row per
 * measurement (Datum, Värde, Anteckning), every problem by row and column. The sheet is read as the
 * flow import reads it (read-sheet.ts, import-values.ts); only the columns and their checks are this
 * import's own. A file with any problem saves nothing.
 */

export type MeasurementImportField = "date" | "value" | "note";

export const MEASUREMENT_IMPORT_COLUMNS: readonly {
  field: MeasurementImportField;
  sv: string;
  en: string;
  aliases: readonly string[];
  required: boolean;
}[] = [
  { field: "date", sv: "Datum", en: "Date", aliases: ["Mätdatum", "Measured on"], required: true },
  { field: "value", sv: "Värde", en: "Value", aliases: ["Mätvärde", "Measurement"], required: true },
  { field: "note", sv: "Anteckning", en: "Note", aliases: ["Kommentar", "Comment"], required: false },
];

/** The benefit's baseline date: a measurement before it is refused. */
export type MeasurementImportContext = { baselineDate: string };

export type MeasurementImportRow = { row: number; date: string; value: number; note: string };

export type MeasurementImport = {
  format: "csv" | "xlsx";
  rows: MeasurementImportRow[];
  errors: ImportProblem[];
  ignoredColumns: string[];
};

export const MEASUREMENT_IMPORT_MESSAGES = {
  encoding: IMPORT_MESSAGES.encoding,
  empty_file: IMPORT_MESSAGES.empty_file,
  unreadable_file: IMPORT_MESSAGES.unreadable_file,
  too_many_rows: IMPORT_MESSAGES.too_many_rows,
  xlsx_too_large: IMPORT_MESSAGES.xlsx_too_large,
  missing_header: IMPORT_MESSAGES.missing_header,
  duplicate_header: IMPORT_MESSAGES.duplicate_header,
  no_rows: "The file has a header row but no measurements",
  required: "A value is required",
  not_a_date: IMPORT_MESSAGES.not_a_date,
  before_baseline: "Before the benefit's baseline date",
  not_a_number: IMPORT_MESSAGES.not_a_number,
  too_large: `More than ${MAX_BENEFIT_VALUE} from zero`,
  too_long: "The note is longer than 2000 characters",
} as const;
export type MeasurementImportCode = keyof typeof MEASUREMENT_IMPORT_MESSAGES;

const problem = (
  row: number,
  column: string | null,
  field: MeasurementImportField | null,
  code: MeasurementImportCode,
  { detail, value = null }: { detail?: string; value?: string | null } = {},
): ImportProblem => ({
  row,
  column,
  field,
  code,
  message: detail
    ? `${MEASUREMENT_IMPORT_MESSAGES[code]}: ${detail}`
    : value !== null
      ? `${MEASUREMENT_IMPORT_MESSAGES[code]}: "${value}"`
      : MEASUREMENT_IMPORT_MESSAGES[code],
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

const BY_NAME = new Map<string, MeasurementImportField>(
  MEASUREMENT_IMPORT_COLUMNS.flatMap((c) => [c.sv, c.en, ...c.aliases].map((n) => [normaliseHeader(n), c.field] as const)),
);

/** Reads and checks a measurement import: every row, every problem. */
export async function parseMeasurementImport(
  bytes: Uint8Array,
  context: MeasurementImportContext,
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<MeasurementImport> {
  const reading = await readSheet(bytes, limits);
  if (!reading.ok) return { format: reading.format, rows: [], errors: [sheetProblem(reading.problem)], ignoredColumns: [] };
  const { sheet } = reading;

  const at: Partial<Record<MeasurementImportField, number>> = {};
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
  for (const column of MEASUREMENT_IMPORT_COLUMNS) {
    if (column.required && at[column.field] === undefined) errors.push(problem(1, column.sv, column.field, "missing_header"));
  }
  if (errors.some((e) => e.code === "missing_header")) return { format: sheet.format, rows: [], errors, ignoredColumns };
  const column = (field: MeasurementImportField) => sheet.header[at[field] ?? -1] ?? null;

  const rows: MeasurementImportRow[] = [];
  for (const { row, cells } of sheet.rows) {
    const cellOf = (field: MeasurementImportField): Cell => cells[at[field] ?? -1] ?? null;
    const shown = (cell: Cell) => cellText(cell).slice(0, 100);
    const rowErrors: ImportProblem[] = [];

    const dateCell = cellOf("date");
    let date: string | null = null;
    if (isEmpty(dateCell)) rowErrors.push(problem(row, column("date"), "date", "required"));
    else {
      const read = parseDate(dateCell);
      // A day that is not in the calendar ("2027-02-30") is the measurement input's to refuse.
      const real = read.ok && MeasurementInput.shape.date.safeParse(read.value).success;
      if (!read.ok || !real) rowErrors.push(problem(row, column("date"), "date", "not_a_date", { value: shown(dateCell) }));
      else if (read.value < context.baselineDate)
        rowErrors.push(problem(row, column("date"), "date", "before_baseline", { detail: `${read.value} < ${context.baselineDate}` }));
      else date = read.value;
    }

    const valueCell = cellOf("value");
    let value: number | null = null;
    if (isEmpty(valueCell)) rowErrors.push(problem(row, column("value"), "value", "required"));
    else {
      const read = parseNumber(valueCell);
      if (!read.ok) rowErrors.push(problem(row, column("value"), "value", "not_a_number", { value: shown(valueCell) }));
      else if (Math.abs(read.value) > MAX_BENEFIT_VALUE)
        rowErrors.push(problem(row, column("value"), "value", "too_large", { value: shown(valueCell) }));
      else value = Math.round(read.value * 10_000) / 10_000;
    }

    const note = cellText(cellOf("note")).trim();
    if (note.length > 2000) rowErrors.push(problem(row, column("note"), "note", "too_long"));

    if (!rowErrors.length && date !== null && value !== null) rows.push({ row, date, value, note });
    errors.push(...rowErrors);
  }
  if (!sheet.rows.length) errors.push(problem(0, null, null, "no_rows"));
  return { format: sheet.format, rows, errors, ignoredColumns };
}
