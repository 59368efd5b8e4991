import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, day } from "./columns.ts";
import { users } from "./identity.ts";
import { initiatives } from "./initiatives.ts";
import { organisations } from "./organisations.ts";

/**
 * A reporting round the förvaltningsgrupp opens ("Halvårsrapport 2027-1"): every organisation with an
 * active initiative submits its plan, forecast and realised benefits by the deadline. Reminders go
 * out the given number of days before and after it.
 */
export const reportingRounds = pgTable(
  "reporting_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    deadline: day("deadline").notNull(),
    remindDaysBefore: integer("remind_days_before").notNull().default(7),
    remindDaysAfter: integer("remind_days_after").notNull().default(3),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check("reporting_rounds_name_check", sql`length(btrim(${t.name})) between 1 and 200`),
    check("reporting_rounds_deadline_check", sql`${t.deadline} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
    check("reporting_rounds_reminder_days_check", sql`${t.remindDaysBefore} between 0 and 90 and ${t.remindDaysAfter} between 0 and 90`),
    uniqueIndex("reporting_rounds_name_key").on(sql`lower(btrim(${t.name}))`),
  ],
);

/** One initiative's report in a round: a frozen snapshot of its plan, forecast and realised benefits. */
export const reportingSubmissions = pgTable(
  "reporting_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => reportingRounds.id, { onDelete: "cascade" }),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    comment: text("comment").notNull().default(""),
    snapshot: jsonb("snapshot").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    submittedBy: uuid("submitted_by").references(() => users.id, { onDelete: "set null" }),
    submittedByName: text("submitted_by_name").notNull(),
  },
  (t) => [
    uniqueIndex("reporting_submissions_round_initiative_key").on(t.roundId, t.initiativeId),
    index("reporting_submissions_initiative_idx").on(t.initiativeId, t.submittedAt),
  ],
);

/** A reminder of a round sent for an initiative, before or after the deadline: the key makes it once. */
export const reportingReminders = pgTable(
  "reporting_reminders",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => reportingRounds.id, { onDelete: "cascade" }),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["before", "after"] }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "reporting_reminders_pk", columns: [t.roundId, t.initiativeId, t.kind] }),
    check("reporting_reminders_kind_check", sql`${t.kind} in ('before', 'after')`),
  ],
);

/**
 * Two counters that advance, at commit, with every change to what a cached read model is computed
 * from, so an app server's cache can tell that it is stale with one small read. Row 1, the forecast
 * generation: flows, flow settings, initiatives, organisations, decisions (migration 0019), forecast
 * versions and actuals (0020, for the volume plan). Row 2, the
 * status generation: everything the portfolio's rows read (migration 0022). Not data: not backed up.
 */
export const portfolioGeneration = pgTable(
  "portfolio_generation",
  {
    id: integer("id").primaryKey().default(1),
    generation: bigint("generation", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("portfolio_generation_rows", sql`${t.id} in (1, 2)`)],
);
