/**
 * What an audit entry changed, field by field, for people to read: the entry keeps the whole state
 * before and after (as JSON), and a reader wants the few fields that differ.
 */
export type AuditFieldChange = { field: string; before: string | null; after: string | null };

/** Long values (a document section, a key) are cut here; the API keeps the entry whole. */
const MAX_VALUE_LENGTH = 160;

function shown(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The fields whose value differs, in the order they first appear (before, then after). A state that
 * is not an object (a list, a number) is one field, named "". An entry without either state has none.
 */
export function auditFieldChanges(before: unknown, after: unknown): AuditFieldChange[] {
  if ((before === null || before === undefined) && (after === null || after === undefined)) return [];
  if (!(isRecord(before) || before == null) || !(isRecord(after) || after == null)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: "", before: shown(before), after: shown(after) }];
  }
  const b = before ?? {};
  const a = after ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((f) => ({ field: f, before: shown(b[f]), after: shown(a[f]) }));
}

/** The first instant of a Stockholm calendar day ("YYYY-MM-DD") as an ISO timestamp, as the log's `at` is kept. */
export function stockholmDayStart(day: string): string {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", timeZoneName: "longOffset" })
    .formatToParts(utcMidnight)
    .find((p) => p.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offset ?? "");
  const minutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return new Date(utcMidnight.getTime() - minutes * 60_000).toISOString();
}

/** The day after a "YYYY-MM-DD" day, so "to" can include its whole day (at < the next day's start). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
