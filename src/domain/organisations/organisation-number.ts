import { luhnCheckDigit } from "../shared/luhn.ts";

/**
 * Swedish organisationsnummer: ten digits, the last a Luhn check digit over the first nine.
 * Accepts the common written forms "NNNNNN-NNNN" and "16NNNNNNNNNN" (the 12-digit form with
 * the century-like prefix 16 that Mina meddelanden uses) and normalises to ten digits.
 * The third and fourth digits of a legal person's number are 20 or more (Skatteverket's "month"
 * position, where a personnummer has 01–12), so a third digit below 2 is a person's number, or
 * none at all (0000000000), never an organisation's.
 */
export type OrganisationNumber = string & { readonly __brand: "OrganisationNumber" };

export type OrganisationNumberProblem = "format" | "not_organisation" | "checksum";

export function parseOrganisationNumber(
  input: string,
): { ok: true; value: OrganisationNumber } | { ok: false; problem: OrganisationNumberProblem } {
  let digits = input.trim().replace(/[-\s]/g, "");
  if (/^16\d{10}$/.test(digits)) digits = digits.slice(2);
  if (!/^\d{10}$/.test(digits)) return { ok: false, problem: "format" };
  if (Number(digits[2]) < 2 || /^0+$/.test(digits)) return { ok: false, problem: "not_organisation" };
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) return { ok: false, problem: "checksum" };
  return { ok: true, value: digits as OrganisationNumber };
}

export const formatOrganisationNumber = (n: string) => (n.length === 10 ? `${n.slice(0, 6)}-${n.slice(6)}` : n);
