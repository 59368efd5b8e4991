/**
 * Comments on a document's sections as threads: a first comment on a section (optionally on a
 * quoted passage) and the answers to it, resolved as a whole. Plain data and plain functions.
 */

export type DocumentComment = {
  id: string;
  deliverableId: string;
  version: number;
  sectionId: string;
  quote: string | null;
  text: string;
  /** The thread's first comment; null for a first comment. */
  replyTo: string | null;
  authorId: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
};

export type CommentThread = {
  /** The first comment: where the thread sits (version, section, quote) and whether it is resolved. */
  first: DocumentComment;
  replies: DocumentComment[];
  resolved: boolean;
};

const byTime = (a: DocumentComment, b: DocumentComment) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

/** Threads in the order they were started, each with its answers in the order given. */
export function threadsOf(comments: readonly DocumentComment[]): CommentThread[] {
  const sorted = [...comments].sort(byTime);
  return sorted
    .filter((c) => c.replyTo === null)
    .map((first) => ({ first, replies: sorted.filter((c) => c.replyTo === first.id), resolved: first.resolvedAt !== null }));
}

/** The thread an answer joins: answering an answer answers its thread, so threads stay one level deep. */
export const threadOf = (comment: Pick<DocumentComment, "id" | "replyTo">) => comment.replyTo ?? comment.id;

/** Open threads on a document that someone other than `personId` started: what waits for that person's answer. */
export const openThreadsFor = (threads: readonly CommentThread[], personId: string) =>
  threads.filter((t) => !t.resolved && t.first.authorId !== personId);

/** A quote must be a passage of the section it is about, as that version has it (white space compared loosely). */
export function quoteInSection(quote: string, sectionText: string): boolean {
  const loose = (s: string) => s.replace(/\s+/g, " ").trim();
  return loose(quote) !== "" && loose(sectionText).includes(loose(quote));
}
