import type { FlowInput } from "../flow-input.ts";

/**
 * The columns a flow import reads, by the names a person gives them in Excel: the Swedish header
 * the template writes, its English equivalent, and a few other names people use. Headers match
 * whatever their case, spacing and a unit in parentheses ("Kostnad per brev (kr)").
 */

/** The FlowInput fields one column fills; seasonality comes from one column or twelve. */
export type ImportField = Exclude<keyof FlowInput, "seasonality">;

export type ImportColumn = { field: ImportField; sv: string; en: string; aliases?: readonly string[]; required?: true };

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: "name", sv: "Namn", en: "Name", aliases: ["Flöde", "Flow", "Meddelandeflöde"], required: true },
  { field: "recipientType", sv: "Mottagartyp", en: "Recipient type", aliases: ["Mottagare", "Recipients"], required: true },
  {
    field: "annualVolume",
    sv: "Årsvolym",
    en: "Annual volume",
    aliases: ["Volym per år", "Volume per year", "Antal per år"],
    required: true,
  },
  { field: "description", sv: "Beskrivning", en: "Description" },
  { field: "businessProcess", sv: "Verksamhetsprocess", en: "Business process", aliases: ["Process"] },
  { field: "sourceSystem", sv: "Källsystem", en: "Source system", aliases: ["Verksamhetssystem", "System"] },
  { field: "currentChannel", sv: "Kanal", en: "Channel", aliases: ["Nuvarande kanal", "Current channel"] },
  {
    field: "costPerLetterSek",
    sv: "Kostnad per brev",
    en: "Cost per letter",
    aliases: ["Kostnad per brev i kronor", "Cost per letter in SEK"],
  },
  { field: "informationSecurityClass", sv: "Informationssäkerhetsklass", en: "Information security class", aliases: ["Säkerhetsklass"] },
  { field: "legalConstraints", sv: "Rättsliga begränsningar", en: "Legal constraints" },
  { field: "needsReplies", sv: "Svar krävs", en: "Replies needed", aliases: ["Replies required", "Needs replies"] },
  { field: "needsReceipts", sv: "Kvittens krävs", en: "Receipts needed", aliases: ["Receipts required", "Needs receipts"] },
  { field: "tactic", sv: "Taktik", en: "Tactic", aliases: ["Anslutningstaktik", "Connection tactic"] },
  { field: "plannedTestDate", sv: "Planerat testdatum", en: "Planned test date", aliases: ["Testdatum", "Test date"] },
  {
    field: "plannedProductionDate",
    sv: "Planerat produktionsdatum",
    en: "Planned production date",
    aliases: ["Produktionsdatum", "Production date"],
  },
  { field: "status", sv: "Status", en: "Status" },
  { field: "processChange", sv: "Processförändring", en: "Process change", aliases: ["Förändring av processen"] },
  { field: "serviceImprovement", sv: "Förbättrad service", en: "Service improvement", aliases: ["Service"] },
  { field: "priorityOverride", sv: "Egen prioritet", en: "Priority override", aliases: ["Prioritet"] },
  { field: "priorityMotivation", sv: "Motivering av prioritet", en: "Priority motivation", aliases: ["Motivering"] },
];

/** One column with the twelve shares ("0,1; 0,08; …" or percentages), or twelve columns of one month each. */
export const SEASONALITY_COLUMN = { sv: "Säsongsvariation", en: "Seasonality", aliases: ["Säsong", "Season"] } as const;

const SV_MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] as const;
const EN_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] as const;
/** "Säsong jan" … "Säsong dec", as the template writes them. */
export const MONTH_COLUMNS: readonly string[] = SV_MONTHS.map((m) => `Säsong ${m}`);

/** Lower case, one space between words, no unit in parentheses: "  Kostnad per brev (kr) " → "kostnad per brev". */
export const normaliseHeader = (header: string) =>
  header
    .normalize("NFC")
    .replace(/\([^)]*\)/g, " ")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .toLowerCase();

const namesOf = (c: { sv: string; en: string; aliases?: readonly string[] }) => [c.sv, c.en, ...(c.aliases ?? [])].map(normaliseHeader);

const BY_NAME = new Map<string, ImportField>(IMPORT_COLUMNS.flatMap((c) => namesOf(c).map((n) => [n, c.field] as const)));
const SEASONALITY_NAMES = new Set(namesOf(SEASONALITY_COLUMN));

/** The month (0–11) a header names: "Säsong jan", "Season Jan", "Säsongsvariation maj", "säsong september". */
export function monthOfHeader(normalised: string): number | null {
  const match = /^(?:säsong|säsongsvariation|season|seasonality) ([a-zåäö]+)\.?$/.exec(normalised);
  if (!match?.[1]) return null;
  const word = match[1].slice(0, 3);
  const sv = SV_MONTHS.indexOf(word as (typeof SV_MONTHS)[number]);
  if (sv >= 0) return sv;
  const en = EN_MONTHS.indexOf(word as (typeof EN_MONTHS)[number]);
  return en >= 0 ? en : null;
}

/** What a header row says: which column is which field, and what is wrong with it. */
export type HeaderMap = {
  /** Column index of each field present. */
  fields: Partial<Record<ImportField, number>>;
  /** The one seasonality column, if any. */
  seasonality: number | null;
  /** Column index of each month's share (January first), when the file has month columns. */
  months: (number | null)[] | null;
  /** The header text as written in the file, per column index, to name the column in errors. */
  names: string[];
  /** Headers that no field takes, as written: ignored, and shown so a misspelling is seen. */
  unknown: string[];
  problems: HeaderProblem[];
};

export type HeaderProblem =
  | { code: "missing_header"; column: string; field: string }
  | { code: "duplicate_header"; column: string; field: string }
  | { code: "missing_month"; column: string; field: "seasonality" };

export function mapHeaders(headers: readonly string[]): HeaderMap {
  const map: HeaderMap = { fields: {}, seasonality: null, months: null, names: [...headers], unknown: [], problems: [] };
  const months: (number | null)[] = Array.from({ length: 12 }, () => null);
  let anyMonth = false;
  headers.forEach((header, index) => {
    const name = normaliseHeader(header);
    if (!name) return;
    const field = BY_NAME.get(name);
    if (field) {
      if (map.fields[field] !== undefined) map.problems.push({ code: "duplicate_header", column: header, field });
      else map.fields[field] = index;
      return;
    }
    if (SEASONALITY_NAMES.has(name)) {
      if (map.seasonality !== null) map.problems.push({ code: "duplicate_header", column: header, field: "seasonality" });
      else map.seasonality = index;
      return;
    }
    const month = monthOfHeader(name);
    if (month !== null) {
      anyMonth = true;
      if (months[month] !== null) map.problems.push({ code: "duplicate_header", column: header, field: "seasonality" });
      else months[month] = index;
      return;
    }
    map.unknown.push(header);
  });
  for (const column of IMPORT_COLUMNS) {
    if (column.required && map.fields[column.field] === undefined) {
      map.problems.push({ code: "missing_header", column: column.sv, field: column.field });
    }
  }
  if (anyMonth) {
    months.forEach((index, month) => {
      if (index === null) map.problems.push({ code: "missing_month", column: MONTH_COLUMNS[month] ?? "", field: "seasonality" });
    });
    map.months = months;
  }
  return map;
}
