import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseBoolean,
  parseDate,
  parseNumber,
  parseRecipientType,
  parseSeasonalityCell,
  parseStatus,
  parseTactic,
} from "./import-values.ts";

const value = <T>(read: { ok: true; value: T } | { ok: false; code: string }) => (read.ok ? read.value : read.code);

describe("parseNumber: numbers as Swedish Excel writes them", () => {
  it.each([
    ["12 000", 12000],
    ["12\u00a0000", 12000],
    ["1\u202f234\u202f567", 1234567],
    ["12 000,50", 12000.5],
    ["0,085", 0.085],
    ["1234.5", 1234.5],
    ["−3", -3],
    [" 42 ", 42],
    [",5", 0.5],
  ])("%j is %d", (text, expected) => {
    expect(value(parseNumber(text))).toBe(expected);
  });

  it.each(["tolv", "12 000 st", "1,234,567", "1.2.3", "", "12e3", "--1"])("%j is not a number", (text) => {
    expect(value(parseNumber(text))).toBe("not_a_number");
  });

  it("takes a number cell as it is, and a percentage only when asked", () => {
    expect(value(parseNumber(1500))).toBe(1500);
    expect(value(parseNumber("8,5 %", { percent: true }))).toBeCloseTo(0.085);
    expect(value(parseNumber("8,5 %"))).toBe("not_a_number");
  });

  it("reads back any integer written with spaces between thousands and any decimal written with a comma", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const grouped = whole.toLocaleString("sv-SE"); // "1 234 567" with U+00A0
        expect(value(parseNumber(grouped))).toBe(whole);
        const decimal = `${grouped},${String(cents).padStart(2, "0")}`;
        expect(value(parseNumber(decimal))).toBeCloseTo(whole + cents / 100, 6);
      }),
    );
  });
});

describe("the other values", () => {
  it("reads ja/nej and yes/no", () => {
    expect(["ja", "Ja", "JA", "yes", "x", "1", true, 1].map((c) => value(parseBoolean(c)))).toEqual(Array(8).fill(true));
    expect(["nej", "Nej", "no", "0", false, 0].map((c) => value(parseBoolean(c)))).toEqual(Array(6).fill(false));
    expect(value(parseBoolean("kanske"))).toBe("not_a_boolean");
  });

  it("reads recipient types, statuses and tactics in Swedish, English or as codes", () => {
    expect(["privatperson", "Privatpersoner", "företag", "Foretag", "blandat", "mixed"].map((c) => value(parseRecipientType(c)))).toEqual([
      "privatperson",
      "privatperson",
      "foretag",
      "foretag",
      "blandat",
      "blandat",
    ]);
    expect(["Identifierad", "i test", "I produktion", "i_produktion", "in test"].map((c) => value(parseStatus(c)))).toEqual([
      "identifierad",
      "i_test",
      "i_produktion",
      "i_produktion",
      "i_test",
    ]);
    expect(["Egen integration", "Förmedlare", "extern_part"].map((c) => value(parseTactic(c)))).toEqual([
      "egen_integration",
      "formedlare",
      "extern_part",
    ]);
    expect(value(parseRecipientType("kommuner"))).toBe("unknown_choice");
  });

  it("reads dates as YYYY-MM-DD text or a date cell, and nothing else", () => {
    expect(value(parseDate("2027-03-01"))).toBe("2027-03-01");
    expect(value(parseDate(new Date(Date.UTC(2027, 2, 1))))).toBe("2027-03-01");
    expect(value(parseDate("1/3/2027"))).toBe("not_a_date");
  });

  it("reads one seasonality cell as twelve shares or percentages", () => {
    expect(value(parseSeasonalityCell("0,1; 0,1; 0,1; 0,1; 0,1; 0,1; 0,05; 0,05; 0,1; 0,1; 0,05; 0,05"))).toHaveLength(12);
    const percent = value(parseSeasonalityCell("10 % 10 % 10 % 10 % 10 % 10 % 5 % 5 % 10 % 10 % 5 % 5 %"));
    expect(Array.isArray(percent) && percent.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(value(parseSeasonalityCell("0,5; 0,5"))).toBe("seasonality_months");
  });
});
