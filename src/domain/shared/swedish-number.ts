/**
 * A number as people in Sweden type it and as a Swedish (or English) spreadsheet writes it: "12 000",
 * "12 000,50", "0,085", "1234.5", "−3" — a space, no-break space, narrow no-break space, figure space,
 * thin space or apostrophe between thousands; a comma is always the decimal sign (so "1,234,567" is
 * not a number) and a point is one too; a Unicode minus or en dash for minus. With `percent`, "8,5 %"
 * is 0.085. The one reader of typed numbers: forms, imports and the CLI all go through it, so they
 * accept and refuse the same text.
 */

const SPACES = /[\s\u00a0\u202f\u2007\u2009']/g;
const NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;

/** The number the text says, or null when it says none (empty text included). */
export function readSwedishNumber(text: string, { percent = false } = {}): number | null {
  let compact = text.replace(SPACES, "").replace(/^[\u2212\u2013]/, "-");
  let scale = 1;
  if (percent && compact.endsWith("%")) {
    compact = compact.slice(0, -1);
    scale = 100;
  }
  if (!NUMBER.test(compact)) return null;
  return Number(compact.replace(",", ".")) / scale;
}

/**
 * A form field for a schema: empty is "not given" (undefined); a number is the number; anything else
 * stays the text typed, so the schema refuses it and names the field.
 */
export function formNumber(typed: string): number | string | undefined {
  if (typed.trim() === "") return undefined;
  return readSwedishNumber(typed) ?? typed;
}
