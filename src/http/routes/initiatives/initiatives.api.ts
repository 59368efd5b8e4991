import { z } from "zod";
import { createInitiative } from "../../../domain/initiatives/create-initiative.ts";
import { ActivityProgressInput, CreateInitiativeInput, PublishableInput } from "../../../domain/initiatives/initiative-input.ts";
import { getInitiative, listInitiatives } from "../../../domain/initiatives/read-initiatives.ts";
import { setPublishable } from "../../../domain/initiatives/set-publishable.ts";
import { updateActivity } from "../../../domain/initiatives/update-activity.ts";
import type { AppScope } from "../../app-scope.ts";
import { ActivityParams, Initiative, InitiativeList, InitiativeListQuery, InitiativeParams } from "./initiatives.schema.ts";

export function initiativesApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/initiatives",
    summary: "Initiatives the caller can see, optionally of one organisation",
    tag: "initiatives",
    access: "authenticated",
    query: InitiativeListQuery,
    response: { status: 200, schema: InitiativeList },
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
    method: "PUT",
    url: "/api/v1/initiatives/:initiativeId/open-data",
    summary:
      "Let the public open-data export list the initiative or not (its projektledare, verksamhetsägare or the organisation's administratör); off until turned on",
    tag: "initiatives",
    access: "authenticated",
    params: InitiativeParams,
    body: PublishableInput,
    response: { status: 200, schema: z.object({ initiativeId: z.string(), publishable: z.boolean() }) },
    handler: async ({ actor, params, body, now }) =>
      setPublishable({ db, actor, now, initiativeId: params.initiativeId, publishable: body.publishable }),
  });
}
