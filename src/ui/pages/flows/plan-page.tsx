import type { FlowView } from "../../../domain/flows/flow-view.ts";
import type { PlanMilestone } from "../../../domain/plan/connection-plan.ts";
import { format } from "../../../i18n/index.ts";
import { milestoneByNumeral } from "../../../method/lookup.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";
import { GanttChart, ganttLayout } from "../../charts/gantt.tsx";
import { Layout, Link, PageHeading, Paragraph, ScrollableTable, Table } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { BackLink, formatDay, initiativeHref, inLocale, milestoneHref } from "../initiatives/initiative-parts.tsx";
import { FlowNav, flowHref } from "./flow-parts.tsx";

/**
 * The connection plan: each flow from planned test to planned production and the milestones'
 * planned and decided days on one time axis, drawn on the server, with the same dates as tables.
 */
export function PlanPage({
  ctx,
  initiative,
  flows,
  milestones,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  flows: readonly (FlowView & { rank: number; priorityScore: number })[];
  milestones: readonly PlanMilestone[];
}) {
  const t = ctx.m.flows;
  const title = format(t.planTitle, { initiative: initiative.name });
  const day = (d: string | null) => (d ? formatDay(ctx, d) : t.notPlanned);
  const layout = ganttLayout(
    flows.map((f) => ({
      id: f.id,
      name: f.name,
      statusLabel: t.statuses[f.status],
      plannedTestDate: f.plannedTestDate,
      plannedProductionDate: f.plannedProductionDate,
    })),
    milestones,
  );
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.planLead}>{title}</PageHeading>
      <FlowNav ctx={ctx} initiativeId={initiative.id} current="plan" />
      {layout ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take focus to scroll by keyboard.
        <section className="chart-wrap" aria-label={t.chartRegionPlan} tabIndex={0}>
          <GanttChart
            layout={layout}
            labels={{
              title: format(t.ganttTitle, { first: layout.start.slice(0, 7), last: layout.end.slice(0, 7) }),
              desc: t.ganttDesc,
              notPlanned: t.notPlanned,
              quarter: (quarter) => format(t.quarter, { quarter }),
              marker: (kind, numeral) => format(kind === "planned" ? t.milestonePlanned : t.milestoneDecided, { numeral }),
              legendBar: t.legendBar,
              legendProduction: t.legendProduction,
              legendPlanned: t.legendPlanned,
              legendDecided: t.legendDecided,
            }}
          />
        </section>
      ) : (
        <Paragraph>{t.noDates}</Paragraph>
      )}
      {flows.length ? (
        <>
          <Paragraph>{t.order}</Paragraph>
          <ScrollableTable caption={t.planFlowsCaption} showCaption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.rank}</Table.HeaderCell>
                <Table.HeaderCell>{t.name}</Table.HeaderCell>
                <Table.HeaderCell>{t.status}</Table.HeaderCell>
                <Table.HeaderCell>{t.plannedTestDate}</Table.HeaderCell>
                <Table.HeaderCell>{t.plannedProductionDate}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {flows.map((f) => (
                <Table.Row key={f.id}>
                  <Table.Cell>{f.rank}</Table.Cell>
                  <Table.HeaderCell scope="row">
                    <Link href={flowHref(f.id)}>{f.name}</Link>
                  </Table.HeaderCell>
                  <Table.Cell>{t.statuses[f.status]}</Table.Cell>
                  <Table.Cell className="nowrap">{day(f.plannedTestDate)}</Table.Cell>
                  <Table.Cell className="nowrap">{day(f.plannedProductionDate)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        </>
      ) : (
        <Paragraph>{t.none}</Paragraph>
      )}
      <ScrollableTable caption={t.planMilestonesCaption} showCaption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.milestone}</Table.HeaderCell>
            <Table.HeaderCell>{t.plannedOn}</Table.HeaderCell>
            <Table.HeaderCell>{t.decidedOn}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {milestones.map((m) => (
            <Table.Row key={m.numeral}>
              <Table.HeaderCell scope="row">
                <Link href={milestoneHref(initiative.id, m.numeral)}>
                  {m.numeral} {inLocale(ctx, milestoneByNumeral(methodV12, m.numeral).name)}
                </Link>
              </Table.HeaderCell>
              <Table.Cell className="nowrap">{m.plannedOn ? formatDay(ctx, m.plannedOn) : "–"}</Table.Cell>
              <Table.Cell className="nowrap">{m.decidedOn ? formatDay(ctx, m.decidedOn) : "–"}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollableTable>
    </Layout>
  );
}
