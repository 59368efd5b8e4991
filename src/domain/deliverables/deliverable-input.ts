import { z } from "zod";
import { requiredText, uuid } from "../shared/field-rules.ts";
import { DELIVERABLE_STATUSES } from "./deliverable-status.ts";

export const CreateDeliverableInput = z.object({
  deliverableTypeId: z.string({ error: "required" }).min(1, { error: "required" }).max(100, { error: "too_long" }),
  title: requiredText(200).optional(),
  ownerId: uuid.nullable().optional(),
});
export type CreateDeliverableInput = z.infer<typeof CreateDeliverableInput>;

/** Section id → Markdown text. Only the template's sections are accepted. */
export const EditSectionsInput = z.object({
  sections: z.record(z.string(), z.string({ error: "invalid" }).max(100_000, { error: "too_long" }), { error: "invalid" }),
});
export type EditSectionsInput = z.infer<typeof EditSectionsInput>;

export const ChangeStatusInput = z.object({ status: z.enum(DELIVERABLE_STATUSES, { error: "invalid_choice" }) });
