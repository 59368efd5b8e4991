import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, day } from "./columns.ts";
import { users } from "./identity.ts";
import { initiatives } from "./initiatives.ts";

/** The team's prepared proposal for a decision point ("beredning"), before the decision. */
export const decisionPointPreparations = pgTable(
  "decision_point_preparations",
  {
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    decisionPointId: text("decision_point_id").notNull(),
    proposal: text("proposal").notNull(),
    preparedBy: uuid("prepared_by").references(() => users.id, { onDelete: "set null" }),
    preparedAt: timestamp("prepared_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.decisionPointId] })],
);

/** A milestone decision: frozen once written (a trigger refuses UPDATE and DELETE); a new one supersedes it. */
export const milestoneDecisions = pgTable(
  "milestone_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    numeral: text("numeral").notNull(),
    outcome: text("outcome", { enum: ["go", "go_with_conditions", "rework", "stop"] }).notNull(),
    decisionPoints: jsonb("decision_points").notNull(),
    conditions: jsonb("conditions").notNull(),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedByName: text("decided_by_name").notNull(),
    decidedOn: day("decided_on").notNull(),
    minutes: text("minutes").notNull(),
    diarienummer: text("diarienummer"),
    incompleteBasisReason: text("incomplete_basis_reason"),
    reported: jsonb("reported").notNull(),
    basisSnapshot: jsonb("basis_snapshot").notNull(),
    basisHash: text("basis_hash").notNull(),
    /** SHA-256 of the decision itself (domain/milestones/decision-hash.ts); null for decisions recorded before it existed. */
    decisionHash: text("decision_hash"),
    supersedesId: uuid("supersedes_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("milestone_decisions_initiative_idx").on(t.initiativeId, t.numeral, t.createdAt),
    // One current decision per milestone: each decision superseded at most once, one first decision.
    uniqueIndex("milestone_decisions_supersedes_key").on(t.supersedesId).where(sql`${t.supersedesId} is not null`),
    uniqueIndex("milestone_decisions_first_key").on(t.initiativeId, t.numeral).where(sql`${t.supersedesId} is null`),
  ],
);
