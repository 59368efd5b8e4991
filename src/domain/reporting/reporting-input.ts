import { z } from "zod";
import { isoDate } from "../initiatives/initiative-input.ts";
import { requiredText, uuid } from "../shared/field-rules.ts";

/** A comment on a submission: the projektledare's word to the förvaltningsgrupp beside the numbers. */
export const COMMENT_MAX_LENGTH = 2000;

const reminderDays = z
  .number({ error: "whole_number" })
  .int({ error: "whole_number" })
  .min(0, { error: "reminder_days_range" })
  .max(90, { error: "reminder_days_range" });

/**
 * A round as the förvaltningsgrupp opens it. Whether the deadline has passed is the use case's to
 * say (it knows today in Stockholm); here only that it is a date.
 */
export const CreateRoundInput = z.object({
  name: requiredText(200),
  deadline: isoDate,
  remindDaysBefore: reminderDays.default(7),
  remindDaysAfter: reminderDays.default(3),
});
export type CreateRoundInput = z.output<typeof CreateRoundInput>;

export const SubmissionInput = z.object({
  initiativeId: uuid,
  comment: z.string({ error: "invalid" }).trim().max(COMMENT_MAX_LENGTH, { error: "too_long" }).default(""),
});
export type SubmissionInput = z.output<typeof SubmissionInput>;
