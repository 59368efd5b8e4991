import { inArray, type SQL, sql } from "drizzle-orm";
import type { InitiativeStatusFacts } from "../../domain/initiatives/initiative-status.ts";
import type { Database } from "../database.ts";
import { initiatives } from "../schema.ts";

/** Which initiatives: by id, by organisation, or every one (the förvaltningsgrupp's and admin's lists). */
export type StatusScope = { initiativeIds: readonly string[] } | { organisationIds: readonly string[] } | "all";

type Row = {
  initiative_id: string;
  organisation_id: string;
  decisions: InitiativeStatusFacts["currentDecisions"];
  worked: string[];
  docs: InitiativeStatusFacts["deliverables"];
  prepared: string[];
};

/*
 * One statement for any number of initiatives. The current decision per milestone is the newest
 * (created_at, id) that no decision supersedes, as domain/milestones/current-decisions.ts says.
 * Its basis changed when a deliverable in its snapshot is gone, or the version that would be decided
 * on now (the highest fastställd version, else the highest) has another number or content hash
 * than the snapshot's: the rule of basisChangedSince in domain/milestones/basis-snapshot.ts.
 */
const STATUS = (where: SQL) => sql`
  select initiatives.id as initiative_id, initiatives.organisation_id,
    coalesce(cd.decisions, '[]'::jsonb) as decisions,
    coalesce(ap.worked, '[]'::jsonb) as worked,
    coalesce(dl.docs, '[]'::jsonb) as docs,
    coalesce(pr.prepared, '[]'::jsonb) as prepared
  from initiatives
  left join lateral (
    select jsonb_agg(jsonb_build_object(
      'id', d.id, 'numeral', d.numeral, 'outcome', d.outcome, 'decidedOn', d.decided_on,
      'incompleteBasis', d.incomplete_basis_reason is not null, 'conditions', d.conditions,
      'basisChanged', exists (
        select 1 from jsonb_array_elements(d.basis_snapshot -> 'deliverables') s
        where not exists (
          select 1 from (
            select v.version, v.content_hash from deliverable_versions v
            where v.deliverable_id = (s ->> 'deliverableId')::uuid
            order by (v.status = 'faststalld') desc, v.version desc limit 1
          ) now_decided
          where now_decided.version = (s ->> 'version')::int and now_decided.content_hash = s ->> 'contentHash'
        )
      )
    )) as decisions
    from (
      select distinct on (md.numeral) md.* from milestone_decisions md
      where md.initiative_id = initiatives.id
        and not exists (select 1 from milestone_decisions x where x.supersedes_id = md.id)
      order by md.numeral, md.created_at desc, md.id desc
    ) d
  ) cd on true
  left join lateral (
    select jsonb_agg(a.activity_id) as worked from activity_progress a
    where a.initiative_id = initiatives.id and a.status in ('in_progress', 'done')
  ) ap on true
  left join lateral (
    select jsonb_agg(jsonb_build_object('typeId', x.type_id, 'approved', x.approved)) as docs from (
      select dd.type_id, bool_or(v.status = 'faststalld') as approved
      from deliverables dd join deliverable_versions v on v.deliverable_id = dd.id
      where dd.initiative_id = initiatives.id group by dd.id, dd.type_id
    ) x
  ) dl on true
  left join lateral (
    select jsonb_agg(p.decision_point_id) as prepared from decision_point_preparations p where p.initiative_id = initiatives.id
  ) pr on true
  where ${where}
  order by initiatives.name, initiatives.id`;

export async function initiativeStatusFacts(db: Database, scope: StatusScope): Promise<InitiativeStatusFacts[]> {
  const where =
    scope === "all"
      ? sql`true`
      : "initiativeIds" in scope
        ? scope.initiativeIds.length
          ? inArray(initiatives.id, [...scope.initiativeIds])
          : undefined
        : scope.organisationIds.length
          ? inArray(initiatives.organisationId, [...scope.organisationIds])
          : undefined;
  if (!where) return [];
  const result = (await db.execute(STATUS(where))) as unknown as { rows: Row[] };
  return result.rows.map((r) => ({
    initiativeId: r.initiative_id,
    organisationId: r.organisation_id,
    currentDecisions: r.decisions,
    workedActivityIds: r.worked,
    deliverables: r.docs,
    preparedDecisionPointIds: r.prepared,
  }));
}
