import { z } from "zod";
import { requiredText, uuid } from "../shared/field-rules.ts";

export const isoDate = z
  .string({ error: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date" })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: "date" });

export const optionalText = (max: number) => z.string({ error: "invalid" }).trim().max(max, { error: "too_long" }).default("");

export const CreateInitiativeInput = z.object({
  organisationId: uuid,
  name: requiredText(200),
  description: optionalText(5000),
  targetGroup: optionalText(1000),
  plannedGoLive: isoDate.nullable().default(null),
  projectManagerId: uuid.nullable().default(null),
  steeringGroup: z.array(uuid, { error: "invalid" }).max(50, { error: "too_long" }).optional(),
});
export type CreateInitiativeInput = z.infer<typeof CreateInitiativeInput>;

export const UpdateInitiativeInput = CreateInitiativeInput.omit({ organisationId: true }).partial();
export type UpdateInitiativeInput = z.infer<typeof UpdateInitiativeInput>;

export const ACTIVITY_STATUSES = ["not_started", "in_progress", "done", "not_applicable"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** "Not applicable" needs a short motivation: the method is a smörgåsbord, and the choice must be explained. */
export const ActivityProgressInput = z
  .object({
    status: z.enum(ACTIVITY_STATUSES, { error: "invalid_choice" }),
    motivation: z.string({ error: "invalid" }).trim().max(2000, { error: "too_long" }).default(""),
  })
  .refine((v) => v.status !== "not_applicable" || v.motivation.length > 0, { path: ["motivation"], error: "motivation_required" });
export type ActivityProgressInput = z.infer<typeof ActivityProgressInput>;

/** Whether the public open-data export may list the initiative. */
export const PublishableInput = z.object({ publishable: z.boolean({ error: "invalid_choice" }) });
