import { describe, expect, it } from "vitest";
import { formatOrganisationNumber, luhnCheckDigit, parseOrganisationNumber } from "./organisation-number.ts";

describe("organisationsnummer", () => {
  it("accepts real numbers in their written forms and normalises them", () => {
    // Skatteverket 202100-5448, Sundsvalls kommun 212000-2411, DIGG 202100-6925.
    expect(parseOrganisationNumber("202100-5448")).toEqual({ ok: true, value: "2021005448" });
    expect(parseOrganisationNumber("2120002411")).toEqual({ ok: true, value: "2120002411" });
    expect(parseOrganisationNumber(" 162021006925 ")).toEqual({ ok: true, value: "2021006925" });
  });

  it("refuses a wrong check digit", () => {
    expect(parseOrganisationNumber("202100-5449")).toEqual({ ok: false, problem: "checksum" });
  });

  it("refuses anything that is not ten digits", () => {
    for (const bad of ["", "12345", "20210054480", "2021OO5448", "202100_5448"]) {
      expect(parseOrganisationNumber(bad)).toEqual({ ok: false, problem: "format" });
    }
  });

  it("computes the Luhn digit over nine digits", () => {
    expect(luhnCheckDigit("202100544")).toBe(8);
    expect(luhnCheckDigit("556036079")).toBe(3);
  });

  it("formats with a hyphen", () => {
    expect(formatOrganisationNumber("2021005448")).toBe("202100-5448");
  });
});
