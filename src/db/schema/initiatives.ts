import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, day } from "./columns.ts";
import { users } from "./identity.ts";
import { organisations } from "./organisations.ts";

export const initiatives = pgTable(
  "initiatives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    targetGroup: text("target_group").notNull().default(""),
    plannedGoLive: day("planned_go_live"),
    projectManagerId: uuid("project_manager_id").references(() => users.id, { onDelete: "set null" }),
    methodVersion: text("method_version").notNull(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** Whether the organisation lets the public open-data export list the initiative (issue 14); off until turned on. */
    publishable: boolean("publishable").notNull().default(false),
  },
  (t) => [index("initiatives_org_idx").on(t.organisationId)],
);

/** The initiative's own styrgrupp; the verksamhetsägare decides milestone I, the styrgrupp II–VIII. */
export const steeringGroupMembers = pgTable(
  "steering_group_members",
  {
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.userId] })],
);

export const activityProgress = pgTable(
  "activity_progress",
  {
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    activityId: text("activity_id").notNull(),
    status: text("status", { enum: ["not_started", "in_progress", "done", "not_applicable"] }).notNull(),
    motivation: text("motivation"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.activityId] }),
    check("activity_not_applicable_motivated", sql`${t.status} <> 'not_applicable' or length(trim(coalesce(${t.motivation}, ''))) > 0`),
  ],
);
