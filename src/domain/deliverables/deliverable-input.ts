import { z } from "zod";
import { requiredText, uuid } from "../shared/field-rules.ts";
import { DELIVERABLE_STATUSES } from "./deliverable-status.ts";

export const CreateDeliverableInput = z.object({
  deliverableTypeId: z.string({ error: "required" }).min(1, { error: "required" }).max(100, { error: "too_long" }),
  title: requiredText(200).optional(),
  ownerId: uuid.nullable().optional(),
});
export type CreateDeliverableInput = z.infer<typeof CreateDeliverableInput>;

/**
 * The deliverable's ETag as the caller read it, for callers that cannot send If-Match (forms).
 * Without it, section edits still merge safely with what others saved meanwhile.
 */
const baseEtag = z
  .string({ error: "invalid" })
  .min(1, { error: "invalid" })
  .max(200, { error: "too_long" })
  .optional()
  .meta({ description: "The ETag of the deliverable as read (as If-Match); when it no longer matches: 409 EDIT_CONFLICT" });

/** Section id → Markdown text. Only the template's sections are accepted. */
export const EditSectionsInput = z.object({
  sections: z.record(z.string(), z.string({ error: "invalid" }).max(100_000, { error: "too_long" }), { error: "invalid" }),
  baseEtag,
});
export type EditSectionsInput = z.infer<typeof EditSectionsInput>;

export const ChangeStatusInput = z.object({ status: z.enum(DELIVERABLE_STATUSES, { error: "invalid_choice" }), baseEtag });
