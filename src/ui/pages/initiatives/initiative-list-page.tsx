import type { listInitiatives } from "../../../domain/initiatives/read-initiatives.ts";
import { format } from "../../../i18n/index.ts";
import { Layout, Link, PageHeading, Paragraph, ScrollableTable, Table } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { formatDay, initiativeHref } from "./initiative-parts.tsx";

type InitiativeRow = Awaited<ReturnType<typeof listInitiatives>>[number];

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
              <Table.HeaderCell>{t.targetGroup}</Table.HeaderCell>
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
                <Table.Cell>{i.targetGroup || "–"}</Table.Cell>
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
