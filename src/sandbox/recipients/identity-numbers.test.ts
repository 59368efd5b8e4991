import { describe, expect, it } from "vitest";
import { RECIPIENT_ID_PATTERN } from "../soap/types.ts";
import {
  ageOn,
  makePersonalIdentityNumber,
  makeSyntheticOrganisationNumber,
  organisationRecipientId,
  parseIdentityNumber,
} from "./identity-numbers.ts";

describe("synthetic identity numbers", () => {
  it("computes the Luhn check digit over YYMMDDNNN", () => {
    // Skatteverket's textbook example 811218-9876: 7+1+2+2+2+8+9+8+5 = 44, so the check digit is 6.
    expect(makePersonalIdentityNumber("1981-12-18", 987)).toBe("198112189876");
    expect(parseIdentityNumber(makePersonalIdentityNumber("1811-12-18", 987))).toMatchObject({
      ok: true,
      kind: "personnummer",
      birthDate: "1811-12-18",
    });
  });

  it("makes samordningsnummer with day + 60", () => {
    const id = makePersonalIdentityNumber("1833-05-12", 275, "samordningsnummer");
    expect(id.slice(0, 8)).toBe("18330572");
    expect(parseIdentityNumber(id)).toMatchObject({ ok: true, kind: "samordningsnummer", birthDate: "1833-05-12", synthetic: true });
  });

  it("produces numbers the contract's RecipientId pattern accepts", () => {
    for (const id of [
      makePersonalIdentityNumber("1800-01-01", 1),
      makePersonalIdentityNumber("1839-12-31", 999),
      makePersonalIdentityNumber("1820-02-29", 123, "samordningsnummer"),
      makePersonalIdentityNumber("2093-09-09", 311),
      organisationRecipientId(makeSyntheticOrganisationNumber(0)),
      organisationRecipientId(makeSyntheticOrganisationNumber(999_999)),
    ]) {
      expect(RECIPIENT_ID_PATTERN.test(id), id).toBe(true);
      expect(parseIdentityNumber(id), id).toMatchObject({ ok: true, synthetic: true });
    }
  });

  it("marks organisations with group digit 4 as synthetic, real-looking ones not", () => {
    expect(parseIdentityNumber(organisationRecipientId(makeSyntheticOrganisationNumber(201)))).toMatchObject({
      kind: "organisation",
      synthetic: true,
    });
    expect(parseIdentityNumber("162120002411")).toEqual({
      ok: true,
      kind: "organisation",
      organisationNumber: "2120002411",
      synthetic: false,
    });
  });

  it("calls people born after 1839 and before 2090 not synthetic", () => {
    expect(parseIdentityNumber(makePersonalIdentityNumber("1981-01-05", 238))).toMatchObject({ ok: true, synthetic: false });
  });

  it("rejects a wrong check digit, an impossible date and the wrong shape", () => {
    const good = makePersonalIdentityNumber("1837-01-01", 239);
    const wrongDigit = `${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}`;
    expect(parseIdentityNumber(wrongDigit)).toEqual({ ok: false, problem: "checksum" });
    expect(parseIdentityNumber(`${"18370230"}${"239"}${"0"}`).ok).toBe(false);
    expect(parseIdentityNumber("18370101239")).toEqual({ ok: false, problem: "format" });
    expect(() => makePersonalIdentityNumber("1837-02-30", 1)).toThrow();
    expect(() => makePersonalIdentityNumber("1837-01-01", 0)).toThrow();
  });

  it("computes age in whole years, negative for the future-born minors", () => {
    expect(ageOn("2000-06-15", new Date("2018-06-14T12:00:00Z"))).toBe(17);
    expect(ageOn("2000-06-15", new Date("2018-06-15T12:00:00Z"))).toBe(18);
    expect(ageOn("2093-09-09", new Date("2026-01-01T00:00:00Z"))).toBeLessThan(0);
    expect(ageOn("1837-01-01", new Date("2026-01-01T00:00:00Z"))).toBe(189);
  });
});
