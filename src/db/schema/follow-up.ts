import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { day } from "./columns.ts";
import { users } from "./identity.ts";
import { initiatives } from "./initiatives.ts";
import { milestoneDecisions } from "./milestones.ts";

/**
 * A decision's condition marked met. The decision is frozen, so the follow-up lives beside it: one
 * row per condition (its index in the decision's list), written once, with how it was met.
 */
export const conditionFollowups = pgTable(
  "condition_followups",
  {
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => milestoneDecisions.id, { onDelete: "cascade" }),
    conditionIndex: integer("condition_index").notNull(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    note: text("note").notNull(),
    metAt: timestamp("met_at", { withTimezone: true, mode: "date" }).notNull(),
    metBy: uuid("met_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ name: "condition_followups_pk", columns: [t.decisionId, t.conditionIndex] }),
    check("condition_followups_index_check", sql`${t.conditionIndex} >= 0`),
    index("condition_followups_initiative_idx").on(t.initiativeId),
  ],
);

/** The day the team plans to take a milestone's decision: reminders and "decision overdue" go by it. */
export const milestonePlans = pgTable(
  "milestone_plans",
  {
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    numeral: text("numeral").notNull(),
    plannedOn: day("planned_on").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ name: "milestone_plans_pk", columns: [t.initiativeId, t.numeral] })],
);

/**
 * Reminders mailed, each once: `subjectKey` names the subject and its date, `kind` the reminder
 * ("ahead" or "overdue"); inserting the same pair again does nothing, whoever runs the job.
 */
export const remindersSent = pgTable(
  "reminders_sent",
  {
    subjectKey: text("subject_key").notNull(),
    kind: text("kind", { enum: ["ahead", "overdue"] }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }).notNull(),
    recipients: integer("recipients").notNull(),
  },
  (t) => [primaryKey({ name: "reminders_sent_pk", columns: [t.subjectKey, t.kind] })],
);
