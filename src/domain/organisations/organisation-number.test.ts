import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../shared/luhn.ts";
import { formatOrganisationNumber, parseOrganisationNumber } from "./organisation-number.ts";

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

  it("refuses what can only be a person's number, or none: the third digit of an organisation's is 2 or more", () => {
    // A personnummer-shaped number (born 1980-01-01) with a valid check digit, and all zeros (whose check digit is 0).
    expect(parseOrganisationNumber("800101-1231")).toEqual({ ok: false, problem: "not_organisation" });
    expect(parseOrganisationNumber("198001011231")).toEqual({ ok: false, problem: "format" });
    expect(parseOrganisationNumber("0000000000")).toEqual({ ok: false, problem: "not_organisation" });
    expect(parseOrganisationNumber("160000000000")).toEqual({ ok: false, problem: "not_organisation" });
    for (const month of ["0", "1"]) {
      const nine = `55${month}036079`;
      expect(parseOrganisationNumber(`${nine}${luhnCheckDigit(nine)}`)).toEqual({ ok: false, problem: "not_organisation" });
    }
    // Group digit 2 (state, municipalities, regions), 5 (aktiebolag), 8 and 9 (associations, foundations), 4 (the emulator's synthetic ones).
    for (const nine of ["202100544", "556036079", "802002442", "969612345", "446600000"]) {
      expect(parseOrganisationNumber(`${nine}${luhnCheckDigit(nine)}`)).toMatchObject({ ok: true });
    }
  });

  it("refuses anything that is not ten digits", () => {
    for (const bad of ["", "12345", "20210054480", "2021OO5448", "202100_5448"]) {
      expect(parseOrganisationNumber(bad)).toEqual({ ok: false, problem: "format" });
    }
  });

  it("formats with a hyphen", () => {
    expect(formatOrganisationNumber("2021005448")).toBe("202100-5448");
  });
});
