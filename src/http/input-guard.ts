import type { FastifyInstance } from "fastify";
import { DomainError, type FieldIssue } from "../domain/shared/domain-error.ts";
import { en } from "../i18n/en.ts";

/**
 * Text no column can hold: NUL (PostgreSQL refuses it in text and jsonb, which surfaced as a 500)
 * and a UTF-16 half without its partner (not Unicode at all: jsonb refuses it, and the driver
 * silently stores U+FFFD in text, so the person's input would change without a word).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what must be refused.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** In a path or a query, also no control characters: an id, a filter or a return path never holds one, and they break headers. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be refused.
const UNSAFE_IN_URL = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Deeper than any request Ansluta takes (a decision's conditions are four levels); deeper input is refused before anything recurses over it. */
export const MAX_INPUT_DEPTH = 32;

type Issue = { path: (string | number)[]; code: "invalid_characters" | "too_deep" };

/** The first problem in a parsed value, walked without recursion so a hostile nesting cannot overflow the stack. */
export function findInputIssue(value: unknown, forbidden: RegExp): Issue | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value: v, path } = item;
    if (typeof v === "string") {
      if (forbidden.test(v)) return { path, code: "invalid_characters" };
    } else if (v !== null && typeof v === "object") {
      if (path.length >= MAX_INPUT_DEPTH) return { path, code: "too_deep" };
      const array = Array.isArray(v);
      for (const [key, inner] of Object.entries(v)) {
        if (!array && forbidden.test(key)) return { path: [...path, key], code: "invalid_characters" };
        stack.push({ value: inner, path: [...path, array ? Number(key) : key] });
      }
    }
  }
  return null;
}

/**
 * One check at the edge for every route, API and forms alike, before any schema or handler sees
 * the input: the path's parameters, the query, and a parsed JSON or form body. What fails is a
 * 400 VALIDATION_FAILED naming the field, never a database error. A raw body
 * (the validator's XML, an imported spreadsheet's bytes) is left to its own parser: walking a
 * Buffer entry by entry would hold the event loop for seconds on a 5 MB upload.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook("preValidation", async (request) => {
    const issue =
      findInputIssue(request.params, UNSAFE_IN_URL) ??
      findInputIssue(request.query, UNSAFE_IN_URL) ??
      (request.body !== null && typeof request.body === "object" && !Buffer.isBuffer(request.body)
        ? findInputIssue(request.body, UNSTORABLE)
        : null);
    if (!issue) return;
    const field: FieldIssue = { path: issue.path, code: issue.code, message: en.fieldErrors[issue.code] };
    throw new DomainError("VALIDATION_FAILED", "the request is not valid", { fields: [field] });
  });
}
