import { format } from "../../../i18n/index.ts";
import { phaseByNumber } from "../../../method/lookup.ts";
import { type DeliverableType, type Method, PHASE_NUMBERS } from "../../../method/types.ts";
import { Card, Heading, Layout, Link, PageHeading, Paragraph, ScrollableTable, Section, Table } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { deliverableTypeHref, inLocale, milestoneAfter, milestoneHref, milestoneTitle, phaseHref, phaseTitle } from "./method-parts.tsx";

// Documents the method ties to no phase come after those of phase 8.
const phaseRank = (type: DeliverableType) => type.producedInPhase ?? PHASE_NUMBERS.length + 1;

export function MethodOverviewPage({ ctx, method }: { ctx: PageContext; method: Method }) {
  const { m } = ctx;
  const title = inLocale(ctx, method.name);
  const types = [...method.deliverableTypes].sort((a, b) => phaseRank(a) - phaseRank(b));
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading lead={format(m.method.overviewLead, { version: method.version })}>{title}</PageHeading>
      <Section id="sequence" title={m.method.sequenceHeading}>
        <ol className="stack-wide">
          {method.phases.map((phase) => {
            const milestone = milestoneAfter(method, phase);
            return (
              <li key={phase.number}>
                <Card>
                  <Heading level={3} data-size="sm">
                    <Link href={phaseHref(phase)}>{phaseTitle(ctx, phase)}</Link>
                  </Heading>
                  <Paragraph>{inLocale(ctx, phase.purpose)}</Paragraph>
                  <Heading level={3} data-size="xs">
                    <Link href={milestoneHref(milestone)}>{milestoneTitle(ctx, milestone)}</Link>
                  </Heading>
                  <Paragraph>{inLocale(ctx, milestone.summary)}</Paragraph>
                </Card>
              </li>
            );
          })}
        </ol>
      </Section>
      <Section id="deliverables" title={m.method.deliverablesHeading}>
        <Paragraph>{m.method.deliverablesIntro}</Paragraph>
        <ScrollableTable caption={m.method.deliverablesHeading}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{m.method.deliverable}</Table.HeaderCell>
              <Table.HeaderCell>{m.method.producedIn}</Table.HeaderCell>
              <Table.HeaderCell>{m.method.neededAt}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {types.map((type) => {
              const phase = type.producedInPhase === null ? null : phaseByNumber(method, type.producedInPhase);
              const numerals = method.milestones
                .filter((milestone) => milestone.basis.some((entry) => entry.deliverableTypeId === type.id))
                .map((milestone) => milestone.numeral);
              return (
                <Table.Row key={type.id}>
                  <Table.Cell>
                    <Link href={deliverableTypeHref(type)}>{inLocale(ctx, type.name)}</Link>
                  </Table.Cell>
                  <Table.Cell>{phase ? phaseTitle(ctx, phase) : m.method.noPhase}</Table.Cell>
                  <Table.Cell>{numerals.length ? numerals.join(", ") : m.method.noMilestone}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </ScrollableTable>
      </Section>
    </Layout>
  );
}
