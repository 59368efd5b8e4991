import { diffWordsWithSpace } from "diff";

export type DiffOp = "equal" | "insert" | "delete";
/** A run of text as it stands in both versions (equal), only in the later one (insert) or only in the earlier (delete). */
export type DiffPart = { op: DiffOp; text: string };
export type SectionDiff = { sectionId: string; changed: boolean; parts: DiffPart[] };
export type VersionDiff = { sections: SectionDiff[] };

/**
 * How many tokens (words, punctuation marks, runs of spaces, newlines) may differ in one section
 * before the word diff gives up and shows the section as replaced whole. Myers' diff costs about
 * (length × edits), so with a section bounded at 100,000 characters (EditSectionsInput) and at most
 * 8 sections in a template (the method's largest), this keeps the worst case, two entirely
 * different 100,000-character texts, to a fraction of a second per section rather than minutes.
 * 1,000 tokens is some 500 changed words: a section rewritten more than that reads better as
 * "replaced" than as a patchwork anyway.
 */
export const MAX_EDIT_TOKENS = 1000;

/**
 * The word-level changes from one text to another. Reading the equal and deleted parts in order
 * gives the earlier text back, the equal and inserted parts the later: nothing is dropped or
 * normalised. Adjacent parts of one kind are merged, and spaces alone between two changes count
 * as changed too, so "a b c" → "x y z" reads as one deletion and one insertion rather than a
 * patchwork of single words.
 */
export function diffText(from: string, to: string): DiffPart[] {
  if (from === to) return from === "" ? [] : [{ op: "equal", text: from }];
  const changes = diffWordsWithSpace(from, to, { maxEditLength: MAX_EDIT_TOKENS });
  const raw: DiffPart[] = changes
    ? changes.map((c) => ({ op: c.added ? "insert" : c.removed ? "delete" : "equal", text: c.value }))
    : [
        { op: "delete", text: from },
        { op: "insert", text: to },
      ];
  return merge(absorbSpacesBetweenChanges(raw.filter((p) => p.text !== "")));
}

const SPACES_ONLY = /^[ \t\u00a0]+$/;

/** An equal run of spaces with changes on both sides becomes a deletion and an insertion of those spaces. */
function absorbSpacesBetweenChanges(parts: DiffPart[]): DiffPart[] {
  return parts.flatMap((part, i) => {
    const before = parts[i - 1];
    const after = parts[i + 1];
    if (part.op === "equal" && SPACES_ONLY.test(part.text) && before && after && before.op !== "equal" && after.op !== "equal") {
      return [
        { op: "delete" as const, text: part.text },
        { op: "insert" as const, text: part.text },
      ];
    }
    return [part];
  });
}

/**
 * Adjacent parts of one kind joined; within a run of changes, every deletion before every
 * insertion, so a replaced passage reads "removed …, added …" once.
 */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let deleted = "";
  let inserted = "";
  const pushEqual = (text: string) => {
    const last = out[out.length - 1];
    if (last?.op === "equal") last.text += text;
    else if (text) out.push({ op: "equal", text });
  };
  const flush = () => {
    // Spaces that both sides of a replacement begin or end with are no change: the change is the words.
    const lead = deleted && inserted ? commonPrefix(leadingSpaces(deleted), leadingSpaces(inserted)) : "";
    const trail =
      deleted && inserted ? commonSuffix(trailingSpaces(deleted.slice(lead.length)), trailingSpaces(inserted.slice(lead.length))) : "";
    if (lead) pushEqual(lead);
    const cut = (text: string) => text.slice(lead.length, text.length - trail.length);
    if (cut(deleted)) out.push({ op: "delete", text: cut(deleted) });
    if (cut(inserted)) out.push({ op: "insert", text: cut(inserted) });
    if (trail) pushEqual(trail);
    deleted = "";
    inserted = "";
  };
  for (const part of parts) {
    if (part.op === "delete") deleted += part.text;
    else if (part.op === "insert") inserted += part.text;
    else {
      flush();
      pushEqual(part.text);
    }
  }
  flush();
  return out;
}

const leadingSpaces = (text: string) => /^\s*/.exec(text)?.[0] ?? "";
const trailingSpaces = (text: string) => /\s*$/.exec(text)?.[0] ?? "";
function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}
function commonSuffix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return a.slice(a.length - i);
}

/**
 * Two versions of a document compared section by section, in the template's order. A section
 * missing from a version counts as empty text; sections outside the template are not shown (the
 * editor accepts only the template's).
 */
export function diffVersions({
  sectionIds,
  from,
  to,
}: {
  sectionIds: readonly string[];
  from: Readonly<Record<string, string>>;
  to: Readonly<Record<string, string>>;
}): VersionDiff {
  return {
    sections: sectionIds.map((sectionId) => {
      const before = from[sectionId] ?? "";
      const after = to[sectionId] ?? "";
      return { sectionId, changed: before !== after, parts: diffText(before, after) };
    }),
  };
}
