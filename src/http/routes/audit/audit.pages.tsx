import { z } from "zod";
import { usersByIds } from "../../../db/repositories/user-repository.ts";
import { auditKeyOf } from "../../../domain/audit/audit-key.ts";
import { listAuditEntries, listAuditFacets } from "../../../domain/audit/list-audit-entries.ts";
import { verifyAuditLog } from "../../../domain/audit/verify-audit-log.ts";
import { listOutbox } from "../../../domain/mail/list-outbox.ts";
import { type AuditFilterValues, AuditPage } from "../../../ui/pages/audit/audit-page.tsx";
import { OutboxPage } from "../../../ui/pages/audit/outbox-page.tsx";
import type { AppScope } from "../../app-scope.ts";

// 30 rather than 50: an entry's changes are a small table of their own, and 50 of the demo's
// document edits came to the 60 KB a page may weigh (issue 16).
const PAGE_SIZE = 30;

/** The filter form sends every field, empty when not chosen: empty means "any". */
const blank = (v: unknown) => (v === "" ? undefined : v);
const seq = z.preprocess(
  blank,
  z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).nonnegative({ error: "invalid" }).optional(),
);
const AuditPageQuery = z.object({
  before: seq,
  after: seq,
  actor: z.preprocess(blank, z.uuid({ error: "invalid_id" }).optional()),
  action: z.preprocess(blank, z.string().max(100, { error: "too_long" }).optional()),
  entityType: z.preprocess(blank, z.string().max(100, { error: "too_long" }).optional()),
  from: z.preprocess(blank, z.iso.date({ error: "date" }).optional()),
  to: z.preprocess(blank, z.iso.date({ error: "date" }).optional()),
  verify: z.literal("1").optional(),
});

/** The filters as query parameters, for the paging links (which keep them). */
function filterQuery(f: AuditFilterValues): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  return q;
}

export function auditPages({ page, db, secrets }: AppScope) {
  page({
    method: "GET",
    url: "/admin/audit",
    access: "session",
    query: AuditPageQuery,
    load: async ({ actor, query }) => {
      const filter: AuditFilterValues = {
        actor: query.actor ?? "",
        action: query.action ?? "",
        entityType: query.entityType ?? "",
        from: query.from ?? "",
        to: query.to ?? "",
      };
      // One more than a page tells whether there is another page in that direction.
      const towardsNewer = query.after !== undefined && query.before === undefined;
      const rows = await listAuditEntries({
        db,
        actor,
        limit: PAGE_SIZE + 1,
        beforeSeq: query.before,
        afterSeq: towardsNewer ? query.after : undefined,
        actorUserId: query.actor,
        action: query.action,
        entityType: query.entityType,
        from: query.from,
        to: query.to,
      });
      const more = rows.length > PAGE_SIZE;
      const entries = towardsNewer ? rows.slice(more ? 1 : 0) : rows.slice(0, PAGE_SIZE);
      const hasOlder = towardsNewer ? entries.length > 0 : more;
      const hasNewer = towardsNewer ? more : query.before !== undefined;
      const link = (key: "before" | "after", value: number | undefined) => {
        if (value === undefined) return null;
        const q = filterQuery(filter);
        q.set(key, String(value));
        return `/admin/audit?${q.toString()}`;
      };
      const facets = await listAuditFacets({ db, actor });
      const names = new Map(
        (
          await usersByIds(db, [...new Set([...facets.actorUserIds, ...entries.flatMap((e) => (e.actorUserId ? [e.actorUserId] : []))])])
        ).map((u) => [u.id, u.name]),
      );
      const verdict = query.verify ? await verifyAuditLog({ db, actor, key: auditKeyOf(secrets) }) : null;
      return {
        entries,
        actorNames: names,
        actors: facets.actorUserIds.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name, "sv")),
        actions: facets.actions,
        entityTypes: facets.entityTypes,
        filter,
        verdict,
        olderHref: hasOlder ? link("before", entries[entries.length - 1]?.seq) : null,
        newerHref: hasNewer ? link("after", entries[0]?.seq ?? query.before) : null,
      };
    },
    render:
      ({ loaded }) =>
      (ctx) => <AuditPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "GET",
    url: "/admin/outbox",
    access: "session",
    load: async ({ actor }) => listOutbox({ db, actor }),
    render:
      ({ loaded }) =>
      (ctx) => <OutboxPage ctx={ctx} messages={loaded} />,
  });
}
