import { z } from "zod";
import { isoDate } from "../initiatives/initiative-input.ts";
import { requiredText, uuid } from "../shared/field-rules.ts";
import { OUTCOMES } from "./milestone-rules.ts";

const optional = (max: number) =>
  z
    .string({ error: "invalid" })
    .trim()
    .max(max, { error: "too_long" })
    .nullish()
    .transform((s) => (s ? s : null));

export const DecisionInput = z
  .object({
    outcome: z.enum(OUTCOMES, { error: "invalid_choice" }),
    decisionPoints: z.array(
      z.object({
        id: z.string({ error: "required" }).min(1, { error: "required" }).max(100, { error: "too_long" }),
        answer: requiredText(2000),
        motivation: requiredText(5000),
      }),
      { error: "required" },
    ),
    conditions: z
      .array(
        z.object({
          text: requiredText(1000),
          /** The owner's name as recorded; with `ownerUserId` it may be left out and becomes the member's name. */
          owner: z.string({ error: "invalid" }).trim().max(200, { error: "too_long" }).default(""),
          ownerUserId: uuid
            .nullish()
            .transform((v) => v ?? null)
            .meta({ description: "The member who owns the condition and is asked to follow it up (My tasks, reminders)" }),
          dueDate: isoDate,
        }),
        { error: "invalid" },
      )
      .default([]),
    decidedOn: isoDate,
    minutes: optional(20_000),
    diarienummer: optional(100),
    incompleteBasisReason: optional(5000),
    /**
     * What the förvaltningsgrupp is told besides the timeline and volumes, which are computed from the
     * flows (issue 11). A typed timeline or volume is still taken and reported beside the computed one.
     */
    reported: z
      .object({
        timeline: optional(2000).meta({ description: "Optional: reported beside the timeline computed from the flows" }),
        messageVolumePerYear: z
          .number({ error: "invalid" })
          .int({ error: "invalid" })
          .min(0, { error: "invalid" })
          .max(1e10, { error: "invalid" })
          .nullish()
          .transform((v) => v ?? null)
          .meta({ description: "Optional: reported beside the volumes computed from the forecast" }),
        volumeNote: optional(500),
        /** The decider's comment for the förvaltningsgrupp, appended to the communication. */
        note: optional(2000).meta({ description: "The decider's comment, appended to the communication to the förvaltningsgrupp" }),
      })
      .default({ timeline: null, messageVolumePerYear: null, volumeNote: null, note: null }),
    /**
     * The decision this one replaces: the milestone's current decision as the decider saw it, or
     * null (the default) when they saw none. When it is not the current one any more, someone else
     * decided meanwhile and the decision is refused (409 DECISION_CONFLICT), never silently stacked.
     */
    supersedes: uuid
      .nullish()
      .transform((v) => v ?? null)
      .meta({
        description:
          "Id of the milestone's current decision this one supersedes, or null when there is none; otherwise 409 DECISION_CONFLICT",
      }),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "go_with_conditions" && v.conditions.length === 0) {
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "condition_required" });
    }
    if (v.outcome !== "go_with_conditions" && v.conditions.length > 0) {
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "conditions_not_allowed" });
    }
    v.conditions.forEach((c, i) => {
      if (!c.owner && !c.ownerUserId) ctx.addIssue({ code: "custom", path: ["conditions", i, "owner"], message: "required" });
    });
  });
export type DecisionInput = z.infer<typeof DecisionInput>;

/** The longest proposal a decision point's beredning may hold, in the API and on the page. */
export const PROPOSAL_MAX_LENGTH = 5000;
export const PreparationInput = z.object({ proposal: requiredText(PROPOSAL_MAX_LENGTH) });
