import { parseArgs } from "node:util";

export class UsageError extends Error {}

/**
 * Parses `--flag value` options for one command, and `--switch` options without a value (given as
 * "true"), refusing unknown flags and missing required ones.
 */
export function options<const K extends string>(
  argv: string[],
  spec: { required: readonly K[]; optional?: readonly string[]; switches?: readonly string[] },
) {
  const names = [...spec.required, ...(spec.optional ?? [])];
  let values: Record<string, string | undefined>;
  try {
    const parsed = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(names.map((n) => [n, { type: "string" as const }])),
        ...Object.fromEntries((spec.switches ?? []).map((n) => [n, { type: "boolean" as const }])),
      },
      allowPositionals: false,
      strict: true,
    }).values as Record<string, string | boolean | undefined>;
    values = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v === true ? "true" : v === false ? undefined : v]));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const missing = spec.required.filter((k) => !values[k]);
  if (missing.length) throw new UsageError(`missing ${missing.map((k) => `--${k}`).join(", ")}`);
  return values as Record<K, string> & Record<string, string | undefined>;
}
