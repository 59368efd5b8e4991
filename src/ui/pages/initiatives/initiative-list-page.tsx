import type { InitiativeStatus } from "../../../domain/initiatives/initiative-status.ts";
import type { listInitiatives } from "../../../domain/initiatives/read-initiatives.ts";
import { format } from "../../../i18n/index.ts";
import { phaseByNumber } from "../../../method/lookup.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";
import { Layout, Link, PageHeading, Paragraph, ScrollableTable, Table, Tag } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { formatDay, initiativeHref, inLocale } from "./initiative-parts.tsx";

type InitiativeRow = Awaited<ReturnType<typeof listInitiatives>>[number];

const FLAGS = [
  "decisionOverdue",
  "conditionOverdue",
  "basisChangedAfterDecision",
  "decidedOnIncompleteBasis",
  "startedAheadOfDecision",
] as const satisfies readonly (keyof InitiativeStatus["flags"])[];

/** Overdue first: those need someone to act, the others to look. */
const FLAG_COLOURS = {
  decisionOverdue: "danger",
  conditionOverdue: "danger",
  basisChangedAfterDecision: "warning",
  decidedOnIncompleteBasis: "warning",
  startedAheadOfDecision: "warning",
} as const satisfies Record<(typeof FLAGS)[number], string>;

function PhaseCell({ ctx, status }: { ctx: PageContext; status: InitiativeStatus }) {
  const t = ctx.m.initiatives.list;
  if (status.completed) return <>{t.completed}</>;
  const phase = phaseByNumber(methodV12, status.currentPhase);
  return <>{format(t.phaseValue, { number: phase.number, name: inLocale(ctx, phase.name) })}</>;
}

function NextMilestoneCell({ ctx, status }: { ctx: PageContext; status: InitiativeStatus }) {
  const t = ctx.m.initiatives.list;
  const r = status.readiness;
  if (!status.nextMilestone || !r) return <>{t.none}</>;
  return (
    <>
      {format(t.readiness, {
        numeral: status.nextMilestone,
        approved: r.approvedBasis,
        required: r.requiredBasis,
        prepared: r.preparedDecisionPoints,
        points: r.decisionPoints,
      })}
    </>
  );
}

function FlagsCell({ ctx, status }: { ctx: PageContext; status: InitiativeStatus }) {
  const t = ctx.m.initiatives.list;
  const raised = FLAGS.filter((f) => status.flags[f]);
  if (!raised.length) return <>{t.noFlags}</>;
  return (
    <ul className="tag-list">
      {raised.map((f) => (
        <li key={f}>
          <Tag data-color={FLAG_COLOURS[f]}>{t.flag[f]}</Tag>
        </li>
      ))}
    </ul>
  );
}

/**
 * The initiatives of the active organisation; without one (admin, förvaltningsgrupp), every
 * initiative the person may read, with the organisation named in its own column.
 */
export function InitiativeListPage({
  ctx,
  initiatives,
  organisationName,
  organisationNames,
  canCreate,
}: {
  ctx: PageContext;
  initiatives: InitiativeRow[];
  organisationName: string | null;
  organisationNames: ReadonlyMap<string, string> | null;
  canCreate: boolean;
}) {
  const { m } = ctx;
  const t = m.initiatives;
  return (
    <Layout ctx={ctx} title={t.title}>
      <PageHeading lead={organisationName ? format(t.intro, { organisation: organisationName }) : t.introAll}>{t.title}</PageHeading>
      {canCreate ? (
        <Paragraph>
          <Link href="/initiatives/new">{t.create}</Link>
        </Paragraph>
      ) : null}
      {initiatives.length ? (
        <ScrollableTable caption={t.title} zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.name}</Table.HeaderCell>
              {organisationNames ? <Table.HeaderCell>{t.organisation}</Table.HeaderCell> : null}
              <Table.HeaderCell>{t.list.phase}</Table.HeaderCell>
              <Table.HeaderCell>{t.list.nextMilestone}</Table.HeaderCell>
              <Table.HeaderCell>{t.list.flags}</Table.HeaderCell>
              <Table.HeaderCell>{t.plannedGoLive}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {initiatives.map((i) => (
              <Table.Row key={i.id}>
                <Table.Cell>
                  <Link href={initiativeHref(i.id)}>{i.name}</Link>
                </Table.Cell>
                {organisationNames ? <Table.Cell>{organisationNames.get(i.organisationId) ?? "–"}</Table.Cell> : null}
                <Table.Cell>{i.status ? <PhaseCell ctx={ctx} status={i.status} /> : t.list.none}</Table.Cell>
                <Table.Cell>{i.status ? <NextMilestoneCell ctx={ctx} status={i.status} /> : t.list.none}</Table.Cell>
                <Table.Cell>{i.status ? <FlagsCell ctx={ctx} status={i.status} /> : t.list.none}</Table.Cell>
                <Table.Cell>{formatDay(ctx, i.plannedGoLive)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{t.empty}</Paragraph>
      )}
    </Layout>
  );
}
