import { z } from "zod";
import { ORGANISATION_KINDS } from "../../../domain/access/roles.ts";
import { BENEFICIARIES, BENEFIT_CATEGORIES } from "../../../domain/business-case/business-case-input.ts";
import { forecastPeriod } from "../../../domain/forecast/forecast-input.ts";
import { RECIPIENT_TYPES } from "../../../domain/forecast/reach-curve.ts";
import { PORTFOLIO_FLAGS } from "../../../domain/portfolio/portfolio-rows.ts";

export { PortfolioQuery } from "../../../domain/portfolio/portfolio-query.ts";

const day = z.string().nullable().meta({ description: "YYYY-MM-DD, or null" });

export const PortfolioInitiative = z.object({
  initiativeId: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  organisationNumber: z.string(),
  organisationKind: z.enum(ORGANISATION_KINDS),
  county: z.string().nullable().meta({ description: "The organisation's county (län) by its letter code, e.g. AB; null if not stated" }),
  name: z.string(),
  currentPhase: z.int().min(1).max(8),
  completed: z.boolean(),
  lastDecision: z
    .object({ numeral: z.string(), outcome: z.string(), decidedOn: z.string() })
    .nullable()
    .meta({ description: "The decision taken last (latest decision day), or null before milestone I" }),
  plannedTestDate: day.meta({ description: "The earliest planned test day of its flows in use" }),
  plannedProductionDate: day.meta({
    description: "The earliest planned production day of its flows in use, else the initiative's planned go-live",
  }),
  tactics: z.array(z.string()).meta({ description: "The connection tactics its flows use" }),
  digitalNext12Months: z.int().meta({ description: "Digital messages in the 12 months from this month, from its forecast" }),
  flags: z.array(z.enum(PORTFOLIO_FLAGS)),
  publishable: z.boolean().meta({ description: "Whether its organisation lets the open-data export list it" }),
  inProduction: z.boolean().meta({ description: "A flow of it is in production" }),
});

export const PortfolioBody = z.object({
  initiatives: z.array(PortfolioInitiative),
  total: z.int().meta({ description: "Initiatives matching the filters" }),
  page: z.int(),
  pageSize: z.int(),
  pages: z.int(),
});

export const PortfolioForecastQuery = forecastPeriod.partial();

const month = z.object({
  month: z.string(),
  volume: z.int().meta({ description: "Messages that month, all initiatives" }),
  digital: z.int().meta({ description: "Of those, digital: the sum of the initiatives' forecasts" }),
  paper: z.int(),
});

export const PortfolioForecastBody = z.object({
  from: z.string(),
  months: z.array(month),
  byKind: z.partialRecord(z.enum(ORGANISATION_KINDS), z.array(month)).meta({ description: "The same months per organisation kind" }),
  byRecipientType: z.partialRecord(z.enum(RECIPIENT_TYPES), z.array(month)).meta({ description: "The same months per recipient type" }),
});

const Spread = z.object({
  count: z.int(),
  median: z.number().nullable().meta({ description: "Days; null when count is 0" }),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
});

export const ProcessMetricsBody = z.object({
  phases: z.array(
    z.object({
      phase: z.int().min(1).max(8),
      milestone: z.string().meta({ description: "The milestone that ends the phase" }),
      completed: Spread.meta({ description: "Days from the phase's start to the decision passing its milestone" }),
      inProgress: Spread.meta({ description: "Days so far for initiatives in the phase now" }),
    }),
  ),
});

const Realisations = z.object({
  realiserad: z.int().meta({ description: "Benefits whose latest measurement reached the target" }),
  delvis: z.int().meta({ description: "Part of the way from the baseline to the target" }),
  ej_realiserad: z.int().meta({ description: "Measured, but not moved towards the target" }),
  ej_matt: z.int().meta({ description: "Not measured yet" }),
});

const BenefitGroup = z.object({
  benefits: z.int().meta({ description: "Benefits of the initiatives' nyttorealiseringsplaner" }),
  realisation: Realisations.meta({ description: "The benefits by how far they got, as each benefit's own evaluation says" }),
  notSummed: z.int().meta({ description: "Benefits whose unit is a share (%), counted but never summed" }),
  units: z
    .array(
      z.object({
        unit: z
          .string()
          .meta({ description: "kr (SEK, tkr and mkr converted) with any suffix such as /år, or the unit as written in lower case" }),
        money: z.boolean(),
        benefits: z.int(),
        expected: z.number().meta({ description: "The sum of the benefits' targets" }),
        measured: z.int().meta({ description: "Benefits with a measurement" }),
        expectedOfMeasured: z.number().meta({ description: "The sum of the measured benefits' targets" }),
        realised: z.number().meta({ description: "The sum of the measured benefits' latest measurements" }),
        gap: z.number().meta({ description: "realised − expectedOfMeasured: the sum of their gaps" }),
      }),
    )
    .meta({ description: "Sums per unit: values are added only within one unit" }),
  businessCaseExpectedSek: z.number().meta({
    description:
      "The sum of the business cases' expected estimates of typed benefit lines over each horizon, SEK (benefits computed from the forecast not included)",
  }),
  initiatives: z.int().meta({ description: "Initiatives with a benefit or a business-case benefit line here" }),
  organisations: z.int().meta({ description: "Their organisations" }),
});

export const NationalBenefitsBody = z.object({
  byCategory: z.array(
    BenefitGroup.extend({
      category: z
        .enum(BENEFIT_CATEGORIES)
        .nullable()
        .meta({ description: "Every category in order, then null for benefits without one (if any)" }),
    }),
  ),
  byBeneficiary: z.array(
    BenefitGroup.extend({
      beneficiary: z
        .enum(BENEFICIARIES)
        .nullable()
        .meta({ description: "Every beneficiary in order, then null for benefits without one (if any)" }),
    }),
  ),
  total: BenefitGroup,
});

export const PortfolioVolumePlanQuery = forecastPeriod.partial();

const counts = z.object({ volume: z.int(), digital: z.int(), paper: z.int() });

const planMonth = z.object({
  month: z.string(),
  current: counts.meta({ description: "The sum of the initiatives' current forecasts (as GET /api/v1/portfolio/forecast)" }),
  baseline: counts.meta({ description: "The sum of each initiative's latest baseline (frozen at a decision on milestone II–V)" }),
  reforecast: counts.meta({
    description:
      "The sum of each initiative's latest estimate: its newest frozen version, i.e. its latest re-forecast, or its latest baseline when it has no re-forecast or froze a baseline after it",
  }),
  actual: counts
    .nullable()
    .meta({ description: "The sum of the initiatives' actuals as recorded (volume = digital + paper); null for a month not yet begun" }),
});

export const PortfolioVolumePlanBody = z.object({
  from: z.string(),
  months: z.array(planMonth),
  byKind: z.partialRecord(z.enum(ORGANISATION_KINDS), z.array(planMonth)).meta({ description: "The same months per organisation kind" }),
  byRecipientType: z.partialRecord(z.enum(RECIPIENT_TYPES), z.array(planMonth)).meta({
    description: "The same months per recipient type: a frozen figure by its flow's type as frozen, an actual by its flow's type now",
  }),
  initiatives: z
    .object({
      withBaseline: z.int(),
      withReforecast: z.int().meta({ description: "Initiatives with any frozen version, which the reforecast series adds up" }),
      estimateIsBaseline: z.int().meta({ description: "Of those, the ones whose newest version is a baseline" }),
      withActuals: z.int().meta({ description: "Initiatives with actuals in the period" }),
    })
    .meta({ description: "How many initiatives each series adds up" }),
});
