import type { RiskView } from "../../../domain/risks/risk-register.ts";
import { countedCells, heatMap } from "../../../domain/risks/risk-score.ts";
import { format, formatDate } from "../../../i18n/index.ts";
import { RiskHeatMap } from "../../charts/risk-heat-map.tsx";
import { Heading, Layout, Link, PageHeading, Paragraph, ScrollableTable, Table, Tag } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { newRiskHref, riskHref } from "../value/value-hrefs.ts";
import { ValueNav } from "../value/value-nav.tsx";

/**
 * The risk and vulnerability analysis of an initiative: the register (highest score first, an
 * overdue review said in words, not only in colour) and the 5×5 heat map of the open risks, drawn
 * on the server with the same counts in a table beside it.
 */
export function RisksPage({
  ctx,
  initiative,
  risks,
  canManage,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  risks: readonly RiskView[];
  canManage: boolean;
}) {
  const t = ctx.m.risks;
  const title = format(t.pageTitle, { initiative: initiative.name });
  const cells = heatMap(risks);
  const open = cells.flat().reduce((n, c) => n + c.risks.length, 0);
  const date = (d: string) => formatDate(ctx.locale, `${d}T12:00:00Z`);
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.lead}>{title}</PageHeading>
      <ValueNav ctx={ctx} initiativeId={initiative.id} current="risks" />
      <section aria-labelledby="register-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="register-heading">
          {t.registerHeading}
        </Heading>
        {canManage ? (
          <Paragraph>
            <Link href={newRiskHref(initiative.id)}>{t.add}</Link>
          </Paragraph>
        ) : (
          <Paragraph>{t.readOnly}</Paragraph>
        )}
        {risks.length ? (
          <ScrollableTable caption={t.registerCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.columns.title}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.category}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.probability}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.consequence}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.score}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.level}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.owner}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.mitigation}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.status}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.reviewDate}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {risks.map((r) => (
                <Table.Row key={r.id} data-risk={r.id}>
                  <Table.HeaderCell scope="row">
                    <Link href={riskHref(r.id)}>{r.title}</Link>
                  </Table.HeaderCell>
                  <Table.Cell>{t.categories[r.category]}</Table.Cell>
                  <Table.Cell className="numeric">{r.probability}</Table.Cell>
                  <Table.Cell className="numeric">{r.consequence}</Table.Cell>
                  <Table.Cell className="numeric">{r.score}</Table.Cell>
                  <Table.Cell>{t.levels[r.level]}</Table.Cell>
                  <Table.Cell>{r.owner || t.noOwner}</Table.Cell>
                  <Table.Cell>{r.mitigation || t.notGiven}</Table.Cell>
                  <Table.Cell>{t.statuses[r.status]}</Table.Cell>
                  <Table.Cell>
                    {r.reviewDate ? date(r.reviewDate) : t.noReview}
                    {r.reviewOverdue ? (
                      <>
                        {" "}
                        <Tag data-color="danger">{t.overdue}</Tag>
                      </>
                    ) : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : (
          <Paragraph>{t.none}</Paragraph>
        )}
      </section>
      <section aria-labelledby="heat-map-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="heat-map-heading">
          {t.heatMapHeading}
        </Heading>
        <Paragraph>{t.heatMapExplained}</Paragraph>
        <div className="risk-heat-map-layout">
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take focus to scroll by keyboard. */}
          <section className="chart-wrap" aria-label={t.heatMapHeading} tabIndex={0}>
            <RiskHeatMap
              cells={countedCells(cells)}
              labels={{
                title: format(t.heatMapTitle, { initiative: initiative.name }),
                desc: format(t.heatMapDesc, { count: open }),
                probability: t.probabilityAxis,
                consequence: t.consequenceAxis,
                level: (l) => t.levels[l],
                count: (n) => format(t.heatMapCount, { count: n }),
              }}
            />
          </section>
          <ScrollableTable caption={t.heatMapTableCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.heatMapCorner}</Table.HeaderCell>
                {(cells[0] ?? []).map((c) => (
                  <Table.HeaderCell scope="col" key={c.consequence}>
                    {c.consequence}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {cells.map((row) => (
                <Table.Row key={row[0]?.probability}>
                  <Table.HeaderCell scope="row">{row[0]?.probability}</Table.HeaderCell>
                  {row.map((c) => (
                    <Table.Cell key={c.consequence} data-cell={`${c.probability}-${c.consequence}`}>
                      {format(t.heatMapCell, { count: c.risks.length, level: t.levels[c.level] })}
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        </div>
      </section>
    </Layout>
  );
}
