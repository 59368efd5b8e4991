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

export function formatDateTime(locale: Locale, iso: string | Date): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Stockholm" }).format(
    typeof iso === "string" ? new Date(iso) : iso,
  );
}

/** A moment to the second, for logs and calls where the order within a minute matters. */
export function formatTimestamp(locale: Locale, iso: string | Date): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/Stockholm" }).format(
    typeof iso === "string" ? new Date(iso) : iso,
  );
}

export function formatDate(locale: Locale, iso: string | Date): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "long", timeZone: "Europe/Stockholm" }).format(
    typeof iso === "string" ? new Date(iso) : iso,
  );
}

export const fieldErrorText = (m: Messages, code: string): string =>
  (m.fieldErrors as Record<string, string>)[code] ?? m.fieldErrors.invalid;
