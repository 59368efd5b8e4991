import { readSwedishNumber } from "../../shared/swedish-number.ts";
import {
  CONNECTION_TACTICS,
  type ConnectionTactic,
  FLOW_STATUSES,
  type FlowStatus,
  RECIPIENT_TYPES,
  type RecipientType,
} from "../flow-input.ts";

/**
 * How a cell of an imported sheet becomes a FlowInput value: the Swedish way Excel writes numbers
 * (decimal comma, a space, no-break space or narrow no-break space between thousands, "−" for
 * minus), yes and no in Swedish or English, and the choices by the words people write or the API's
 * codes. A cell that cannot be read is a problem with a code; an empty cell is "left out".
 */

/** A cell as a sheet reader gives it: CSV gives text; XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

export type Read<T> = { ok: true; value: T } | { ok: false; code: ValueProblem };
export type ValueProblem = "not_a_number" | "not_a_date" | "not_a_boolean" | "unknown_choice" | "seasonality_months";

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(code: ValueProblem): Read<T> => ({ ok: false, code });

export const isEmpty = (cell: Cell) => cell === null || (typeof cell === "string" && cell.trim() === "");

/** A cell's number: typed text is read the Swedish way (src/domain/shared/swedish-number.ts). */
export function parseNumber(cell: Cell, { percent = false } = {}): Read<number> {
  if (typeof cell === "number") return Number.isFinite(cell) ? ok(cell) : fail("not_a_number");
  if (typeof cell !== "string") return fail("not_a_number");
  const value = readSwedishNumber(cell, { percent });
  return value === null ? fail("not_a_number") : ok(value);
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

const TRUE = new Set(["ja", "j", "yes", "y", "true", "sant", "1", "x"]);
const FALSE = new Set(["nej", "n", "no", "false", "falskt", "0"]);

export function parseBoolean(cell: Cell): Read<boolean> {
  if (typeof cell === "boolean") return ok(cell);
  if (typeof cell === "number") return cell === 1 ? ok(true) : cell === 0 ? ok(false) : fail("not_a_boolean");
  if (typeof cell !== "string") return fail("not_a_boolean");
  const word = fold(cell);
  return TRUE.has(word) ? ok(true) : FALSE.has(word) ? ok(false) : fail("not_a_boolean");
}

/** A choice by its code or any of the words people write for it, compared without case, accents or punctuation. */
function choice<T extends string>(codes: readonly T[], words: Record<string, T>) {
  const table = new Map<string, T>();
  for (const code of codes) table.set(fold(code), code);
  for (const [word, code] of Object.entries(words)) table.set(fold(word), code);
  return (cell: Cell): Read<T> => {
    if (typeof cell !== "string") return fail("unknown_choice");
    const found = table.get(fold(cell));
    return found ? ok(found) : fail("unknown_choice");
  };
}

export const parseRecipientType = choice<RecipientType>(RECIPIENT_TYPES, {
  privatpersoner: "privatperson",
  "enskild person": "privatperson",
  enskilda: "privatperson",
  medborgare: "privatperson",
  "private individual": "privatperson",
  "private individuals": "privatperson",
  individual: "privatperson",
  individuals: "privatperson",
  person: "privatperson",
  persons: "privatperson",
  företag: "foretag",
  organisation: "foretag",
  organisationer: "foretag",
  business: "foretag",
  businesses: "foretag",
  company: "foretag",
  companies: "foretag",
  blandad: "blandat",
  båda: "blandat",
  mixed: "blandat",
  both: "blandat",
});

export const parseStatus = choice<FlowStatus>(FLOW_STATUSES, {
  identified: "identifierad",
  prioritised: "prioriterad",
  prioritized: "prioriterad",
  "in test": "i_test",
  testing: "i_test",
  "in production": "i_produktion",
  "i drift": "i_produktion",
  production: "i_produktion",
  avvecklat: "avvecklad",
  decommissioned: "avvecklad",
  retired: "avvecklad",
});

export const parseTactic = choice<ConnectionTactic>(CONNECTION_TACTICS, {
  "egen integration": "egen_integration",
  "own integration": "egen_integration",
  "gemensam anslutningstjänst": "formedlare",
  anslutningstjänst: "formedlare",
  förmedlingstjänst: "formedlare",
  "shared connection service": "formedlare",
  intermediary: "formedlare",
  "extern part": "extern_part",
  "external party": "extern_part",
  "direkt från verksamhetssystem": "verksamhetssystem",
  "direkt från verksamhetssystemet": "verksamhetssystem",
  "direct from the business system": "verksamhetssystem",
  "business system": "verksamhetssystem",
});

/**
 * A date as YYYY-MM-DD: Swedish Excel writes dates that way in CSV, and an XLSX date cell is a
 * Date (at midnight UTC). Whether the text is a real day is FlowInput's to say.
 */
export function parseDate(cell: Cell): Read<string> {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? fail("not_a_date") : ok(cell.toISOString().slice(0, 10));
  if (typeof cell !== "string") return fail("not_a_date");
  const text = cell.trim();
  // "2027-03-01 00:00:00", as a date-time cell may come out of a CSV.
  const day = /^(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00)?)?$/.exec(text);
  return day?.[1] ? ok(day[1]) : fail("not_a_date");
}

/**
 * The twelve shares of one "Säsongsvariation" cell: separated by ";", "|" or spaces (a comma is a
 * decimal sign), as shares ("0,1") or percentages ("10 %"), January first.
 */
export function parseSeasonalityCell(cell: Cell): Read<number[]> {
  if (typeof cell !== "string") return fail("seasonality_months");
  const parts = cell
    .trim()
    .replace(/\s*%/g, "%")
    .split(/[;|\s\u00a0\u202f]+/)
    .filter(Boolean);
  if (parts.length !== 12) return fail("seasonality_months");
  const shares: number[] = [];
  for (const part of parts) {
    const share = parseNumber(part, { percent: true });
    if (!share.ok) return fail("not_a_number");
    shares.push(share.value);
  }
  return ok(shares);
}

/** Text as it goes into a text field: a number or date cell as a person would read it. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}
