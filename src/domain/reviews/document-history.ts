/**
 * A document's history as its readers see it: who created, changed, sent for review, reviewed,
 * commented and fastställde it, and when. Read from the audit log's entries about the document
 * (every change writes one in the same transaction), so the history cannot miss what happened;
 * what each entry held beyond that stays in the audit log for those who may read it.
 */

export const HISTORY_KINDS = [
  "created",
  "edited",
  "new_version",
  "submitted",
  "back_to_draft",
  "approved",
  "review_requested",
  "approved_review",
  "changes_requested",
  "commented",
  "replied",
  "resolved",
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export type HistoryEvent = { seq: number; at: string; actorId: string | null; kind: HistoryKind; version: number | null };

type Entry = { seq: number; at: string; actorUserId: string | null; action: string; after: unknown };

const field = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
const numberOr = (value: unknown) => (typeof value === "number" ? value : null);

/** What one audit entry about a document means in its history; null for an action the history does not show. */
function kindOf(entry: Entry): HistoryKind | null {
  switch (entry.action) {
    case "deliverable.create":
      return "created";
    case "deliverable.edit":
      return "edited";
    case "deliverable.new_version":
      return "new_version";
    case "deliverable.status": {
      const status = field(entry.after, "status");
      return status === "faststalld"
        ? "approved"
        : status === "for_granskning"
          ? "submitted"
          : status === "utkast"
            ? "back_to_draft"
            : null;
    }
    case "deliverable.review_requested":
      return "review_requested";
    case "deliverable.review_verdict":
      return field(entry.after, "verdict") === "approved" ? "approved_review" : "changes_requested";
    case "deliverable.comment":
      return field(entry.after, "replyTo") ? "replied" : "commented";
    case "deliverable.comment_resolved":
      return "resolved";
    default:
      return null;
  }
}

/** The history events of a document's audit entries, in the order given (the log's newest first). */
export function documentHistory(entries: readonly Entry[]): HistoryEvent[] {
  return entries.flatMap((entry) => {
    const kind = kindOf(entry);
    if (!kind) return [];
    // Created: the first version, written inside the entry's `after` as `version.version`.
    const version = numberOr(field(entry.after, "version")) ?? numberOr(field(field(entry.after, "version"), "version"));
    return [{ seq: entry.seq, at: entry.at, actorId: entry.actorUserId, kind, version }];
  });
}
