import { usersByIds } from "../../../db/repositories/user-repository.ts";
import { auditKeyOf } from "../../../domain/audit/audit-key.ts";
import { listAuditEntries } from "../../../domain/audit/list-audit-entries.ts";
import { verifyAuditLog } from "../../../domain/audit/verify-audit-log.ts";
import { listOutbox } from "../../../domain/mail/list-outbox.ts";
import { parseOrThrow } from "../../../domain/shared/zod-issues.ts";
import { AuditPage } from "../../../ui/pages/audit/audit-page.tsx";
import { OutboxPage } from "../../../ui/pages/audit/outbox-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { requireSession, sendPage } from "../../render.ts";
import { AuditQuery } from "./audit.api.ts";

const PAGE_SIZE = 50;

export function auditPages({ app, db, secrets }: AppScope) {
  app.get<{ Querystring: Record<string, string> }>("/admin/audit", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const { beforeSeq } = parseOrThrow(AuditQuery, { beforeSeq: request.query.before || undefined });
    const entries = await listAuditEntries({ db, actor: auth.actor, limit: PAGE_SIZE, beforeSeq });
    const verdict = request.query.verify === "1" ? await verifyAuditLog({ db, actor: auth.actor, key: auditKeyOf(secrets) }) : null;
    const actorIds = [...new Set(entries.map((e) => e.actorUserId).filter((id): id is string => id !== null))];
    const actorNames = new Map((await usersByIds(db, actorIds)).map((u) => [u.id, u.name]));
    const last = entries[entries.length - 1];
    const olderHref = entries.length === PAGE_SIZE && last ? `/admin/audit?before=${last.seq}` : null;
    return sendPage(request, reply, (ctx) => (
      <AuditPage ctx={ctx} entries={entries} actorNames={actorNames} verdict={verdict} olderHref={olderHref} />
    ));
  });

  app.get("/admin/outbox", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const messages = await listOutbox({ db, actor: auth.actor });
    return sendPage(request, reply, (ctx) => <OutboxPage ctx={ctx} messages={messages} />);
  });
}
