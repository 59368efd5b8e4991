import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { messageFlows } from "./flows.ts";
import { users } from "./identity.ts";
import { initiatives } from "./initiatives.ts";

/**
 * Issue 12. The business case of an initiative: one row, replaced whole by each PUT (its cost and
 * benefit lines are a list the team edits as one table), with the effektkedja beside it. Computed
 * benefits are never stored: they follow the forecast.
 */
export const businessCases = pgTable(
  "business_cases",
  {
    initiativeId: uuid("initiative_id")
      .primaryKey()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    startYear: integer("start_year").notNull(),
    horizonYears: smallint("horizon_years").notNull(),
    discountRate: numeric("discount_rate", { precision: 6, scale: 5, mode: "number" }).notNull(),
    /** [{ category, year, low, expected, high, note }] as business-case-input.ts parses them. */
    costs: jsonb("costs").notNull().default([]),
    /** [{ category, beneficiary, year, low, expected, high, note }]. */
    benefits: jsonb("benefits").notNull().default([]),
    /** { nodes: [{ id, kind, label }], links: [{ from, to }] }: effect goals ← benefits ← changes ← enablers. */
    effectChain: jsonb("effect_chain").notNull().default({ nodes: [], links: [] }),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check("business_cases_horizon_check", sql`${t.horizonYears} between 1 and 15`),
    check("business_cases_rate_check", sql`${t.discountRate} between 0 and 0.2`),
    check("business_cases_years_check", sql`${t.startYear} between 2000 and 2100`),
  ],
);

/** A benefit of the nyttorealiseringsplan: the seven questions of VNR (domain.md §1.3) as fields. */
export const benefits = pgTable(
  "benefits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    category: text("category"),
    beneficiary: text("beneficiary"),
    metric: text("metric").notNull(),
    unit: text("unit").notNull(),
    baselineValue: numeric("baseline_value", { precision: 20, scale: 4, mode: "number" }).notNull(),
    baselineDate: date("baseline_date", { mode: "string" }).notNull(),
    targetValue: numeric("target_value", { precision: 20, scale: 4, mode: "number" }).notNull(),
    targetDate: date("target_date", { mode: "string" }).notNull(),
    /** The nyttoägare: a member (ownerUserId) or a name typed for someone outside. */
    owner: text("owner").notNull().default(""),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    howRealised: text("how_realised").notNull().default(""),
    /** Months between measurements; null when not planned. */
    frequencyMonths: smallint("frequency_months"),
    measuredBy: text("measured_by").notNull().default(""),
    measuredByUserId: uuid("measured_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** A volume-driven benefit derives its measurements from these flows' actual digital messages. */
    derivedFromFlowIds: jsonb("derived_from_flow_ids").$type<string[]>().notNull().default([]),
    /** Milestone VIII's analysis of the gap, entered. */
    gapCause: text("gap_cause").notNull().default(""),
    proposedActions: text("proposed_actions").notNull().default(""),
    responsibleUnit: text("responsible_unit").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check("benefits_category_check", sql`${t.category} is null or ${t.category} in ('finansiell', 'omfordelad_tid', 'kvalitet', 'miljo')`),
    check(
      "benefits_beneficiary_check",
      sql`${t.beneficiary} is null or ${t.beneficiary} in ('organisation', 'privatpersoner', 'foretag', 'samhallet')`,
    ),
    check("benefits_frequency_check", sql`${t.frequencyMonths} is null or ${t.frequencyMonths} between 1 and 60`),
    index("benefits_initiative_idx").on(t.initiativeId),
  ],
);

/** A measurement of a benefit's metric: entered, imported, or derived from the flows' actuals. */
export const benefitMeasurements = pgTable(
  "benefit_measurements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    benefitId: uuid("benefit_id")
      .notNull()
      .references(() => benefits.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    value: numeric("value", { precision: 20, scale: 4, mode: "number" }).notNull(),
    note: text("note").notNull().default(""),
    source: text("source", { enum: ["manual", "import", "actuals"] })
      .notNull()
      .default("manual"),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check("benefit_measurements_source_check", sql`${t.source} in ('manual', 'import', 'actuals')`),
    index("benefit_measurements_benefit_idx").on(t.benefitId, t.date),
  ],
);

/** The risk register of the risk and vulnerability analysis. */
export const risks = pgTable(
  "risks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    category: text("category").notNull(),
    probability: smallint("probability").notNull(),
    consequence: smallint("consequence").notNull(),
    owner: text("owner").notNull().default(""),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    mitigation: text("mitigation").notNull().default(""),
    status: text("status").notNull().default("identifierad"),
    reviewDate: date("review_date", { mode: "string" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check(
      "risks_category_check",
      sql`${t.category} in ('verksamhet', 'teknik', 'juridik', 'informationssakerhet', 'leverantor', 'tidplan')`,
    ),
    check("risks_scale_check", sql`${t.probability} between 1 and 5 and ${t.consequence} between 1 and 5`),
    check("risks_status_check", sql`${t.status} in ('identifierad', 'hanteras', 'accepterad', 'stangd')`),
    index("risks_initiative_idx").on(t.initiativeId),
  ],
);

/**
 * A reserve-operation plan (reservdrift): what happens to a flow (or all flows, flow_id null) when Mina
 * meddelanden or the organisation's own integration is out for a short or a long time.
 */
export const reservePlans = pgTable(
  "reserve_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id").references(() => messageFlows.id, { onDelete: "cascade" }),
    outage: text("outage").notNull(),
    duration: text("duration").notNull(),
    /** Hours of outage after which the fallback starts. */
    fallbackAfterHours: integer("fallback_after_hours"),
    fallback: text("fallback").notNull(),
    decidedBy: text("decided_by").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    check("reserve_plans_outage_check", sql`${t.outage} in ('mina_meddelanden', 'egen_integration')`),
    check("reserve_plans_duration_check", sql`${t.duration} in ('kort', 'lang')`),
    check("reserve_plans_after_check", sql`${t.fallbackAfterHours} is null or ${t.fallbackAfterHours} between 0 and 8760`),
    index("reserve_plans_initiative_idx").on(t.initiativeId),
  ],
);
