import { z } from "zod";

export const InitiativeParams = z.object({ initiativeId: z.uuid({ error: "invalid_id" }) });
export const ActivityParams = InitiativeParams.extend({ activityId: z.string().min(1).max(100) });
export const MilestoneParams = InitiativeParams.extend({ numeral: z.string().min(1).max(10) });
export const DecisionPointParams = MilestoneParams.extend({ decisionPointId: z.string().min(1).max(100) });
export const DeliverableParams = z.object({ deliverableId: z.uuid({ error: "invalid_id" }) });
/** Optimistic concurrency for changes to a deliverable: the ETag the caller read (RFC 9110 If-Match). */
export const IfMatchHeaders = z.object({
  "if-match": z
    .string()
    .max(1000, { error: "too_long" })
    .optional()
    .meta({ description: "The ETag of the deliverable as read (from GET); when it is no longer current: 409 EDIT_CONFLICT" }),
});
export const CommunicationParams = z.object({ communicationId: z.uuid({ error: "invalid_id" }) });
export const InitiativeListQuery = z.object({ organisationId: z.uuid({ error: "invalid_id" }).optional() });
export const CommunicationsQuery = z.object({
  organisationId: z.uuid({ error: "invalid_id" }).optional(),
  unread: z.enum(["true", "false"]).optional(),
});

const Localised = z.object({ sv: z.string(), en: z.string() });

const Decision = z.object({
  id: z.string(),
  numeral: z.string(),
  outcome: z.enum(["go", "go_with_conditions", "rework", "stop"]),
  decisionPoints: z.array(z.object({ id: z.string(), answer: z.string(), motivation: z.string() })),
  conditions: z.array(z.object({ text: z.string(), owner: z.string(), dueDate: z.string() })),
  decidedBy: z.object({ id: z.string(), name: z.string() }),
  decidedOn: z.string(),
  minutes: z.string(),
  diarienummer: z.string().nullable(),
  incompleteBasisReason: z.string().nullable(),
  reported: z.object({ timeline: z.string().nullable(), messageVolumePerYear: z.number().nullable(), volumeNote: z.string().nullable() }),
  basisSnapshot: z.unknown(),
  basisHash: z.string(),
  decisionHash: z.string().nullable().meta({
    description:
      "SHA-256 (RFC 8785 canonical JSON) of the decision itself: outcome, decision points, conditions, deciders, date, minutes, diarienummer, reasons, reported figures, basisHash, supersedesId; null for decisions recorded before it existed",
  }),
  supersedesId: z.string().nullable(),
  createdAt: z.string(),
});

export const InitiativeSummary = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  targetGroup: z.string(),
  plannedGoLive: z.string().nullable(),
  createdAt: z.string(),
});

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
    permissions: z.object({ work: z.boolean(), manage: z.boolean(), decide: z.array(z.string()) }),
  })
  .meta({ description: "An initiative as a task list over the method" });

export const Readiness = z.object({
  ready: z.boolean(),
  missing: z.array(
    z.object({
      kind: z.enum(["previous_milestone_not_passed", "deliverable_missing", "deliverable_not_approved", "decision_point_unprepared"]),
      numeral: z.string().optional(),
      deliverableTypeId: z.string().optional(),
      deliverableId: z.string().optional(),
      status: z.string().optional(),
      decisionPointId: z.string().optional(),
    }),
  ),
  basis: z.array(
    z.object({
      deliverableTypeId: z.string(),
      required: z.boolean(),
      deliverables: z.array(
        z.object({ id: z.string(), title: z.string(), status: z.string(), approved: z.boolean(), version: z.number() }),
      ),
    }),
  ),
  decisionPoints: z.array(z.object({ id: z.string(), prepared: z.boolean() })),
  preparations: z.array(
    z.object({ decisionPointId: z.string(), proposal: z.string(), preparedAt: z.string(), preparedByName: z.string().nullable() }),
  ),
});

export const DecisionWithCommunications = Decision.extend({
  communications: z.array(z.object({ id: z.string(), audience: z.string(), subject: z.string() })),
});

export const DecisionHistory = z.object({
  decisions: z.array(
    Decision.extend({
      current: z.boolean(),
      basisChangedAfterDecision: z.boolean(),
      decisionMatchesHash: z
        .boolean()
        .nullable()
        .meta({ description: "Whether the stored decision still matches its decisionHash; null when it has none" }),
      communications: z.array(z.object({ id: z.string(), audience: z.string(), subject: z.string(), readAt: z.string().nullable() })),
    }),
  ),
});

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
      updatedAt: z.string(),
      approvedAt: z.string().nullable(),
      createdBy: Person.nullable(),
      lastEditedBy: Person.nullable().meta({ description: "Who last wrote the text; with createdBy, the version's authors" }),
      approvedBy: Person.nullable().meta({ description: "Who fastställde the version" }),
    }),
  ),
  permissions: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean().meta({ description: "The caller may fastställa the latest version now" }),
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

export const Communication = z.object({
  id: z.string(),
  decisionId: z.string(),
  initiativeId: z.string(),
  initiativeName: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  audience: z.string(),
  subject: z.string(),
  body: z.string(),
  items: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  createdAt: z.string(),
  status: z.enum(["sent", "read"]),
  readAt: z.string().nullable(),
});
