import type { z } from "zod";
import { en } from "../../i18n/en.ts";
import { DomainError, type FieldIssue } from "./domain-error.ts";

const KNOWN_CODES = new Set(Object.keys(en.fieldErrors));

/**
 * Turns zod's issues into our field issues: a code the UI can translate, and the field path.
 * Here rather than in http/ because the CLI and the domain's own parsing report issues the same way.
 */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    code: KNOWN_CODES.has(i.message) ? i.message : "invalid",
    message: KNOWN_CODES.has(i.message) ? ((en.fieldErrors as Record<string, string>)[i.message] ?? i.message) : i.message,
  }));
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError("VALIDATION_FAILED", "the request is not valid", { fields: fieldIssues(result.error) });
}
