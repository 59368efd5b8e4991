import { luhnCheckDigit } from "../../domain/shared/luhn.ts";

/**
 * Swedish personnummer and samordningsnummer in the 12-digit form Mina meddelanden uses
 * (YYYYMMDDNNNC; a samordningsnummer adds 60 to the day), with the Luhn check digit C computed
 * over the ten digits YYMMDDNNN, and organisations as 16 + organisationsnummer.
 *
 * Synthetic numbers only. Skatteverket publishes a list of test personnummer, but it was not
 * available to this project, so the emulator uses a scheme that cannot reach a living person:
 * - adults are born 1800–1839: personnummer were introduced in 1947, so nobody born then ever
 *   held one (the contract's RecipientId pattern allows the 18xx century);
 * - minors are born 2090–2099, in the future: the only way to be under 18 without possibly being
 *   a real child. A sender's age rule ("18 or older") rejects them, as it must;
 * - organisations get group digit 4, which no registering authority assigns.
 * The century is outside the check digit, so a system that keeps only ten digits could map these
 * to real people; the emulator always speaks 12 digits.
 */

export type IdentityKind = "personnummer" | "samordningsnummer" | "organisation";

export type ParsedIdentity =
  | { ok: true; kind: "personnummer" | "samordningsnummer"; birthDate: string; synthetic: boolean }
  | { ok: true; kind: "organisation"; organisationNumber: string; synthetic: boolean }
  | { ok: false; problem: "format" | "date" | "checksum" };

const withCheckDigit = (nineDigits: string) => `${nineDigits}${luhnCheckDigit(nineDigits)}`;

function validDate(year: number, month: number, day: number) {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const SYNTHETIC_ADULT_YEARS = { from: 1800, to: 1839 } as const;
const SYNTHETIC_MINOR_YEARS = { from: 2090, to: 2099 } as const;
const SYNTHETIC_ORGANISATION_GROUP = "4";

const isSyntheticBirthYear = (year: number) =>
  (year >= SYNTHETIC_ADULT_YEARS.from && year <= SYNTHETIC_ADULT_YEARS.to) ||
  (year >= SYNTHETIC_MINOR_YEARS.from && year <= SYNTHETIC_MINOR_YEARS.to);

/** A 12-digit personnummer (or samordningsnummer) for a birth date and a three-digit birth number. */
export function makePersonalIdentityNumber(
  birthDate: string,
  birthNumber: number,
  kind: "personnummer" | "samordningsnummer" = "personnummer",
): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new Error(`not a date: ${birthDate}`);
  if (!Number.isInteger(birthNumber) || birthNumber < 1 || birthNumber > 999) throw new Error("birth number must be 1–999");
  const [, year = "", month = "", day = ""] = m;
  const dayPart = kind === "samordningsnummer" ? String(Number(day) + 60) : day;
  return `${year.slice(0, 2)}${withCheckDigit(`${year.slice(2)}${month}${dayPart}${String(birthNumber).padStart(3, "0")}`)}`;
}

/** A synthetic organisationsnummer (ten digits, group digit 4) for a serial number. */
export function makeSyntheticOrganisationNumber(serial: number): string {
  if (!Number.isInteger(serial) || serial < 0 || serial > 999_999) throw new Error("serial must be 0–999999");
  return withCheckDigit(`${SYNTHETIC_ORGANISATION_GROUP}02${String(serial).padStart(6, "0")}`);
}

export const organisationRecipientId = (organisationNumber: string) => `16${organisationNumber}`;

export function parseIdentityNumber(id: string): ParsedIdentity {
  if (!/^\d{12}$/.test(id)) return { ok: false, problem: "format" };
  const tenDigits = id.slice(2);
  if (luhnCheckDigit(tenDigits.slice(0, 9)) !== Number(tenDigits[9])) return { ok: false, problem: "checksum" };
  if (id.startsWith("16")) {
    // The third digit of an organisationsnummer is at least 2, which keeps it apart from a date.
    if (Number(id[4]) < 2) return { ok: false, problem: "format" };
    return { ok: true, kind: "organisation", organisationNumber: tenDigits, synthetic: tenDigits.startsWith(SYNTHETIC_ORGANISATION_GROUP) };
  }
  const year = Number(id.slice(0, 4));
  const month = Number(id.slice(4, 6));
  const rawDay = Number(id.slice(6, 8));
  const coordination = rawDay > 60;
  const day = coordination ? rawDay - 60 : rawDay;
  if (year < 1800 || !validDate(year, month, day)) return { ok: false, problem: "date" };
  const birthDate = `${id.slice(0, 4)}-${id.slice(4, 6)}-${String(day).padStart(2, "0")}`;
  return { ok: true, kind: coordination ? "samordningsnummer" : "personnummer", birthDate, synthetic: isSyntheticBirthYear(year) };
}

/** Whole years between a birth date (YYYY-MM-DD) and a day; negative when born after it. */
export function ageOn(birthDate: string, on: Date): number {
  const [y = 0, m = 0, d = 0] = birthDate.split("-").map(Number);
  const years = on.getUTCFullYear() - y;
  const beforeBirthday = on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d);
  return beforeBirthday ? years - 1 : years;
}
