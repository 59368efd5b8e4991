import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import type { Cell } from "./import-values.ts";

/**
 * A sheet as a person saved it, read into rows of cells: CSV as Excel writes it (UTF-8 with or
 * without a BOM, ";" or "," between fields, quoted fields) or the first worksheet of an XLSX.
 * Which one is told by the bytes (an XLSX is a ZIP file), never by what the sender called it.
 * Nothing here trusts the file: a row limit stops reading early, and an XLSX's ZIP entries are
 * measured from its central directory before anything is decompressed.
 */

export type SheetLimits = {
  /** Data rows (below the header) at most; one more is too_many_rows and nothing is imported. */
  maxRows: number;
  /** The most one ZIP entry of an XLSX may unpack to, and all of them together. */
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxEntries: number;
};

export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxRows: 5000,
  maxEntryBytes: 40 * 1024 * 1024,
  maxTotalBytes: 80 * 1024 * 1024,
  maxEntries: 2000,
};

export type SheetRow = { row: number; cells: Cell[] };
export type Sheet = { format: "csv" | "xlsx"; header: string[]; rows: SheetRow[] };

/** Why a file could not be read at all: one problem for the whole file. */
export type SheetProblem =
  | { code: "encoding" }
  | { code: "empty_file" }
  | { code: "unreadable_file"; detail: string }
  | { code: "too_many_rows"; max: number }
  | { code: "xlsx_too_large"; detail: string };

export type SheetReading = { ok: true; sheet: Sheet } | { ok: false; format: "csv" | "xlsx"; problem: SheetProblem };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
export const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b);

export async function readSheet(bytes: Uint8Array, limits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<SheetReading> {
  return isZip(bytes) ? readXlsx(bytes, limits) : readCsv(bytes, limits);
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The delimiter the header line uses most: ";" (Swedish Excel), "," or a tab. */
export function detectDelimiter(text: string): ";" | "," | "\t" {
  let headerLine = "";
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    if (!quoted) headerLine += char;
  }
  const count = (d: string) => headerLine.split(d).length - 1;
  const candidates = [";", ",", "\t"] as const;
  const best = candidates.reduce((a, b) => (count(b) > count(a) ? b : a));
  return count(best) > 0 ? best : ";";
}

export function readCsv(bytes: Uint8Array, limits: SheetLimits): SheetReading {
  const fail = (problem: SheetProblem): SheetReading => ({ ok: false, format: "csv", problem });
  // UTF-16 (Excel's "Unicode text") or Windows-1252 bytes are not UTF-8: say so instead of guessing.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return fail({ code: "encoding" });
  const body = UTF8_BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return fail({ code: "encoding" });
  }
  if (text.includes("\u0000")) return fail({ code: "encoding" });
  if (!text.trim()) return fail({ code: "empty_file" });
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_records_with_empty_values: true,
      info: true,
      // The header, the most rows taken, and one more to know there were too many.
      to: limits.maxRows + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    return fail({ code: "unreadable_file", detail: error instanceof Error ? error.message : String(error) });
  }
  const [header, ...data] = records;
  if (!header) return fail({ code: "empty_file" });
  if (data.length > limits.maxRows) return fail({ code: "too_many_rows", max: limits.maxRows });
  return {
    ok: true,
    sheet: { format: "csv", header: header.record, rows: data.map(({ record, info }) => ({ row: info.lines, cells: record })) },
  };
}

type ZipEntry = { name: string; compressed: number; uncompressed: number };

/**
 * The entries a ZIP file's central directory declares, read without decompressing anything.
 * ZIP64 (sizes of 4 GB and more) is refused: no spreadsheet of flows needs it.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const EOCD = 0x06054b50;
  let end = -1;
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return "no ZIP end of central directory";
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return "ZIP64 is not accepted";
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return "a damaged ZIP central directory";
    const compressed = view.getUint32(offset + 20, true);
    const uncompressed = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) return "ZIP64 is not accepted";
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.push({ name, compressed, uncompressed });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** What an XLSX cell holds, as a plain value: the text of rich text and links, a formula's result. */
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("result" in value) return plainCell((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("error" in value) return String(value.error);
  return null;
}

async function readXlsx(bytes: Uint8Array, limits: SheetLimits): Promise<SheetReading> {
  const fail = (problem: SheetProblem): SheetReading => ({ ok: false, format: "xlsx", problem });
  const entries = zipEntries(bytes);
  if (typeof entries === "string") return fail({ code: "unreadable_file", detail: entries });
  if (entries.length > limits.maxEntries) return fail({ code: "xlsx_too_large", detail: `${entries.length} ZIP entries` });
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressed;
    if (entry.uncompressed > limits.maxEntryBytes) {
      return fail({ code: "xlsx_too_large", detail: `${entry.name} unpacks to ${entry.uncompressed} bytes` });
    }
  }
  if (total > limits.maxTotalBytes) return fail({ code: "xlsx_too_large", detail: `the entries unpack to ${total} bytes` });

  // Loaded only for a workbook: exceljs takes most of a second to load, which every CSV import (each on a
  // fresh worker thread) would otherwise pay.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    return fail({ code: "unreadable_file", detail: error instanceof Error ? error.message : String(error) });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fail({ code: "empty_file" });
  const header: string[] = [];
  const rows: SheetRow[] = [];
  let headerSeen = false;
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (tooMany) return;
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based: index 0 is always empty.
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => plainCell(values[i + 1]));
    if (cells.every((c) => c === null || (typeof c === "string" && !c.trim()))) return;
    if (!headerSeen) {
      headerSeen = true;
      header.push(...cells.map((c) => (c === null ? "" : String(c))));
      return;
    }
    if (rows.length >= limits.maxRows) tooMany = true;
    else rows.push({ row: row.number, cells });
  });
  if (!headerSeen) return fail({ code: "empty_file" });
  if (tooMany) return fail({ code: "too_many_rows", max: limits.maxRows });
  return { ok: true, sheet: { format: "xlsx", header, rows } };
}
