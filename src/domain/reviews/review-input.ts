import { z } from "zod";
import { requiredText, uuid } from "../shared/field-rules.ts";
import { VERDICTS } from "./review-rules.ts";

/** A version number as the API and the forms send it. */
const version = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" });

/** Enough for a styrgrupp and more; a request naming the whole organisation is no review. */
export const MAX_REVIEWERS = 20;

export const RequestReviewInput = z.object({
  version,
  reviewerIds: z.array(uuid, { error: "required" }).min(1, { error: "required" }).max(MAX_REVIEWERS, { error: "too_many" }),
});
export type RequestReviewInput = z.infer<typeof RequestReviewInput>;

const optionalNote = z
  .string({ error: "invalid" })
  .trim()
  .max(2000, { error: "too_long" })
  .optional()
  .transform((s) => (s ? s : undefined));

export const VerdictInput = z.object({ verdict: z.enum(VERDICTS, { error: "invalid_choice" }), note: optionalNote });
export type VerdictInput = z.infer<typeof VerdictInput>;

export const COMMENT_MAX_LENGTH = 5000;
export const QUOTE_MAX_LENGTH = 1000;

export const CommentInput = z.object({
  version,
  sectionId: z.string({ error: "required" }).min(1, { error: "required" }).max(100, { error: "too_long" }),
  quote: z
    .string({ error: "invalid" })
    .trim()
    .max(QUOTE_MAX_LENGTH, { error: "too_long" })
    .optional()
    .transform((s) => (s ? s : undefined)),
  text: requiredText(COMMENT_MAX_LENGTH),
  replyTo: uuid.optional(),
});
export type CommentInput = z.infer<typeof CommentInput>;
