import type { FastifyReply } from "fastify";
import { z } from "zod";
import { listCommunications, markCommunicationRead } from "../../../domain/communications/communications-inbox.ts";
import { ChangeStatusInput, CreateDeliverableInput, EditSectionsInput } from "../../../domain/deliverables/deliverable-input.ts";
import { changeDeliverableStatus, createDeliverable, editDeliverable, getDeliverable } from "../../../domain/deliverables/deliverables.ts";
import { createInitiative } from "../../../domain/initiatives/create-initiative.ts";
import { ActivityProgressInput, CreateInitiativeInput } from "../../../domain/initiatives/initiative-input.ts";
import { getInitiative, listInitiatives } from "../../../domain/initiatives/read-initiatives.ts";
import { updateActivity } from "../../../domain/initiatives/update-activity.ts";
import { decideMilestone } from "../../../domain/milestones/decide-milestone.ts";
import { DecisionInput, PreparationInput } from "../../../domain/milestones/decision-input.ts";
import { getReadiness, listDecisions, prepareDecisionPoint } from "../../../domain/milestones/milestone-queries.ts";
import type { AppScope } from "../../app-scope.ts";
import {
  ActivityParams,
  Communication,
  CommunicationParams,
  CommunicationsQuery,
  DecisionHistory,
  DecisionPointParams,
  DecisionWithCommunications,
  Deliverable,
  DeliverableParams,
  IfMatchHeaders,
  Initiative,
  InitiativeListQuery,
  InitiativeParams,
  InitiativeSummary,
  MilestoneParams,
  Readiness,
} from "./initiatives.schema.ts";

/** A deliverable's answer carries its ETag as a header too, for clients that send If-Match. */
function withEtag<T extends { etag: string | null }>(reply: FastifyReply, deliverable: T): T {
  if (deliverable.etag) reply.header("etag", deliverable.etag);
  return deliverable;
}

export function initiativesApi({ db, api, mailQueued }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives",
    summary: "Initiatives the caller can see, optionally of one organisation",
    tag: "initiatives",
    access: "authenticated",
    query: InitiativeListQuery,
    response: { status: 200, schema: z.object({ initiatives: z.array(InitiativeSummary) }) },
    handler: async ({ actor, query }) => ({ initiatives: await listInitiatives({ db, actor, organisationId: query.organisationId }) }),
  });

  api({
    method: "POST",
    url: "/api/v1/initiatives",
    summary: "Start an anslutningsinitiativ (projektledare); without steeringGroup, the members with role styrgrupp form it",
    tag: "initiatives",
    access: "authenticated",
    body: CreateInitiativeInput,
    response: { status: 201, schema: Initiative },
    handler: async ({ actor, body, now }) => {
      const created = await createInitiative({ db, actor, now, input: body });
      return getInitiative({ db, actor, initiativeId: created.id });
    },
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId",
    summary: "An initiative with its current phase, activities, results and milestones",
    tag: "initiatives",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: Initiative },
    handler: async ({ actor, params }) => getInitiative({ db, actor, initiativeId: params.initiativeId }),
  });

  api({
    method: "PUT",
    url: "/api/v1/initiatives/:initiativeId/activities/:activityId",
    summary: "Set an activity's status (not_applicable needs a motivation)",
    tag: "initiatives",
    access: "authenticated",
    params: ActivityParams,
    body: ActivityProgressInput,
    response: { status: 200, schema: z.object({ id: z.string(), status: z.string(), motivation: z.string().nullable() }) },
    handler: async ({ actor, params, body, now }) =>
      updateActivity({ db, actor, now, initiativeId: params.initiativeId, activityId: params.activityId, input: body }),
  });

  api({
    method: "POST",
    url: "/api/v1/initiatives/:initiativeId/deliverables",
    summary: "Create a deliverable from its type's template",
    tag: "deliverables",
    access: "authenticated",
    params: InitiativeParams,
    body: CreateDeliverableInput,
    response: { status: 201, schema: Deliverable },
    handler: async ({ actor, params, body, now }) => createDeliverable({ db, actor, now, initiativeId: params.initiativeId, input: body }),
  });

  api({
    method: "GET",
    url: "/api/v1/deliverables/:deliverableId",
    summary: "A deliverable with all its versions and its template",
    tag: "deliverables",
    access: "authenticated",
    params: DeliverableParams,
    response: { status: 200, schema: Deliverable },
    handler: async ({ actor, params, reply }) => withEtag(reply, await getDeliverable({ db, actor, deliverableId: params.deliverableId })),
  });

  api({
    method: "PUT",
    url: "/api/v1/deliverables/:deliverableId/sections",
    summary:
      "Save section texts (Markdown), merged into the latest version; editing a fastställd version creates a new version in utkast. With If-Match or baseEtag, only if the deliverable is still as read",
    tag: "deliverables",
    access: "authenticated",
    params: DeliverableParams,
    headers: IfMatchHeaders,
    body: EditSectionsInput,
    conflict: "EDIT_CONFLICT: the deliverable changed since the ETag given in If-Match or baseEtag",
    response: { status: 200, schema: Deliverable },
    handler: async ({ actor, params, body, headers, now, reply }) =>
      withEtag(
        reply,
        await editDeliverable({ db, actor, now, deliverableId: params.deliverableId, input: body, ifMatch: headers["if-match"] }),
      ),
  });

  api({
    method: "POST",
    url: "/api/v1/deliverables/:deliverableId/status",
    summary:
      "Move the latest version to för granskning, back to utkast, or to fastställd (projektledare or verksamhetsägare). Fastställd needs every required section written (422 REQUIRED_SECTIONS_MISSING, the sections in `fields`) and, where the organisation requires a second person, someone who did not create or last edit the version (403 SECOND_PERSON_REQUIRED)",
    tag: "deliverables",
    access: "authenticated",
    params: DeliverableParams,
    headers: IfMatchHeaders,
    body: ChangeStatusInput,
    conflict:
      "STATUS_CHANGE_NOT_ALLOWED: not a transition from the current status; EDIT_CONFLICT: the deliverable changed since the ETag given in If-Match or baseEtag",
    response: { status: 200, schema: Deliverable },
    handler: async ({ actor, params, body, headers, now, reply }) =>
      withEtag(
        reply,
        await changeDeliverableStatus({
          db,
          actor,
          now,
          deliverableId: params.deliverableId,
          status: body.status,
          baseEtag: body.baseEtag,
          ifMatch: headers["if-match"],
        }),
      ),
  });

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

  api({
    method: "GET",
    url: "/api/v1/communications",
    summary: "Communications sent to the caller: the förvaltningsgrupp's inbox, or the caller's organisations'",
    tag: "communications",
    access: "authenticated",
    query: CommunicationsQuery,
    response: { status: 200, schema: z.object({ communications: z.array(Communication) }) },
    handler: async ({ actor, query }) => ({
      communications: await listCommunications({ db, actor, organisationId: query.organisationId, unreadOnly: query.unread === "true" }),
    }),
  });

  api({
    method: "POST",
    url: "/api/v1/communications/:communicationId/read",
    summary: "Mark a communication read (by its recipient)",
    tag: "communications",
    access: "authenticated",
    params: CommunicationParams,
    response: { status: 200, schema: z.object({ id: z.string(), status: z.literal("read"), readAt: z.string() }) },
    handler: async ({ actor, params, now }) => markCommunicationRead({ db, actor, now, communicationId: params.communicationId }),
  });
}
