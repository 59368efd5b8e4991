import { z } from "zod";
import { TASK_KINDS } from "../../../domain/tasks/my-tasks.ts";

export const TaskItem = z
  .object({
    kind: z.enum(TASK_KINDS).meta({
      description:
        "decide_milestone: a milestone ready for your decision (verksamhetsägare at I, the initiative's styrgrupp at II–VIII); " +
        "approve_document: a document för granskning you may fastställa; " +
        "condition_due: a condition of a current decision that you own (or, with no member owner, that you follow up as projektledare), not yet met; " +
        "prepare_decision_point: an unprepared decision point of the milestone the initiative works towards (its projektledare); " +
        "review_document: a document you are asked to review and have not answered yet (without named reviewers: a document för granskning in your team that someone else wrote); " +
        "read_communication: an unread communication addressed to you; " +
        "review_risk: a risk you own (or, with no member owner, follow up as projektledare) whose review date has passed and that is not closed; " +
        "measure_benefit: a benefit you measure (else its owner, else the projektledare) whose measurement is due by its frequency; " +
        "answer_comments: open comment threads that others started on a document you own or wrote the latest version of",
    }),
    initiativeId: z.string().nullable().meta({ description: "Null for a message you receive as a samverkanspart" }),
    title: z.string().meta({ description: "In the caller's language" }),
    dueDate: z.string().nullable().meta({
      description:
        "YYYY-MM-DD: a condition's due date, the milestone's planned decision day, a risk's review date or a benefit's measurement day; null when there is none",
    }),
    href: z.string().meta({ description: "The path of the page where the action is taken" }),
  })
  .strict();

export const MyTasks = z.object({
  tasks: z.array(TaskItem).meta({ description: "Ordered by dueDate (undated last), then title" }),
});

export const ConditionParams = z.object({
  decisionId: z.uuid({ error: "invalid_id" }),
  conditionIndex: z.coerce.number().int().min(0).max(1000),
});

export const ConditionView = z.object({
  decisionId: z.string(),
  index: z.number().int(),
  initiativeId: z.string(),
  numeral: z.string(),
  text: z.string(),
  owner: z.string(),
  ownerUserId: z
    .string()
    .nullable()
    .meta({ description: "The member chosen as owner; null for an owner outside the members, or on older decisions" }),
  dueDate: z.string(),
  current: z.boolean().meta({ description: "False once a later decision superseded the one that set it" }),
  overdue: z.boolean(),
  met: z.object({ at: z.string(), byName: z.string().nullable(), note: z.string() }).nullable(),
  permissions: z.object({ markMet: z.boolean() }),
});

export const ConditionList = z.object({ conditions: z.array(ConditionView) });

export const MilestonePlan = z.object({ numeral: z.string(), plannedOn: z.string().nullable() });
