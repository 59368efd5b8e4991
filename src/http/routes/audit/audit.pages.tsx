import { usersByIds } from "../../../db/repositories/user-repository.ts";
import { auditKeyOf } from "../../../domain/audit/audit-key.ts";
import { listAuditEntries } from "../../../domain/audit/list-audit-entries.ts";
import { verifyAuditLog } from "../../../domain/audit/verify-audit-log.ts";
import { listOutbox } from "../../../domain/mail/list-outbox.ts";
import { parseOrThrow } from "../../../domain/shared/zod-issues.ts";
import { AuditPage } from "../../../ui/pages/audit/audit-page.tsx";
import { OutboxPage } from "../../../ui/pages/audit/outbox-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import type { PageInput } from "../../page-route.ts";
import { AuditQuery } from "./audit.api.ts";

const PAGE_SIZE = 50;

export function auditPages({ page, db, secrets }: AppScope) {
  page({
    method: "GET",
    url: "/admin/audit",
    access: "session",
    render: async ({ actor, request }: PageInput<"session", unknown, unknown>) => {
      const query = request.query as Record<string, string>;
      const { beforeSeq } = parseOrThrow(AuditQuery, { beforeSeq: query.before || undefined });
      const entries = await listAuditEntries({ db, actor, limit: PAGE_SIZE, beforeSeq });
      const verdict = query.verify === "1" ? await verifyAuditLog({ db, actor, key: auditKeyOf(secrets) }) : null;
      const actorIds = [...new Set(entries.map((e) => e.actorUserId).filter((id): id is string => id !== null))];
      const actorNames = new Map((await usersByIds(db, actorIds)).map((u) => [u.id, u.name]));
      const last = entries[entries.length - 1];
      const olderHref = entries.length === PAGE_SIZE && last ? `/admin/audit?before=${last.seq}` : null;
      return (ctx) => <AuditPage ctx={ctx} entries={entries} actorNames={actorNames} verdict={verdict} olderHref={olderHref} />;
    },
  });

  page({
    method: "GET",
    url: "/admin/outbox",
    access: "session",
    render: async ({ actor }) => {
      const messages = await listOutbox({ db, actor });
      return (ctx) => <OutboxPage ctx={ctx} messages={messages} />;
    },
  });
}
