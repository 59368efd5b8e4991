import type { FastifyReply } from "fastify";
import { compareDeliverableVersions } from "../../../domain/deliverables/compare-versions.ts";
import { ChangeStatusInput, CreateDeliverableInput, EditSectionsInput } from "../../../domain/deliverables/deliverable-input.ts";
import { changeDeliverableStatus, createDeliverable, editDeliverable, getDeliverable } from "../../../domain/deliverables/deliverables.ts";
import type { AppScope } from "../../app-scope.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import { Deliverable, DeliverableParams, DiffQuery, IfMatchHeaders, VersionDiff } from "./deliverables.schema.ts";

/** A deliverable's answer carries its ETag as a header too, for clients that send If-Match. */
function withEtag<T extends { etag: string | null }>(reply: FastifyReply, deliverable: T): T {
  if (deliverable.etag) reply.header("etag", deliverable.etag);
  return deliverable;
}

export function deliverablesApi({ db, api }: AppScope) {
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
    method: "GET",
    url: "/api/v1/deliverables/:deliverableId/diff",
    summary:
      "Two versions of a deliverable compared section by section, word by word; 404 when either version does not exist (or the deliverable is not yours to read)",
    tag: "deliverables",
    access: "authenticated",
    params: DeliverableParams,
    query: DiffQuery,
    response: { status: 200, schema: VersionDiff },
    handler: async ({ actor, params, query }) =>
      compareDeliverableVersions({ db, actor, deliverableId: params.deliverableId, from: query.from, to: query.to }),
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
}
