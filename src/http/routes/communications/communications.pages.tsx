import { answerableCommunication, answerCommunication } from "../../../domain/communications/answer-communication.ts";
import { listCommunications, markCommunicationRead, readInbox } from "../../../domain/communications/communications-inbox.ts";
import { answerField, InboxPage } from "../../../ui/pages/milestones/inbox-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { normaliseText, str } from "../../form.ts";
import { redirect } from "../../page-route.ts";
import { ids } from "../../path-id.ts";
import { AnswerInput, InboxPageQuery } from "./communications.schema.ts";

/** The inbox of communications that milestone decisions send. */
export function communicationsPages({ page, db, publicUrl, mailQueued }: AppScope) {
  page({
    method: "GET",
    url: "/inbox",
    access: "session",
    query: InboxPageQuery,
    render: async ({ actor, query }) => {
      const status = query.status ?? "all";
      const inbox = await readInbox({ db, actor, unreadOnly: status === "unread", page: query.page ?? 1 });
      return (ctx) => <InboxPage ctx={ctx} communications={inbox.communications} paging={{ ...inbox, status }} />;
    },
  });

  page({
    method: "POST",
    url: "/inbox/:communicationId/read",
    access: "session",
    params: ids("communicationId"),
    handle: async ({ actor, now, m, params: { communicationId }, data }) => {
      // The inbox's button says whom the reader reads for (one who reads for several recipients).
      const recipient = str(data, "recipient");
      await markCommunicationRead({ db, actor, now, communicationId, recipient: recipient || undefined });
      return redirect("/inbox", m.inbox.markedRead);
    },
  });

  page({
    method: "POST",
    url: "/inbox/:communicationId/answers",
    access: "session",
    params: ids("communicationId"),
    // The message answered, to show again with the form's errors (on whatever page of the inbox it was).
    load: async ({ actor, params }) => {
      // Access first, so an outsider learns nothing from a bad form.
      await answerableCommunication({ db, actor }, params.communicationId);
      const { communicationId } = params;
      return { communicationId, communications: await listCommunications({ db, actor, communicationId }) };
    },
    form: {
      // Each message's form names its field after the message (one id per control on the page).
      read: (values, loaded) => ({ text: normaliseText(str(values, answerField(loaded.communicationId))) }),
      schema: AnswerInput,
    },
    render:
      ({ loaded, form, params }) =>
      (ctx) => (
        <InboxPage
          ctx={ctx}
          communications={loaded.communications}
          answerErrors={form ? { communicationId: params.communicationId, text: form.values.text, errors: form.errors } : undefined}
        />
      ),
    handle: async ({ actor, now, m, params: { communicationId }, data, request }) => {
      await answerCommunication({ db, actor, now, communicationId, text: data.text, baseUrl: publicUrl(request) });
      mailQueued();
      return redirect("/inbox", m.answers.sent);
    },
  });
}
