/** Lexical rules of the XSD built-in types the contract uses, and small helpers for the checks. */

/** xs:date (whitespace collapsed): YYYY-MM-DD with an optional time zone, and a real calendar day. */
export function isXsDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?$/.exec(value.trim());
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** xs:boolean (whitespace collapsed). */
export function xsBoolean(value: string): boolean | null {
  const v = value.trim();
  return v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : null;
}

/** xs:language: an RFC 3066-style tag. "svSE", which every implementation sends, is lexically valid. */
export const isXsLanguage = (value: string) => /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(value.trim());

/**
 * xs:base64Binary after whitespace is removed: groups of four, padding only at the end. Said as
 * "alphabet, at most two `=`, a multiple of four long", which a regular expression checks in one
 * pass: a delivery's attachments are most of its bytes, and the grouped pattern cost a third of
 * a delivery's checks.
 */
export function decodeBase64(value: string): Buffer | null {
  const compact = /\s/.test(value) ? value.replace(/\s+/g, "") : value;
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return Buffer.from(compact, "base64");
}

/** Length in characters as XSD counts them (code points, not UTF-16 units). */
export const xsLength = (value: string) => Array.from(value).length;

export const quote = (value: string, max = 60) => JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
