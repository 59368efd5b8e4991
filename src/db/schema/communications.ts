import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { initiatives } from "./initiatives.ts";
import { milestoneDecisions } from "./milestones.ts";
import { organisations } from "./organisations.ts";

/** What the method says must be told after a decision, to whom; the förvaltningsgrupp reads its own in its inbox. */
export const communications = pgTable(
  "communications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => milestoneDecisions.id),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    audience: text("audience").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    items: jsonb("items").notNull(),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
    readBy: uuid("read_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("communications_audience_idx").on(t.audience, t.createdAt), index("communications_initiative_idx").on(t.initiativeId)],
);
