import type { Locale } from "./index.ts";

/**
 * Number formatters, made once per locale and options and kept: building an Intl.NumberFormat costs
 * far more than using one, and a page of a 50-flow business case formats thousands of numbers (the
 * bench found each page spending most of its time building formatters).
 */

const TAGS: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };
const made = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = made.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(TAGS[locale], options);
    made.set(key, formatter);
  }
  return formatter;
}
