import { listCommunications, markCommunicationRead } from "../../../domain/communications/communications-inbox.ts";
import type { AppScope } from "../../app-scope.ts";
import { CommunicationList, CommunicationParams, CommunicationRead, CommunicationsQuery, MarkReadInput } from "./communications.schema.ts";

export function communicationsApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/communications",
    summary:
      "Communications sent to the caller: the förvaltningsgrupp's inbox, and those to the caller's organisations (own, and as samverkanspart); one entry per recipient, each with its own read status",
    tag: "communications",
    access: "authenticated",
    query: CommunicationsQuery,
    response: { status: 200, schema: CommunicationList },
    handler: async ({ actor, query }) => ({
      communications: await listCommunications({ db, actor, organisationId: query.organisationId, unreadOnly: query.unread === "true" }),
    }),
  });

  api({
    method: "POST",
    url: "/api/v1/communications/:communicationId/read",
    summary: "Mark a communication read for its recipient: the förvaltningsgrupp, or the caller's organisation; not for anyone else",
    tag: "communications",
    access: "authenticated",
    params: CommunicationParams,
    body: MarkReadInput,
    response: { status: 200, schema: CommunicationRead },
    handler: async ({ actor, params, body, now }) =>
      markCommunicationRead({ db, actor, now, communicationId: params.communicationId, recipient: body.recipient }),
  });
}
