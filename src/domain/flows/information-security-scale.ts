/**
 * The classes a flow's information security can be given. Organisations classify on their own
 * scales (MSB's KLASSA uses 1–4 per aspect, others name levels), so the scale is the installation's:
 * INFORMATION_SECURITY_SCALE lists its classes separated by semicolons. Unset, this four-level scale
 * applies. "Ej klassad" is not a class: a flow without one stores null.
 */
export const DEFAULT_INFORMATION_SECURITY_SCALE: readonly string[] = ["1 – Låg", "2 – Måttlig", "3 – Hög", "4 – Mycket hög"];

/** The flow input's limit for a class's name. */
export const MAX_CLASS_LENGTH = 100;

/**
 * INFORMATION_SECURITY_SCALE as a list of classes, or the reason it is not one: each class named,
 * at most 100 characters, none twice.
 */
export function parseInformationSecurityScale(
  value: string | undefined,
): { ok: true; scale: readonly string[] } | { ok: false; reason: string } {
  if (value === undefined || value.trim() === "") return { ok: true, scale: DEFAULT_INFORMATION_SECURITY_SCALE };
  const classes = value.split(";").map((c) => c.trim());
  if (classes.some((c) => c === "")) return { ok: false, reason: "a class between two semicolons is empty" };
  const tooLong = classes.find((c) => c.length > MAX_CLASS_LENGTH);
  if (tooLong) return { ok: false, reason: `"${tooLong.slice(0, 20)}…" is longer than ${MAX_CLASS_LENGTH} characters` };
  const twice = classes.find((c, i) => classes.indexOf(c) !== i);
  if (twice) return { ok: false, reason: `"${twice}" is named twice` };
  return { ok: true, scale: classes };
}
