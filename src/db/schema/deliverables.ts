import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { initiatives } from "./initiatives.ts";

export const deliverables = pgTable(
  "deliverables",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    typeId: text("type_id").notNull(),
    title: text("title").notNull(),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("deliverables_initiative_idx").on(t.initiativeId)],
);

/** Every version of a deliverable is kept: editing a fastställd version starts a new utkast. */
export const deliverableVersions = pgTable(
  "deliverable_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    status: text("status", { enum: ["utkast", "for_granskning", "faststalld"] }).notNull(),
    sections: jsonb("sections").notNull(),
    contentHash: text("content_hash").notNull(),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** When the text was last written ("Senast ändrad"); a status change leaves it alone. */
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
    /** Who last wrote the text (the creator until someone edits it); a status change leaves it alone. */
    lastEditedBy: uuid("last_edited_by").references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }),
    approvedBy: uuid("approved_by").references(() => users.id, { onDelete: "set null" }),
    /**
     * The reviewer whose approval of this text was the organisation's second person when one of its
     * authors fastställde it (review-rules.ts); null when whoever fastställde was that person.
     */
    secondApproverId: uuid("second_approver_id").references(() => users.id, { onDelete: "set null" }),
    /**
     * Tables the system generates into the document (flows, tactic comparison, plan), frozen here when
     * the version is fastställd; null while they are computed afresh each time the document is shown.
     */
    generated: jsonb("generated"),
  },
  (t) => [uniqueIndex("deliverable_versions_key").on(t.deliverableId, t.version)],
);
