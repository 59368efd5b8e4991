import { z } from "zod";
import { Decision } from "../milestones/milestones.schema.ts";

export const InitiativeParams = z.object({ initiativeId: z.uuid({ error: "invalid_id" }) });
export const ActivityParams = InitiativeParams.extend({ activityId: z.string().min(1).max(100) });
export const InitiativeListQuery = z.object({ organisationId: z.uuid({ error: "invalid_id" }).optional() });

/** domain/initiatives/initiative-status.ts: the read model computed in SQL for one initiative or many. */
export const InitiativeStatus = z.object({
  initiativeId: z.string(),
  organisationId: z.string(),
  currentPhase: z.number(),
  completed: z.boolean(),
  milestones: z.array(
    z.object({ numeral: z.string(), status: z.string(), decisionId: z.string().nullable(), decidedOn: z.string().nullable() }),
  ),
  nextMilestone: z.string().nullable(),
  readiness: z
    .object({
      requiredBasis: z.number(),
      approvedBasis: z.number(),
      decisionPoints: z.number(),
      preparedDecisionPoints: z.number(),
      ready: z.boolean(),
    })
    .nullable(),
  flags: z.object({
    startedAheadOfDecision: z.boolean(),
    decidedOnIncompleteBasis: z.boolean(),
    basisChangedAfterDecision: z.boolean(),
    conditionOverdue: z.boolean(),
    decisionOverdue: z.boolean().meta({ description: "The next undecided milestone's planned decision day has passed" }),
  }),
  phasesStartedAhead: z.array(z.number()),
  incompleteBasisMilestones: z.array(z.string()),
  basisChangedMilestones: z.array(z.string()),
  overdueConditionMilestones: z.array(z.string()),
  overdueConditionCounts: z.record(z.string(), z.number()),
  plannedDecisions: z.array(z.object({ numeral: z.string(), plannedOn: z.string() })),
  overdueDecision: z.object({ numeral: z.string(), plannedOn: z.string() }).nullable(),
});

export const InitiativeSummary = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  targetGroup: z.string(),
  plannedGoLive: z.string().nullable(),
  createdAt: z.string(),
  status: InitiativeStatus.nullable(),
});

export const InitiativeList = z.object({ initiatives: z.array(InitiativeSummary) });

export const Initiative = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    name: z.string(),
    description: z.string(),
    targetGroup: z.string(),
    plannedGoLive: z.string().nullable(),
    projectManagerId: z.string().nullable(),
    steeringGroup: z.array(z.string()),
    methodVersion: z.string(),
    createdAt: z.string(),
    currentPhase: z.number(),
    completed: z.boolean(),
    status: InitiativeStatus,
    phases: z.array(
      z.object({
        number: z.number(),
        activities: z.array(z.object({ id: z.string(), status: z.string(), motivation: z.string().nullable() })),
        results: z.array(
          z.object({
            deliverableTypeId: z.string(),
            deliverables: z.array(
              z.object({ id: z.string(), title: z.string(), version: z.number(), status: z.string(), approved: z.boolean() }),
            ),
          }),
        ),
        startedAheadOfDecision: z.boolean(),
      }),
    ),
    milestones: z.array(
      z.object({
        numeral: z.string(),
        status: z.string(),
        decision: Decision.nullable(),
        decisionCount: z.number(),
        basisChangedAfterDecision: z.boolean(),
      }),
    ),
    publishable: z.boolean().meta({ description: "Listed in the public open-data export (GET /api/v1/open-data/connections.json)" }),
    permissions: z.object({
      work: z.boolean(),
      manage: z.boolean(),
      publish: z.boolean().meta({ description: "The caller may mark it publishable or not (PUT …/open-data)" }),
      decide: z.array(z.string()),
    }),
  })
  .meta({ description: "An initiative as a task list over the method" });
