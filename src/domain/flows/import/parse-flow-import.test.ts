import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../../i18n/index.ts";
import { IMPORT_MESSAGES, parseFlowImport } from "./parse-flow-import.ts";
import { DEFAULT_SHEET_LIMITS, zipEntries } from "./read-sheet.ts";

const utf8 = (text: string, bom = false) =>
  new Uint8Array(Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text)]));

const SWEDISH = [
  "Namn;Mottagartyp;Årsvolym;Kostnad per brev;Svar krävs;Planerat testdatum;Planerat produktionsdatum;Status",
  'Beslut om bygglov;privatpersoner;"12 000";12,50;ja;2027-01-15;2027-03-01;Identifierad',
  '"Kallelse; utvecklingssamtal";Företag;800;;nej;;;i test',
  ";;;;;;;",
].join("\r\n");

describe("parseFlowImport", () => {
  it("reads Swedish Excel's semicolon CSV with a BOM, decimal comma and spaces between thousands", async () => {
    const result = await parseFlowImport(utf8(SWEDISH, true));
    expect(result.errors).toEqual([]);
    expect(result.format).toBe("csv");
    expect(result.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(result.rows[0]?.flow).toMatchObject({
      name: "Beslut om bygglov",
      recipientType: "privatperson",
      annualVolume: 12000,
      costPerLetterSek: 12.5,
      needsReplies: true,
      plannedTestDate: "2027-01-15",
      plannedProductionDate: "2027-03-01",
      status: "identifierad",
    });
    expect(result.rows[1]?.flow).toMatchObject({
      name: "Kallelse; utvecklingssamtal",
      recipientType: "foretag",
      costPerLetterSek: 15,
      status: "i_test",
    });
  });

  it("reads a comma CSV with English headers", async () => {
    const result = await parseFlowImport(
      utf8(
        'Name,Recipient type,Annual volume,Seasonality\nInvoices,business,1200,"10 % 10 % 10 % 10 % 10 % 10 % 5 % 5 % 10 % 10 % 5 % 5 %"\n',
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.flow.seasonality[6]).toBeCloseTo(0.05);
  });

  it("names the row and column of each value it cannot take", async () => {
    const csv = [
      "Namn;Mottagartyp;Årsvolym;Planerat testdatum;Planerat produktionsdatum",
      "A;privatperson;tolv tusen;;",
      "B;privatperson;100;2027-02-30;",
      "C;privatperson;100;2027-05-01;2027-03-01",
      ";kommuner;-5;;",
    ].join("\n");
    const { rows, errors } = await parseFlowImport(utf8(csv));
    expect(rows).toEqual([]);
    expect(errors.map(({ row, column, field, code }) => ({ row, column, field, code }))).toEqual([
      { row: 2, column: "Årsvolym", field: "annualVolume", code: "not_a_number" },
      { row: 3, column: "Planerat testdatum", field: "plannedTestDate", code: "date" },
      { row: 4, column: "Planerat testdatum", field: "plannedTestDate", code: "test_after_production" },
      { row: 5, column: "Mottagartyp", field: "recipientType", code: "unknown_choice" },
      { row: 5, column: "Namn", field: "name", code: "required" },
      { row: 5, column: "Årsvolym", field: "annualVolume", code: "negative" },
    ]);
  });

  it("names a missing header on row 1 and reads no rows", async () => {
    const { rows, errors } = await parseFlowImport(utf8("Namn;Årsvolym\nA;100\n"));
    expect(rows).toEqual([]);
    expect(errors).toMatchObject([{ row: 1, column: "Mottagartyp", field: "recipientType", code: "missing_header" }]);
  });

  it("refuses Windows-1252 bytes with one error about the encoding", async () => {
    const latin1 = new Uint8Array(Buffer.from("Namn;Mottagartyp;Årsvolym\nBygglov;företag;100\n", "latin1"));
    const { errors } = await parseFlowImport(latin1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 0, code: "encoding" });
    expect(errors[0]?.message).toContain("CSV UTF-8");
  });

  it("refuses more rows than the limit with one error, quickly, whatever the file's length", async () => {
    const csv = `Namn;Mottagartyp;Årsvolym\n${"Flöde;privatperson;100\n".repeat(100_000)}`;
    const started = performance.now();
    const { rows, errors } = await parseFlowImport(utf8(csv));
    expect(rows).toEqual([]);
    expect(errors).toMatchObject([{ code: "too_many_rows" }]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("reads the first worksheet of an XLSX with real numbers and dates, and refuses one that unpacks too large", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Flöden");
    sheet.addRow(["Namn", "Mottagartyp", "Årsvolym", "Planerat produktionsdatum", "Svar krävs"]);
    sheet.addRow(["Beslut om bygglov", "privatperson", 12000, new Date(Date.UTC(2027, 2, 1)), true]);
    workbook.addWorksheet("Annat").addRow(["Inte", "läst"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await parseFlowImport(bytes);
    expect(result.errors).toEqual([]);
    expect(result.format).toBe("xlsx");
    expect(result.rows).toMatchObject([{ row: 2, flow: { annualVolume: 12000, plannedProductionDate: "2027-03-01", needsReplies: true } }]);

    const entries = zipEntries(bytes);
    expect(Array.isArray(entries) && entries.some((e) => e.name === "xl/worksheets/sheet1.xml")).toBe(true);
    const small = await parseFlowImport(bytes, { ...DEFAULT_SHEET_LIMITS, maxEntryBytes: 100 });
    expect(small.errors).toMatchObject([{ code: "xlsx_too_large" }]);
  });
});

describe("the import's codes", () => {
  it("each have a text in Swedish and English for the page", () => {
    for (const locale of ["sv", "en"] as const) {
      const m = messagesFor(locale);
      const texts = { ...m.fieldErrors, ...m.flowImport.codes } as Record<string, string>;
      const codes = [...Object.keys(IMPORT_MESSAGES), "import_timeout", "import_too_costly", "file_too_large"];
      expect(codes.filter((code) => !texts[code])).toEqual([]);
    }
  });
});
