import { describe, expect, it } from "vitest";
import { parseMeasurementImport } from "./parse-measurement-import.ts";

const csv = (text: string) => new TextEncoder().encode(text);
const context = { baselineDate: "2027-01-01" };

describe("an import of a benefit's measurements", () => {
  it("reads Datum, Värde and Anteckning with Swedish numbers, in any order of columns", async () => {
    const read = await parseMeasurementImport(
      csv("Värde;Datum;Anteckning;Övrigt\n12 000;2027-03-31;Kvartal 1;x\n11 500,5;2027-06-30;;y\n"),
      context,
    );
    expect(read.errors).toEqual([]);
    expect(read.rows).toEqual([
      { row: 2, date: "2027-03-31", value: 12_000, note: "Kvartal 1" },
      { row: 3, date: "2027-06-30", value: 11_500.5, note: "" },
    ]);
    expect(read.ignoredColumns).toEqual(["Övrigt"]);
  });

  it("names every problem by row and column: a date before the baseline, not a date, not a number, missing", async () => {
    const read = await parseMeasurementImport(
      csv("Datum;Värde\n2026-12-31;100\n2027-02-30;100\n2027-03-31;många\n;100\n2027-04-30;\n"),
      context,
    );
    expect(read.rows).toEqual([]);
    expect(read.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "Datum", "before_baseline"],
      [3, "Datum", "not_a_date"],
      [4, "Värde", "not_a_number"],
      [5, "Datum", "required"],
      [6, "Värde", "required"],
    ]);
  });

  it("refuses a file without the required columns, and one with more rows than an import takes", async () => {
    expect((await parseMeasurementImport(csv("Datum;Anteckning\n2027-03-31;x\n"), context)).errors.map((e) => e.code)).toEqual([
      "missing_header",
    ]);
    const many = `Datum;Värde\n${"2027-03-31;1\n".repeat(10_000)}`;
    const read = await parseMeasurementImport(csv(many), context);
    expect(read.errors.map((e) => e.code)).toEqual(["too_many_rows"]);
    expect(read.rows).toEqual([]);
  });
});
