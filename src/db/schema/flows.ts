import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { initiatives } from "./initiatives.ts";
import { milestoneDecisions } from "./milestones.ts";

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
    /**
     * Prioritisation (method §4.1: volume, how much the business process must change, improved service
     * to recipients). Volume comes from annualVolume; the other two are the team's judgement on 1–5,
     * null until judged. processChange 1 = hardly any change … 5 = the process must be redone.
     */
    processChange: smallint("process_change"),
    serviceImprovement: smallint("service_improvement"),
    /** The team's own score (0–100) replacing the computed one, always with a written motivation. */
    priorityOverride: numeric("priority_override", { precision: 5, scale: 2, mode: "number" }),
    priorityMotivation: text("priority_motivation").notNull().default(""),
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
    check("message_flows_process_change_check", sql`${t.processChange} is null or ${t.processChange} between 1 and 5`),
    check("message_flows_service_improvement_check", sql`${t.serviceImprovement} is null or ${t.serviceImprovement} between 1 and 5`),
    check(
      "message_flows_priority_override_check",
      sql`${t.priorityOverride} is null or (${t.priorityOverride} between 0 and 100 and ${t.priorityMotivation} <> '')`,
    ),
    index("message_flows_initiative_idx").on(t.initiativeId),
  ],
);

/**
 * What the initiative sets for all its flows at once: reach-curve overrides (per recipient type, a
 * share per calendar year, reach-curve.ts) and the prioritisation's weights. No row means the defaults.
 */
export const flowPlanSettings = pgTable(
  "flow_plan_settings",
  {
    initiativeId: uuid("initiative_id")
      .primaryKey()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    reachOverrides: jsonb("reach_overrides").$type<Record<string, Record<string, number>>>().notNull().default({}),
    /** Weights of volume, process change and service improvement, each 0–100. */
    priorityWeights: jsonb("priority_weights")
      .$type<{ volume: number; processChange: number; serviceImprovement: number }>()
      .notNull()
      .default({ volume: 50, processChange: 25, serviceImprovement: 25 }),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [check("flow_plan_settings_reach_check", sql`jsonb_typeof(${t.reachOverrides}) = 'object'`)],
);

/**
 * A connection-tactic alternative the initiative compares (method §4.2, phase 2): one of the four
 * tactics, or "inget" — doing nothing, the comparison's baseline — with its cost, lead time, risks and
 * the flows it would serve. At most one is recommended, and only with the reason why.
 */
export const tacticAlternatives = pgTable(
  "tactic_alternatives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    tactic: text("tactic").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    oneOffCostSek: numeric("one_off_cost_sek", { precision: 14, scale: 2, mode: "number" }).notNull().default(0),
    annualCostSek: numeric("annual_cost_sek", { precision: 14, scale: 2, mode: "number" }).notNull().default(0),
    leadTimeMonths: integer("lead_time_months"),
    risks: text("risks").notNull().default(""),
    recommended: boolean("recommended").notNull().default(false),
    recommendationReason: text("recommendation_reason").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check(
      "tactic_alternatives_tactic_check",
      sql`${t.tactic} in ('egen_integration', 'formedlare', 'extern_part', 'verksamhetssystem', 'inget')`,
    ),
    check("tactic_alternatives_cost_check", sql`${t.oneOffCostSek} >= 0 and ${t.annualCostSek} >= 0`),
    check("tactic_alternatives_lead_time_check", sql`${t.leadTimeMonths} is null or ${t.leadTimeMonths} between 0 and 240`),
    check("tactic_alternatives_recommended_check", sql`not ${t.recommended} or ${t.recommendationReason} <> ''`),
    index("tactic_alternatives_initiative_idx").on(t.initiativeId),
    uniqueIndex("tactic_alternatives_one_recommended").on(t.initiativeId).where(sql`${t.recommended}`),
  ],
);

/** Which flows an alternative would serve. */
export const tacticAlternativeFlows = pgTable(
  "tactic_alternative_flows",
  {
    alternativeId: uuid("alternative_id")
      .notNull()
      .references(() => tacticAlternatives.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => messageFlows.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.alternativeId, t.flowId] }), index("tactic_alternative_flows_flow_idx").on(t.flowId)],
);

/**
 * A frozen forecast with the plan it was computed from: a baseline, frozen by a decision on milestone
 * II–V in the decision's own transaction, or a re-forecast the team saved with a reason. Never changed
 * afterwards (a trigger refuses updates); gone only with its initiative.
 */
export const forecastVersions = pgTable(
  "forecast_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["baseline", "reforecast"] }).notNull(),
    milestone: text("milestone"),
    decisionId: uuid("decision_id").references(() => milestoneDecisions.id),
    reason: text("reason"),
    createdAt: createdAt(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** The name as it was, so the version reads on its own however accounts change. */
    createdByName: text("created_by_name").notNull(),
    /** The forecast in the API's shape ({ from, months, flows }). */
    forecast: jsonb("forecast").notNull(),
    /** The flows as they were (names, recipient types, volumes, dates, tactic, priority): the plan. */
    plan: jsonb("plan").notNull(),
    /** The reach overrides the forecast was computed with. */
    reach: jsonb("reach").notNull().default({}),
  },
  (t) => [
    check(
      "forecast_versions_kind_check",
      sql`(${t.kind} = 'baseline' and ${t.decisionId} is not null and ${t.milestone} in ('II', 'III', 'IV', 'V'))
        or (${t.kind} = 'reforecast' and ${t.decisionId} is null and ${t.milestone} is null and coalesce(${t.reason}, '') <> '')`,
    ),
    index("forecast_versions_initiative_idx").on(t.initiativeId, t.createdAt),
    uniqueIndex("forecast_versions_decision_key").on(t.decisionId),
  ],
);

/** What a flow actually sent in a calendar month, digital and on paper, entered or imported by the team. */
export const flowActuals = pgTable(
  "flow_actuals",
  {
    flowId: uuid("flow_id")
      .notNull()
      .references(() => messageFlows.id, { onDelete: "cascade" }),
    /** "YYYY-MM". */
    month: text("month").notNull(),
    digital: integer("digital").notNull(),
    paper: integer("paper").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.flowId, t.month] }),
    check("flow_actuals_month_check", sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check("flow_actuals_counts_check", sql`${t.digital} between 0 and 1000000000 and ${t.paper} between 0 and 1000000000`),
  ],
);
