import type { Locale } from "./index.ts";

/**
 * Number formatters, made once per locale and options and kept: building an Intl.NumberFormat costs
 * far more than using one, and a page of a 50-flow business case formats thousands of numbers (the
 * bench found each page spending most of its time building formatters).
 */

const TAGS: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };
const made = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  // The options are a few primitives; joining them is cheaper than JSON.stringify on a hot path.
  let key: string = locale;
  for (const [name, value] of Object.entries(options)) key += `|${name}=${value}`;
  let formatter = made.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(TAGS[locale], options);
    made.set(key, formatter);
  }
  return formatter;
}

/**
 * The formatter of options fixed where they are written, per locale, found without building a key:
 * for the helpers a page calls for every figure of a table.
 */
export function numberFormatFor(options: Intl.NumberFormatOptions): (locale: Locale) => Intl.NumberFormat {
  const perLocale = new Map<Locale, Intl.NumberFormat>();
  return (locale) => {
    let formatter = perLocale.get(locale);
    if (!formatter) {
      formatter = numberFormat(locale, options);
      perLocale.set(locale, formatter);
    }
    return formatter;
  };
}
