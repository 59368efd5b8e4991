import type { z } from "zod";
import { en } from "../../i18n/en.ts";
import { DomainError, type FieldIssue } from "./domain-error.ts";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * Every field error code with its English text: the shared ones and each area's own (the business
 * case's `low_above_expected`, the benefits' `before_baseline`, …), so the API answers with the code
 * the page translates rather than `invalid`. A shared code wins over an area's of the same name.
 */
const KNOWN_CODES: ReadonlyMap<string, string> = new Map([
  ...Object.values(en as Record<string, unknown>).flatMap((area) =>
    isRecord(area) && isRecord(area.fieldErrors) ? Object.entries(area.fieldErrors as Record<string, string>) : [],
  ),
  ...Object.entries(en.fieldErrors as Record<string, string>),
]);

/**
 * Turns zod's issues into our field issues: a code the UI can translate, and the field path.
 * Here rather than in http/ because the CLI and the domain's own parsing report issues the same way.
 */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    code: KNOWN_CODES.has(i.message) ? i.message : "invalid",
    message: KNOWN_CODES.get(i.message) ?? i.message,
  }));
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError("VALIDATION_FAILED", "the request is not valid", { fields: fieldIssues(result.error) });
}
