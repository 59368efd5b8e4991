import type { z } from "zod";
import type { FieldIssue } from "../domain/shared/domain-error.ts";
import { fieldIssues } from "../domain/shared/zod-issues.ts";
import type { FormErrors } from "../ui/page-context.ts";

export type FormValues = Record<string, string | string[] | undefined>;

/** The posted form as plain values, without the CSRF token. */
export function formValues(body: unknown): FormValues {
  const { _csrf: _ignored, ...rest } = (body ?? {}) as Record<string, unknown>;
  const out: FormValues = {};
  for (const [k, v] of Object.entries(rest)) {
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
  }
  return out;
}

export const str = (values: FormValues, key: string) => {
  const v = values[key];
  return typeof v === "string" ? v : Array.isArray(v) ? (v[0] ?? "") : "";
};
export const list = (values: FormValues, key: string) => {
  const v = values[key];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
};

/** Browsers send textarea line breaks as CRLF; stored text uses LF, so an unchanged text hashes the same. */
export const normaliseText = (s: string) => s.replace(/\r\n?/g, "\n");

/** One error per field (the first), in the order the problems were found. */
export function firstPerField(errors: FormErrors): FormErrors {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.field) && Boolean(seen.add(e.field)));
}

export const toFormErrors = (issues: FieldIssue[]): FormErrors =>
  firstPerField(issues.map((i) => ({ field: i.path.length ? String(i.path[0]) : "form", code: i.code })));

export function parseForm<T>(schema: z.ZodType<T>, input: unknown): { ok: true; data: T } | { ok: false; errors: FormErrors } {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: toFormErrors(fieldIssues(r.error)) };
}
