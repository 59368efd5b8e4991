import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowNameKey, parseActualsImport, parseMonth } from "./parse-actuals-import.ts";

const context = {
  flows: [
    { id: "f1", name: "Beslut om bygglov" },
    { id: "f2", name: "Faktura" },
  ],
  currentMonth: "2026-12",
};
const read = (text: string) => parseActualsImport(new Uint8Array(Buffer.from(text)), context);

describe("reading an actuals import", () => {
  it("reads months as YYYY-MM, as a day, or as an Excel date cell; refuses what is not a month", () => {
    expect(parseMonth("2026-03")).toBe("2026-03");
    expect(parseMonth(" 2027-01-01 ")).toBe("2027-01");
    expect(parseMonth("2027-01-01 00:00:00")).toBe("2027-01");
    expect(parseMonth(new Date(Date.UTC(2026, 10, 1)))).toBe("2026-11");
    for (const wrong of ["2026-13", "2026-00", "2026-02-30", "mars 2026", "2026", "", 202601]) expect(parseMonth(wrong)).toBeNull();
  });

  it("reads every real month back from how it is written", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const ym = `${year}-${String(month).padStart(2, "0")}`;
        expect(parseMonth(ym)).toBe(ym);
        expect(parseMonth(`${ym}-01`)).toBe(ym);
        expect(parseMonth(new Date(Date.UTC(year, month - 1, 15)))).toBe(ym);
      }),
    );
  });

  it("matches flow names without regard to case or spacing", () => {
    expect(flowNameKey("  BESLUT  om Bygglov ")).toBe(flowNameKey("Beslut om bygglov"));
  });

  it("reads counts the Swedish way and names each problem's row and column", async () => {
    const result = await read(
      [
        "Flow;Month;Digital;Paper;Kommentar",
        "faktura;2026-11;1 200;0",
        "Faktura;2026-11;1;1",
        "Okänt;2027-01;-1;1,5",
        "Beslut om bygglov;2026-10;;x",
      ].join("\n"),
    );
    expect(result.ignoredColumns).toEqual(["Kommentar"]);
    expect(result.rows).toEqual([{ row: 2, flowId: "f2", flowName: "Faktura", month: "2026-11", digital: 1200, paper: 0 }]);
    expect(result.errors.map(({ row, column, code }) => [row, column, code])).toEqual([
      [3, "Month", "duplicate_row"],
      [4, "Flow", "unknown_flow"],
      [4, "Month", "future_month"],
      [4, "Digital", "negative"],
      [4, "Paper", "whole_number"],
      [5, "Digital", "required"],
      [5, "Paper", "not_a_number"],
    ]);
  });

  it("refuses a name two flows share, and a header twice or missing", async () => {
    const twins = await parseActualsImport(new Uint8Array(Buffer.from("Flöde;Månad;Digitala;Papper\nfaktura;2026-01;1;1")), {
      ...context,
      flows: [...context.flows, { id: "f3", name: "FAKTURA" }],
    });
    expect(twins.errors).toMatchObject([{ row: 2, column: "Flöde", code: "ambiguous_flow" }]);
    const headers = await read("Flöde;Flow;Digitala\nFaktura;Faktura;1");
    expect(headers.errors.map(({ row, column, code }) => [row, column, code])).toEqual([
      [1, "Flow", "duplicate_header"],
      [1, "Månad", "missing_header"],
      [1, "Papper", "missing_header"],
    ]);
  });
});
