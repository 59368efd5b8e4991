import { listCommunications, markCommunicationRead } from "../../../domain/communications/communications-inbox.ts";
import { InboxPage } from "../../../ui/pages/milestones/inbox-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { str } from "../../form.ts";
import { redirect } from "../../page-route.ts";
import { ids } from "../../path-id.ts";

/** The inbox of communications that milestone decisions send. */
export function communicationsPages({ page, db }: AppScope) {
  page({
    method: "GET",
    url: "/inbox",
    access: "session",
    render: async ({ actor }) => {
      const communications = await listCommunications({ db, actor });
      return (ctx) => <InboxPage ctx={ctx} communications={communications} />;
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
}
