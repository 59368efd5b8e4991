import { answerCommunication } from "../../../domain/communications/answer-communication.ts";
import { inboxCount, listCommunications, markCommunicationRead, readInbox } from "../../../domain/communications/communications-inbox.ts";
import type { AppScope } from "../../app-scope.ts";
import {
  AnswerInput,
  CommunicationAnswer,
  CommunicationList,
  CommunicationParams,
  CommunicationRead,
  CommunicationsQuery,
  MarkReadInput,
} from "./communications.schema.ts";

export function communicationsApi({ db, api, publicUrl, mailQueued }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/communications",
    summary:
      "Communications sent to the caller: the förvaltningsgrupp's inbox, and those to the caller's organisations (own, and as samverkanspart); one entry per recipient, each with its own read status",
    tag: "communications",
    access: "authenticated",
    query: CommunicationsQuery,
    response: { status: 200, schema: CommunicationList },
    handler: async ({ actor, query }) => {
      const filter = { db, actor, organisationId: query.organisationId, unreadOnly: query.unread === "true" };
      if (query.page !== undefined || query.pageSize !== undefined)
        return readInbox({ ...filter, page: query.page ?? 1, pageSize: query.pageSize });
      return { communications: await listCommunications(filter), total: await inboxCount(filter) };
    },
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

  api({
    method: "POST",
    url: "/api/v1/communications/:communicationId/answers",
    summary:
      "The förvaltningsgrupp answers a communication it received: kept with the message and e-mailed to the initiative's projektledare",
    tag: "communications",
    access: "authenticated",
    params: CommunicationParams,
    body: AnswerInput,
    response: { status: 201, schema: CommunicationAnswer },
    handler: async ({ actor, params, body, now, request }) => {
      const answer = await answerCommunication({
        db,
        actor,
        now,
        communicationId: params.communicationId,
        text: body.text,
        baseUrl: publicUrl(request),
      });
      mailQueued();
      return answer;
    },
  });
}
