import type { BenefitGroup, NationalBenefits } from "../../../domain/portfolio/national-benefits.ts";
import { REALISATIONS } from "../../../domain/portfolio/national-benefits.ts";
import { format } from "../../../i18n/index.ts";
import { Heading, Layout, PageHeading, Paragraph, ScrollableTable, Table } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { formatValue } from "../benefits/benefit-form.tsx";
import { formatCount, formatSek } from "../flows/flow-parts.tsx";
import { PortfolioNav } from "./portfolio-nav.tsx";

type Labelled = { key: string; label: string; group: BenefitGroup };

/** How far the benefits got and who contributes: one row per category (beneficiary), then the total. */
function CountsTable({ ctx, caption, heading, rows }: { ctx: PageContext; caption: string; heading: string; rows: Labelled[] }) {
  const t = ctx.m.nationalBenefits;
  const n = (v: number) => formatCount(ctx.locale, v);
  return (
    <ScrollableTable caption={caption} showCaption zebra>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col">{heading}</Table.HeaderCell>
          <NumericHeaders
            labels={[t.benefits, ...REALISATIONS.map((r) => ctx.m.benefits.realisation[r]), t.initiatives, t.organisations, t.businessCase]}
          />
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map(({ key, label, group }) => (
          <Table.Row key={key} data-group={key}>
            <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
            <Table.Cell className="numeric">{n(group.benefits)}</Table.Cell>
            {REALISATIONS.map((r) => (
              <Table.Cell key={r} className="numeric">
                {n(group.realisation[r])}
              </Table.Cell>
            ))}
            <Table.Cell className="numeric">{n(group.initiatives)}</Table.Cell>
            <Table.Cell className="numeric">{n(group.organisations)}</Table.Cell>
            <Table.Cell className="numeric">{formatSek(ctx.locale, group.businessCaseExpectedSek)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  );
}

/** Column headers of numbers, right-aligned like their cells. */
function NumericHeaders({ labels }: { labels: readonly string[] }) {
  return (
    <>
      {labels.map((label) => (
        <Table.HeaderCell key={label} scope="col" className="numeric">
          {label}
        </Table.HeaderCell>
      ))}
    </>
  );
}

/** Expected against realised, summed within each unit: one row per category (beneficiary) and unit, then the total's. */
function ValuesTable({ ctx, caption, heading, rows }: { ctx: PageContext; caption: string; heading: string; rows: Labelled[] }) {
  const t = ctx.m.nationalBenefits;
  const v = (x: number) => formatValue(ctx.locale, x);
  const lines = rows.flatMap(({ key, label, group }) => group.units.map((u) => ({ key: `${key}:${u.unit}`, group: key, label, u })));
  if (!lines.length) return <Paragraph>{t.noValues}</Paragraph>;
  return (
    <ScrollableTable caption={caption} showCaption zebra>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col">{heading}</Table.HeaderCell>
          <Table.HeaderCell scope="col">{t.unit}</Table.HeaderCell>
          <NumericHeaders labels={[t.benefits, t.expected, t.measured, t.expectedOfMeasured, t.realised, t.gap]} />
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {lines.map(({ key, group, label, u }) => (
          <Table.Row key={key} data-group={group} data-unit={u.unit}>
            <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
            <Table.HeaderCell scope="row">{u.unit}</Table.HeaderCell>
            <Table.Cell className="numeric">{formatCount(ctx.locale, u.benefits)}</Table.Cell>
            <Table.Cell className="numeric">{v(u.expected)}</Table.Cell>
            <Table.Cell className="numeric">{formatCount(ctx.locale, u.measured)}</Table.Cell>
            <Table.Cell className="numeric">{u.measured ? v(u.expectedOfMeasured) : "–"}</Table.Cell>
            <Table.Cell className="numeric">{u.measured ? v(u.realised) : "–"}</Table.Cell>
            <Table.Cell className="numeric">{u.measured ? v(u.gap) : "–"}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  );
}

/** The förvaltningsgrupp's benefits across organisations: realised against expected, by category and by beneficiary. */
export function NationalBenefitsPage({ ctx, benefits }: { ctx: PageContext; benefits: NationalBenefits }) {
  const t = ctx.m.nationalBenefits;
  const { total } = benefits;
  const n = (v: number) => formatCount(ctx.locale, v);
  const totalRow: Labelled = { key: "total", label: t.total, group: total };
  const byCategory: Labelled[] = [
    ...benefits.byCategory.map((g) => ({
      key: g.category ?? "none",
      label: g.category ? ctx.m.benefits.categories[g.category] : t.notStated,
      group: g,
    })),
    totalRow,
  ];
  const byBeneficiary: Labelled[] = [
    ...benefits.byBeneficiary.map((g) => ({
      key: g.beneficiary ?? "none",
      label: g.beneficiary ? ctx.m.benefits.beneficiaries[g.beneficiary] : t.notStated,
      group: g,
    })),
    totalRow,
  ];
  const sections = [
    {
      id: "by-category",
      heading: t.byCategoryHeading,
      column: t.category,
      counts: t.categoryCountsCaption,
      values: t.categoryValuesCaption,
      rows: byCategory,
    },
    {
      id: "by-beneficiary",
      heading: t.byBeneficiaryHeading,
      column: t.beneficiary,
      counts: t.beneficiaryCountsCaption,
      values: t.beneficiaryValuesCaption,
      rows: byBeneficiary,
    },
  ];
  return (
    <Layout ctx={ctx} title={t.title}>
      <PageHeading lead={t.lead}>{t.title}</PageHeading>
      <PortfolioNav ctx={ctx} current="/portfolio/benefits" />
      {total.initiatives === 0 ? (
        <Paragraph>{t.none}</Paragraph>
      ) : (
        <>
          <Paragraph data-testid="national-benefits-summary">
            {format(t.summary, {
              benefits: n(total.benefits),
              initiatives: n(total.initiatives),
              organisations: n(total.organisations),
              realiserad: n(total.realisation.realiserad),
              delvis: n(total.realisation.delvis),
              ej_realiserad: n(total.realisation.ej_realiserad),
              ej_matt: n(total.realisation.ej_matt),
            })}
          </Paragraph>
          <Paragraph>{t.valuesIntro}</Paragraph>
          {total.notSummed ? <Paragraph>{format(t.notSummed, { count: n(total.notSummed) })}</Paragraph> : null}
          <Paragraph>{t.businessCaseNote}</Paragraph>
          {sections.map((s) => (
            <section key={s.id} aria-labelledby={`${s.id}-heading`} className="stack-wide">
              <Heading level={2} data-size="md" id={`${s.id}-heading`}>
                {s.heading}
              </Heading>
              <CountsTable ctx={ctx} caption={s.counts} heading={s.column} rows={s.rows} />
              <ValuesTable ctx={ctx} caption={s.values} heading={s.column} rows={s.rows} />
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}
