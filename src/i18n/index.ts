import { en } from "./en.ts";
import type { Messages } from "./messages.ts";
import { sv } from "./sv.ts";

export type Locale = "sv" | "en";
export type { Messages };

const catalogues: Record<Locale, Messages> = { sv, en };

export const messagesFor = (locale: Locale): Messages => catalogues[locale];

/** Fills {placeholders}; a missing value shows the placeholder so the gap is visible, not silent. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

const intlLocale: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

/** Date formatters made once per locale and style (see number-format.ts: making one costs far more than using it). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, style: "dateTime" | "timestamp" | "date"): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let formatter = dateFormats.get(key);
  if (!formatter) {
    const options: Record<typeof style, Intl.DateTimeFormatOptions> = {
      dateTime: { dateStyle: "medium", timeStyle: "short" },
      timestamp: { dateStyle: "medium", timeStyle: "medium" },
      date: { dateStyle: "long" },
    };
    formatter = new Intl.DateTimeFormat(intlLocale[locale], { ...options[style], timeZone: "Europe/Stockholm" });
    dateFormats.set(key, formatter);
  }
  return formatter;
}

const asDate = (iso: string | Date) => (typeof iso === "string" ? new Date(iso) : iso);

export function formatDateTime(locale: Locale, iso: string | Date): string {
  return dateFormat(locale, "dateTime").format(asDate(iso));
}

/** A moment to the second, for logs and calls where the order within a minute matters. */
export function formatTimestamp(locale: Locale, iso: string | Date): string {
  return dateFormat(locale, "timestamp").format(asDate(iso));
}

export function formatDate(locale: Locale, iso: string | Date): string {
  return dateFormat(locale, "date").format(asDate(iso));
}

export const fieldErrorText = (m: Messages, code: string): string =>
  (m.fieldErrors as Record<string, string>)[code] ?? m.fieldErrors.invalid;
