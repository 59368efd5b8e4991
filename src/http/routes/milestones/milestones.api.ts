import { z } from "zod";
import { decideMilestone } from "../../../domain/milestones/decide-milestone.ts";
import { DecisionInput, PreparationInput } from "../../../domain/milestones/decision-input.ts";
import { getReadiness, listDecisions, prepareDecisionPoint } from "../../../domain/milestones/milestone-queries.ts";
import type { AppScope } from "../../app-scope.ts";
import { DecisionHistory, DecisionPointParams, DecisionWithCommunications, MilestoneParams, Readiness } from "./milestones.schema.ts";

export function milestonesApi({ db, api, mailQueued }: AppScope) {
  api({
    method: "PUT",
    url: "/api/v1/initiatives/:initiativeId/milestones/:numeral/decision-points/:decisionPointId/preparation",
    summary: "Prepare a decision point with the team's proposal",
    tag: "milestones",
    access: "authenticated",
    params: DecisionPointParams,
    body: PreparationInput,
    response: { status: 200, schema: z.object({ decisionPointId: z.string(), proposal: z.string(), preparedAt: z.string() }) },
    handler: async ({ actor, params, body, now }) =>
      prepareDecisionPoint({
        db,
        actor,
        now,
        initiativeId: params.initiativeId,
        numeral: params.numeral,
        decisionPointId: params.decisionPointId,
        proposal: body.proposal,
      }),
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/milestones/:numeral/readiness",
    summary: "Which basis documents and decision points are ready for a milestone decision, and what is missing",
    tag: "milestones",
    access: "authenticated",
    params: MilestoneParams,
    response: { status: 200, schema: Readiness },
    handler: async ({ actor, params }) => getReadiness({ db, actor, initiativeId: params.initiativeId, numeral: params.numeral }),
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/milestones/:numeral/decisions",
    summary: "Every decision on a milestone, newest first, superseded ones included",
    tag: "milestones",
    access: "authenticated",
    params: MilestoneParams,
    response: { status: 200, schema: DecisionHistory },
    handler: async ({ actor, params }) => ({
      decisions: await listDecisions({ db, actor, initiativeId: params.initiativeId, numeral: params.numeral }),
    }),
  });

  api({
    method: "POST",
    url: "/api/v1/initiatives/:initiativeId/milestones/:numeral/decision",
    summary: "Record a milestone decision (verksamhetsägare at I, styrgrupp at II–VIII); frozen with a hash of its basis",
    tag: "milestones",
    access: "authenticated",
    params: MilestoneParams,
    body: DecisionInput,
    response: { status: 201, schema: DecisionWithCommunications },
    handler: async ({ actor, params, body, now }) => {
      const decision = await decideMilestone({ db, actor, now, initiativeId: params.initiativeId, numeral: params.numeral, input: body });
      mailQueued();
      return decision;
    },
  });
}
