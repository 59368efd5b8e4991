import { z } from "zod";

export const RoundParams = z.object({ roundId: z.uuid({ error: "invalid_id" }) });
export const SubmissionParams = z.object({ roundId: z.uuid({ error: "invalid_id" }), submissionId: z.uuid({ error: "invalid_id" }) });

export const Round = z.object({
  id: z.string(),
  name: z.string(),
  deadline: z.string().meta({ description: "The last day to submit, YYYY-MM-DD (a day in Sweden)" }),
  remindDaysBefore: z.number(),
  remindDaysAfter: z.number(),
  open: z.boolean(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const RoundList = z.object({
  rounds: z.array(
    Round.extend({
      submitted: z
        .number()
        .nullable()
        .meta({ description: "How many initiatives have submitted; for the förvaltningsgrupp only (null for others)" }),
    }),
  ),
});

const Comparison = z
  .object({
    previousRoundName: z.string(),
    previousSubmittedAt: z.string(),
    digitalPerYear: z.array(
      z.object({ year: z.number(), previous: z.number().nullable(), now: z.number().nullable(), difference: z.number().nullable() }),
    ),
    productionDates: z.array(
      z.object({
        flowId: z.string(),
        name: z.string(),
        previous: z.string().nullable(),
        now: z.string().nullable(),
        differenceDays: z.number().nullable(),
      }),
    ),
  })
  .meta({
    description: "This report against the initiative's report to the round before: digital messages per year, planned production per flow",
  });

export const RoundDetail = Round.extend({
  counts: z.object({ organisations: z.number(), initiatives: z.number(), submitted: z.number(), missing: z.number() }),
  organisations: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      kind: z.string(),
      submitted: z.number(),
      missing: z.number(),
      initiatives: z.array(
        z.object({
          initiativeId: z.string(),
          name: z.string(),
          status: z.enum(["submitted", "missing"]),
          submission: z.object({ id: z.string(), submittedAt: z.string(), submittedByName: z.string(), comment: z.string() }).nullable(),
          comparison: Comparison.nullable(),
        }),
      ),
    }),
  ),
  permissions: z.object({ close: z.boolean() }),
}).meta({
  description:
    "A round with every organisation that has an initiative not completed, each initiative submitted or missing; a projektledare sees only her own organisations",
});

export const ReportSnapshot = z
  .object({
    schema: z.literal(1),
    initiative: z.object({ id: z.string(), name: z.string() }),
    organisation: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
    phase: z.object({ current: z.number(), completed: z.boolean() }),
    lastDecision: z.object({ numeral: z.string(), outcome: z.string(), decidedOn: z.string() }).nullable(),
    flows: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        recipientType: z.string(),
        annualVolume: z.number(),
        plannedTestDate: z.string().nullable(),
        plannedProductionDate: z.string().nullable(),
        status: z.string(),
        tactic: z.string().nullable(),
      }),
    ),
    forecast: z.object({
      from: z.string(),
      months: z.array(z.object({ month: z.string(), volume: z.number(), digital: z.number(), paper: z.number() })),
      digitalPerYear: z.array(z.object({ year: z.number(), digital: z.number() })),
    }),
    benefits: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        category: z.string().nullable(),
        beneficiary: z.string().nullable(),
        metric: z.string(),
        unit: z.string(),
        expected: z.number(),
        targetDate: z.string(),
        realised: z.number().nullable(),
        realisedOn: z.string().nullable(),
        realisation: z.string(),
      }),
    ),
  })
  .meta({
    description:
      "What was reported, frozen at submission: plan, 60 months' forecast from the round's month, benefits, phase, last decision",
  });

export const Submission = z.object({
  id: z.string(),
  roundId: z.string(),
  initiativeId: z.string(),
  organisationId: z.string(),
  comment: z.string(),
  submittedAt: z.string(),
  submittedByName: z.string(),
  snapshot: ReportSnapshot,
});

export const SubmissionWithRound = Submission.extend({ roundName: z.string(), deadline: z.string() });
