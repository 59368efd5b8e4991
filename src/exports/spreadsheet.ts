import type ExcelJS from "exceljs";

/**
 * Tables as files Swedish Excel opens as they are: CSV in UTF-8 with a BOM (without it Excel reads
 * Windows-1252), ";" between fields and a decimal comma, and XLSX with real numbers in number
 * formats and a frozen header row. Text a person wrote (a flow's name) never becomes a formula.
 */

export type SheetCell = string | number | null;
export type SheetColumn = { header: string; width?: number /** An Excel number format, e.g. "#,##0" or "0.0%". */; numFmt?: string };
export type SheetTable = { name: string; columns: SheetColumn[]; rows: SheetCell[][] };

/** A cell Excel would take for a formula (=, +, -, @, or a tab or CR first) is kept as text with a leading apostrophe. */
export const guardFormula = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function csvField(cell: SheetCell): string {
  if (cell === null) return "";
  const text = typeof cell === "number" ? String(cell).replace(".", ",") : guardFormula(cell);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One table as Swedish Excel's CSV: BOM, ";", decimal comma, CRLF. */
export function toCsv(table: SheetTable): Buffer {
  const lines = [table.columns.map((c) => csvField(c.header)), ...table.rows.map((row) => row.map(csvField))].map((cells) =>
    cells.join(";"),
  );
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8")]);
}

/** Tables as the worksheets of one XLSX, in order: numbers stay numbers, each column in its format. */
export async function toXlsx(tables: SheetTable[]): Promise<Buffer> {
  // exceljs loads with the first workbook rather than at start: it takes a quarter of a second to import.
  const { default: Excel } = await import("exceljs");
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  workbook.creator = "Ansluta";
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({
      header: c.header,
      width: c.width ?? Math.max(12, c.header.length + 2),
      ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    // Excel itself never runs a string cell as a formula, so XLSX text needs no guard.
    for (const row of table.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
