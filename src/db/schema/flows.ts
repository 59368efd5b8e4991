import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { initiatives } from "./initiatives.ts";

/**
 * A meddelandeflöde the initiative will connect (issue 11): a recurring kind of outgoing letter from
 * one business process, with the figures the forecast and the connection plan are built on. The
 * checks repeat the API's rules so that no other writer stores a flow the forecast cannot use.
 */
export const messageFlows = pgTable(
  "message_flows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    businessProcess: text("business_process").notNull().default(""),
    sourceSystem: text("source_system").notNull().default(""),
    recipientType: text("recipient_type").notNull(),
    annualVolume: integer("annual_volume").notNull(),
    /** Twelve monthly shares, January first, summing to 1. */
    seasonality: jsonb("seasonality")
      .$type<number[]>()
      .notNull()
      .default(
        sql`'[0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333,0.08333333333333333]'::jsonb`,
      ),
    currentChannel: text("current_channel").notNull().default(""),
    costPerLetterSek: numeric("cost_per_letter_sek", { precision: 10, scale: 2, mode: "number" }).notNull().default(15),
    /** A value of the installation's information-security scale; null until the flow is classified. */
    informationSecurityClass: text("information_security_class"),
    legalConstraints: text("legal_constraints").notNull().default(""),
    needsReplies: boolean("needs_replies").notNull().default(false),
    needsReceipts: boolean("needs_receipts").notNull().default(false),
    tactic: text("tactic"),
    plannedTestDate: date("planned_test_date", { mode: "string" }),
    plannedProductionDate: date("planned_production_date", { mode: "string" }),
    status: text("status").notNull().default("identifierad"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check("message_flows_recipient_type_check", sql`${t.recipientType} in ('privatperson', 'foretag', 'blandat')`),
    check("message_flows_annual_volume_check", sql`${t.annualVolume} between 0 and 1000000000`),
    check("message_flows_seasonality_check", sql`jsonb_typeof(${t.seasonality}) = 'array' and jsonb_array_length(${t.seasonality}) = 12`),
    check("message_flows_cost_check", sql`${t.costPerLetterSek} >= 0`),
    check(
      "message_flows_tactic_check",
      sql`${t.tactic} is null or ${t.tactic} in ('egen_integration', 'formedlare', 'extern_part', 'verksamhetssystem')`,
    ),
    check("message_flows_status_check", sql`${t.status} in ('identifierad', 'prioriterad', 'i_test', 'i_produktion', 'avvecklad')`),
    check(
      "message_flows_dates_check",
      sql`${t.plannedTestDate} is null or ${t.plannedProductionDate} is null or ${t.plannedTestDate} <= ${t.plannedProductionDate}`,
    ),
    index("message_flows_initiative_idx").on(t.initiativeId),
  ],
);
