import { z } from "zod";

const Person = z.object({ id: z.string(), name: z.string().nullable() });

export const ReviewParams = z.object({ reviewId: z.uuid({ error: "invalid_id" }) });
export const CommentParams = z.object({ commentId: z.uuid({ error: "invalid_id" }) });

export const Review = z.object({
  id: z.string(),
  deliverableId: z.string(),
  version: z.int(),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  reviewerIds: z.array(z.string()),
});

export const VerdictAnswer = z.object({
  reviewId: z.string(),
  reviewerId: z.string(),
  version: z.int(),
  verdict: z.enum(["approved", "changes_requested"]),
  note: z.string().nullable(),
  contentHash: z.string().meta({ description: "The text the verdict was given on: an edit since makes an approval about an earlier text" }),
  decidedAt: z.string(),
});

export const Comment = z.object({
  id: z.string(),
  deliverableId: z.string(),
  version: z.int(),
  sectionId: z.string(),
  quote: z.string().nullable(),
  text: z.string(),
  replyTo: z.string().nullable().meta({ description: "The thread's first comment; null for a first comment" }),
  threadId: z.string(),
  author: Person.nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable().meta({ description: "When the thread was resolved (on every comment of the thread)" }),
  resolvedBy: Person.nullable(),
});

export const CommentList = z.object({
  comments: z.array(Comment).meta({ description: "Threads in the order started, each first comment followed by its answers" }),
});
