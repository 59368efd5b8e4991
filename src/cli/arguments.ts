import { parseArgs } from "node:util";

export class UsageError extends Error {}

/** Parses `--flag value` options for one command, refusing unknown flags and missing required ones. */
export function options<const K extends string>(argv: string[], spec: { required: readonly K[]; optional?: readonly string[] }) {
  const names = [...spec.required, ...(spec.optional ?? [])];
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: Object.fromEntries(names.map((n) => [n, { type: "string" as const }])),
      allowPositionals: false,
      strict: true,
    }).values as Record<string, string | undefined>;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const missing = spec.required.filter((k) => !values[k]);
  if (missing.length) throw new UsageError(`missing ${missing.map((k) => `--${k}`).join(", ")}`);
  return values as Record<K, string> & Record<string, string | undefined>;
}
