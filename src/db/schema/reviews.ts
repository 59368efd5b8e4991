import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { deliverables } from "./deliverables.ts";
import { users } from "./identity.ts";

const moment = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** The author asks named members to review one version of a document ("för granskning"). */
export const deliverableReviews = pgTable(
  "deliverable_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    requestedAt: moment("requested_at").notNull(),
  },
  (t) => [index("deliverable_reviews_deliverable_idx").on(t.deliverableId)],
);

/**
 * One named reviewer of a review and their verdict. The verdict holds the content hash of the text
 * it was given on: an approval speaks for that text only, so an edit after it no longer counts as
 * the second person's look (review-rules.ts).
 */
export const deliverableReviewers = pgTable(
  "deliverable_reviewers",
  {
    reviewId: uuid("review_id")
      .notNull()
      .references(() => deliverableReviews.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    verdict: text("verdict", { enum: ["approved", "changes_requested"] }),
    note: text("note"),
    contentHash: text("content_hash"),
    decidedAt: moment("decided_at"),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.reviewerId] }),
    index("deliverable_reviewers_reviewer_idx").on(t.reviewerId),
    check("deliverable_reviewers_verdict_check", sql`${t.verdict} in ('approved', 'changes_requested')`),
    // A verdict is whole or absent: never an answer without the text and moment it was given on.
    check(
      "deliverable_reviewers_verdict_whole",
      sql`(${t.verdict} is null) = (${t.decidedAt} is null) and (${t.verdict} is null) = (${t.contentHash} is null)`,
    ),
  ],
);

/**
 * A comment on a section of one version, optionally on a quoted passage. A thread is a first
 * comment and its replies (replyTo names the first comment); resolving marks the first comment.
 */
export const deliverableComments = pgTable(
  "deliverable_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    sectionId: text("section_id").notNull(),
    quote: text("quote"),
    text: text("text").notNull(),
    replyTo: uuid("reply_to").references((): AnyPgColumn => deliverableComments.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: moment("created_at").notNull(),
    resolvedAt: moment("resolved_at"),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("deliverable_comments_deliverable_idx").on(t.deliverableId)],
);
