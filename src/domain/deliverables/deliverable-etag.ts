/**
 * A deliverable's entity tag: its latest version's number, status and content. Whoever edits the
 * whole text or moves it through review sends back the tag of what they read (If-Match, or
 * `baseEtag` in a form), so a change someone else made meanwhile is refused instead of silently
 * overwritten. The status is part of it: "fastställ" on a text that went back to utkast, or saving
 * over a version just sent for granskning, must not pass as if nothing had happened.
 */
export function deliverableEtag(latest: { version: number; status: string; contentHash: string }): string {
  return `"v${latest.version}-${latest.status}-${latest.contentHash.slice(0, 16)}"`;
}

/** RFC 9110 entity tags in a header value: `*`, or a comma-separated list of "…" and W/"…". */
const TAG = /\*|(?:W\/)?"[^"]*"/g;

/**
 * Whether an If-Match value allows changing a resource whose tag is `current`: `*` allows any,
 * otherwise one listed tag must equal it by strong comparison (a weak W/"…" tag never does).
 * A value without any tag allows nothing.
 */
export function ifMatchAllows(ifMatch: string, current: string): boolean {
  const tags = ifMatch.match(TAG) ?? [];
  return tags.some((t) => t === "*" || t === current);
}

/** A tag given in a form or JSON field may come without its quotes; the header form always has them. */
export function asEntityTag(value: string): string {
  const v = value.trim();
  return v.startsWith('"') || v.startsWith("W/") || v === "*" ? v : `"${v}"`;
}
