import { z } from "zod";

/** The generated tables of a document (src/domain/deliverables/generated-tables.ts). */
const GeneratedTablesSchema = z.object({
  computedAt: z.string(),
  parts: z.array(z.enum(["flows", "tactics", "plan", "volumes", "businessCase", "benefitPlan", "risks", "benefitEvaluation"])),
  flows: z.array(
    z.object({
      rank: z.int(),
      name: z.string(),
      recipientType: z.string(),
      annualVolume: z.int(),
      costPerLetterSek: z.number(),
      tactic: z.string().nullable(),
      status: z.string(),
      priorityScore: z.number(),
      plannedTestDate: z.string().nullable(),
      plannedProductionDate: z.string().nullable(),
    }),
  ),
  tactics: z.array(
    z.object({
      name: z.string(),
      tactic: z.string(),
      fiveYearCostSek: z.number(),
      leadTimeMonths: z.int().nullable(),
      flowNames: z.array(z.string()),
      digitalMessages: z.int(),
      costPerDigitalMessageSek: z.number().nullable(),
      recommended: z.boolean(),
      recommendationReason: z.string(),
    }),
  ),
  volumes: z.array(z.object({ year: z.int(), volume: z.int(), digital: z.int(), paper: z.int() })),
  businessCase: z
    .object({
      startYear: z.int(),
      horizonYears: z.int(),
      discountRate: z.number(),
      years: z.array(z.object({ year: z.int(), costs: z.number(), benefits: z.number(), computedBenefits: z.number(), net: z.number() })),
      scenarios: z.record(z.enum(["low", "expected", "high"]), z.object({ npv: z.number(), paybackYear: z.int().nullable() })),
      computedByFlow: z.array(z.object({ name: z.string(), costPerLetterSek: z.number(), digital: z.number(), amount: z.number() })),
      sensitivity: z.array(
        z.object({
          input: z.union([
            z.object({ kind: z.enum(["cost", "benefit"]), category: z.string() }),
            z.object({ kind: z.literal("flow"), name: z.string() }),
            z.object({ kind: z.literal("discountRate") }),
          ]),
          npvDown: z.number(),
          npvUp: z.number(),
          swing: z.number(),
        }),
      ),
    })
    .optional(),
  benefits: z
    .array(
      z.object({
        name: z.string(),
        metric: z.string(),
        unit: z.string(),
        owner: z.string(),
        howRealised: z.string(),
        baselineValue: z.number(),
        baselineDate: z.string(),
        targetValue: z.number(),
        targetDate: z.string(),
        frequencyMonths: z.int().nullable(),
        measuredBy: z.string(),
        actual: z.number().nullable(),
        actualDate: z.string().nullable(),
        gap: z.number().nullable(),
        gapShare: z.number().nullable(),
        realisation: z.string(),
        gapCause: z.string(),
        proposedActions: z.string(),
        responsibleUnit: z.string(),
      }),
    )
    .optional(),
  risks: z
    .array(
      z.object({
        title: z.string(),
        category: z.string(),
        probability: z.int(),
        consequence: z.int(),
        score: z.int(),
        level: z.string(),
        owner: z.string(),
        mitigation: z.string(),
        status: z.string(),
        reviewDate: z.string().nullable(),
      }),
    )
    .optional(),
  reservePlans: z
    .array(
      z.object({
        flowName: z.string().nullable(),
        outage: z.string(),
        duration: z.string(),
        fallbackAfterHours: z.int().nullable(),
        fallback: z.string(),
        decidedBy: z.string(),
      }),
    )
    .optional(),
});

export const DeliverableParams = z.object({ deliverableId: z.uuid({ error: "invalid_id" }) });
/** Optimistic concurrency for changes to a deliverable: the ETag the caller read (RFC 9110 If-Match). */
export const IfMatchHeaders = z.object({
  "if-match": z
    .string()
    .max(1000, { error: "too_long" })
    .optional()
    .meta({ description: "The ETag of the deliverable as read (from GET); when it is no longer current: 409 EDIT_CONFLICT" }),
});

const Localised = z.object({ sv: z.string(), en: z.string() });

/** A person on a document version; name null for an account removed since. */
const Person = z.object({ id: z.string(), name: z.string().nullable() });

export const Deliverable = z.object({
  id: z.string(),
  initiativeId: z.string(),
  organisationId: z.string(),
  typeId: z.string(),
  title: z.string(),
  ownerId: z.string().nullable(),
  createdAt: z.string(),
  etag: z
    .string()
    .nullable()
    .meta({ description: "The latest version's entity tag, also sent as the ETag header: send it back as If-Match or baseEtag" }),
  template: z.array(
    z.object({
      id: z.string(),
      heading: Localised,
      guidance: Localised,
      required: z.boolean().meta({ description: "Must be written before a version is fastställd" }),
    }),
  ),
  versions: z.array(
    z.object({
      version: z.number(),
      status: z.enum(["utkast", "for_granskning", "faststalld"]),
      sections: z.record(z.string(), z.string()),
      contentHash: z.string(),
      createdAt: z.string(),
      updatedAt: z.string().meta({ description: "When the text was last written; a status change leaves it as it was" }),
      approvedAt: z.string().nullable(),
      createdBy: Person.nullable(),
      lastEditedBy: Person.nullable().meta({ description: "Who last wrote the text; with createdBy, the version's authors" }),
      approvedBy: Person.nullable().meta({ description: "Who fastställde the version" }),
      secondApprover: Person.nullable().meta({
        description: "The reviewer whose approval of this text was the organisation's second person when one of its authors fastställde it",
      }),
      generated: GeneratedTablesSchema.nullable().meta({
        description: "The tables Ansluta wrote into the version when it was fastställd (flows, tactics, plan, volumes); null otherwise",
      }),
    }),
  ),
  currentGenerated: GeneratedTablesSchema.nullable().meta({
    description: "The tables as the initiative's data say now, shown in versions not yet fastställda; null for a type without tables",
  }),
  reviews: z
    .array(
      z.object({
        id: z.string(),
        version: z.int(),
        requestedBy: Person.nullable(),
        requestedAt: z.string(),
        reviewers: z.array(
          z.object({
            reviewer: Person.nullable(),
            verdict: z.enum(["approved", "changes_requested"]).nullable().meta({ description: "Null until the reviewer answers" }),
            note: z.string().nullable(),
            decidedAt: z.string().nullable(),
            onCurrentText: z.boolean().meta({
              description:
                "The answer was given on the latest version's text as it is now; an approval counts as the second person only then",
            }),
          }),
        ),
      }),
    )
    .meta({ description: "Every request for review, oldest first, with each named reviewer's answer" }),
  permissions: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean().meta({ description: "The caller may fastställa the latest version now" }),
    requestReview: z.boolean().meta({ description: "The caller may ask named members to review the latest version" }),
    comment: z.boolean().meta({ description: "The caller may comment (the team, and the reviewers asked)" }),
    answerReviews: z.array(z.string()).meta({ description: "Reviews of the latest version that wait for the caller's verdict" }),
  }),
  approvalBlockers: z
    .object({
      missingSections: z.array(z.string()).meta({ description: "Required sections of the latest version that are still empty" }),
      secondPersonRequired: z
        .boolean()
        .meta({ description: "The caller wrote the latest version and the organisation requires a second person to fastställa" }),
    })
    .nullable()
    .meta({ description: "What keeps the caller from fastställa the latest version; null where role or status do not allow it anyway" }),
});

const versionNumber = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).positive({ error: "invalid" });

export const DiffQuery = z.object({
  from: versionNumber.meta({ description: "The earlier version's number (any version; from may also be the later one)" }),
  to: versionNumber.meta({ description: "The version compared with it" }),
});

export const VersionDiff = z.object({
  sections: z
    .array(
      z.object({
        sectionId: z.string(),
        changed: z.boolean(),
        parts: z.array(z.object({ op: z.enum(["equal", "insert", "delete"]), text: z.string() })).meta({
          description:
            "Word-level runs in order: equal and delete give the from version's text, equal and insert the to version's. A section rewritten beyond some 1,000 words and spaces shows as one delete and one insert",
        }),
      }),
    )
    .meta({ description: "Every section of the template, in its order; a section missing from a version counts as empty" }),
});
