import { formatOrganisationNumber } from "../../../domain/organisations/organisation-number.ts";
import type { OrganisationView } from "../../../domain/organisations/organisation-view.ts";
import { Layout, Link, PageHeading, Paragraph, ScrollableTable, Table } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

export function OrganisationListPage({
  ctx,
  organisations,
  canCreate,
}: {
  ctx: PageContext;
  organisations: OrganisationView[];
  canCreate: boolean;
}) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.organisations.title}>
      <PageHeading>{m.organisations.title}</PageHeading>
      {canCreate ? (
        <Paragraph>
          <Link href="/organisations/new">{m.organisations.create}</Link>
        </Paragraph>
      ) : null}
      {organisations.length ? (
        <ScrollableTable caption={m.organisations.title} zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{m.organisations.name}</Table.HeaderCell>
              <Table.HeaderCell>{m.organisations.number}</Table.HeaderCell>
              <Table.HeaderCell>{m.organisations.kind}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {organisations.map((o) => (
              <Table.Row key={o.id}>
                <Table.Cell>
                  <Link href={`/organisations/${o.id}`}>{o.name}</Link>
                </Table.Cell>
                <Table.Cell>{formatOrganisationNumber(o.number)}</Table.Cell>
                <Table.Cell>{m.organisations.kinds[o.kind]}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{m.organisations.empty}</Paragraph>
      )}
    </Layout>
  );
}
