import { describe, expect, it } from "vitest";
import { mapHeaders, monthOfHeader, normaliseHeader } from "./import-columns.ts";

describe("matching an import's header row", () => {
  it("matches Swedish and English names whatever their case, spacing and unit", () => {
    const map = mapHeaders(["  NAMN ", "mottagartyp", "Årsvolym", "Kostnad per brev (kr)", "Annual\u00a0volume x", "Planned test date"]);
    expect(map.fields).toEqual({ name: 0, recipientType: 1, annualVolume: 2, costPerLetterSek: 3, plannedTestDate: 5 });
    expect(map.unknown).toEqual(["Annual\u00a0volume x"]);
    expect(map.problems).toEqual([]);
  });

  it("names each required column that is missing", () => {
    expect(mapHeaders(["Namn", "Kanal"]).problems).toEqual([
      { code: "missing_header", column: "Mottagartyp", field: "recipientType" },
      { code: "missing_header", column: "Årsvolym", field: "annualVolume" },
    ]);
  });

  it("takes twelve month columns, and names a month that is missing", () => {
    const months = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov"].map((m) => `Säsong ${m}`);
    const map = mapHeaders(["Namn", "Mottagartyp", "Årsvolym", ...months]);
    expect(map.months?.slice(0, 3)).toEqual([3, 4, 5]);
    expect(map.problems).toEqual([{ code: "missing_month", column: "Säsong dec", field: "seasonality" }]);
    expect(monthOfHeader(normaliseHeader("Season May"))).toBe(4);
    expect(monthOfHeader(normaliseHeader("Säsong oktober"))).toBe(9);
  });

  it("refuses the same field twice", () => {
    expect(mapHeaders(["Namn", "Name", "Mottagartyp", "Årsvolym"]).problems).toEqual([
      { code: "duplicate_header", column: "Name", field: "name" },
    ]);
  });
});
