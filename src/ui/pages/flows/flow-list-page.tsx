import type { FlowView } from "../../../domain/flows/flow-view.ts";
import { format } from "../../../i18n/index.ts";
import { Layout, Link, PageHeading, Paragraph, ScrollableTable, Table } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { flowImportHref } from "./flow-hrefs.ts";
import { FlowNav, flowHref, formatCount, formatSek, newFlowHref } from "./flow-parts.tsx";

/** The initiative's flow register: every flow with what the plan and the forecast read from it. */
export function FlowListPage({
  ctx,
  initiative,
  flows,
  canManage,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  flows: readonly FlowView[];
  canManage: boolean;
}) {
  const t = ctx.m.flows;
  const title = format(t.listTitle, { initiative: initiative.name });
  // ISO days keep the wide table narrow enough for a desktop column (the flow's page has the long form).
  const day = (d: string | null) => d ?? t.notPlanned;
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.listLead}>{title}</PageHeading>
      <FlowNav ctx={ctx} initiativeId={initiative.id} current="list" />
      {canManage ? (
        <Paragraph>
          <Link href={newFlowHref(initiative.id)}>{t.add}</Link> ·{" "}
          <Link href={flowImportHref(initiative.id)}>{ctx.m.flowImport.title}</Link>
        </Paragraph>
      ) : (
        <Paragraph>{t.readOnly}</Paragraph>
      )}
      {flows.length ? (
        <ScrollableTable caption={t.caption}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.name}</Table.HeaderCell>
              <Table.HeaderCell>{t.recipientType}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t.annualVolumeShort}</Table.HeaderCell>
              <Table.HeaderCell>{t.status}</Table.HeaderCell>
              <Table.HeaderCell>{t.tactic}</Table.HeaderCell>
              <Table.HeaderCell>{t.plannedTestDate}</Table.HeaderCell>
              <Table.HeaderCell>{t.plannedProductionDate}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t.costPerLetterShort}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {flows.map((f) => (
              <Table.Row key={f.id}>
                <Table.Cell>
                  <Link href={flowHref(f.id)}>{f.name}</Link>
                </Table.Cell>
                <Table.Cell>{t.recipientTypes[f.recipientType]}</Table.Cell>
                <Table.Cell className="numeric">{formatCount(ctx.locale, f.annualVolume)}</Table.Cell>
                <Table.Cell>{t.statuses[f.status]}</Table.Cell>
                <Table.Cell>{f.tactic ? t.tactics[f.tactic] : t.noTactic}</Table.Cell>
                <Table.Cell className="nowrap">{day(f.plannedTestDate)}</Table.Cell>
                <Table.Cell className="nowrap">{day(f.plannedProductionDate)}</Table.Cell>
                <Table.Cell className="numeric">{formatSek(ctx.locale, f.costPerLetterSek)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{t.none}</Paragraph>
      )}
    </Layout>
  );
}
