import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/** SHA-256 over RFC 8785 canonical JSON: the same data always gives the same hash, whatever its key order. */
export function contentHash(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("value cannot be canonicalised");
  return createHash("sha256").update(text, "utf8").digest("hex");
}
