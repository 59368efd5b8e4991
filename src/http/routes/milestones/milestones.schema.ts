import { z } from "zod";

export const MilestoneParams = z.object({ initiativeId: z.uuid({ error: "invalid_id" }), numeral: z.string().min(1).max(10) });
export const DecisionPointParams = MilestoneParams.extend({ decisionPointId: z.string().min(1).max(100) });

/** A milestone decision as recorded; an initiative lists its current ones. */
export const Decision = z.object({
  id: z.string(),
  numeral: z.string(),
  outcome: z.enum(["go", "go_with_conditions", "rework", "stop"]),
  decisionPoints: z.array(z.object({ id: z.string(), answer: z.string(), motivation: z.string() })),
  conditions: z.array(
    z.object({ text: z.string(), owner: z.string(), ownerUserId: z.string().nullable().optional(), dueDate: z.string() }),
  ),
  decidedBy: z.object({ id: z.string(), name: z.string() }),
  decidedOn: z.string(),
  minutes: z.string(),
  diarienummer: z.string().nullable(),
  incompleteBasisReason: z.string().nullable(),
  reported: z.object({
    timeline: z.string().nullable(),
    messageVolumePerYear: z.number().nullable(),
    volumeNote: z.string().nullable(),
    note: z.string().nullable().optional().meta({ description: "The decider's comment appended to the communication" }),
  }),
  basisSnapshot: z.unknown(),
  basisHash: z.string(),
  decisionHash: z.string().nullable().meta({
    description:
      "SHA-256 (RFC 8785 canonical JSON) of the decision itself: outcome, decision points, conditions, deciders, date, minutes, diarienummer, reasons, reported figures, basisHash, supersedesId; null for decisions recorded before it existed",
  }),
  supersedesId: z.string().nullable(),
  createdAt: z.string(),
});

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

/** Whom a decision's message went to, as its sender sees it. */
export const SentRecipient = z.object({
  kind: z.enum(["forvaltningsgrupp", "organisation", "external"]),
  organisationId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  status: z.enum(["sent", "read", "emailed"]).meta({
    description: "sent: in the recipient's inbox, not yet read; read: read by the recipient; emailed: mailed to an external party",
  }),
  readAt: z.string().nullable(),
});

export const DecisionWithCommunications = Decision.extend({
  baselineId: z.string().nullable().optional().meta({
    description: "The forecast version frozen as baseline by this decision (milestones II–V), else null",
  }),
  communications: z.array(
    z.object({
      id: z.string(),
      audience: z.string(),
      subject: z.string(),
      recipients: z
        .array(SentRecipient)
        .meta({ description: "Empty for the partners' message when the initiative names no samverkansparter" }),
    }),
  ),
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
      communications: z.array(
        z.object({
          id: z.string(),
          audience: z.string(),
          subject: z.string(),
          body: z.string(),
          items: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
          recipients: z.array(SentRecipient),
          answers: z
            .array(z.object({ id: z.string(), text: z.string(), createdAt: z.string(), createdByName: z.string() }))
            .meta({ description: "The förvaltningsgrupp's answers to the message, oldest first" }),
        }),
      ),
    }),
  ),
});
