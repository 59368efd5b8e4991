import type { MonthVolume, VolumeCounts, VolumeSeries, VolumeTotals } from "../../../domain/volumes/volume-series.ts";
import { format, type Locale } from "../../../i18n/index.ts";
import { DEFAULT_OPERATORS } from "../../../sandbox/recipients/scenarios.ts";
import { Layout, PageHeading, Paragraph, ScrollableTable, Section, Table, Tag } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { seriesLabel } from "./series-label.ts";

export const initiativeVolumesHref = (initiativeId: string) => `/initiatives/${initiativeId}/volumes`;

const COLUMNS = [
  "lookups",
  "deliveries",
  "delivered",
  "notDelivered",
  "faults",
  "timeouts",
  "refused",
] as const satisfies readonly (keyof VolumeCounts)[];

const intlLocale: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

/** "2026-05" as "maj 2026"; read at noon UTC on the 15th, it is that month in any time zone. */
const monthName = (locale: Locale, month: string) =>
  new Intl.DateTimeFormat(intlLocale[locale], { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-15T12:00:00Z`),
  );

const operatorName = (id: string) => DEFAULT_OPERATORS.find((o) => o.key === id)?.name ?? id;

/** The initiative's actual volumes, one section per series; a test series is tagged and named so in its heading. */
export function VolumesPage({
  ctx,
  initiative,
  series,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  series: readonly VolumeSeries[];
}) {
  const t = ctx.m.volumes;
  return (
    <Layout ctx={ctx} title={t.title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.lead}>{t.title}</PageHeading>
      {series.map((s, i) => (
        <SeriesSection key={`${s.kind}-${s.source}`} ctx={ctx} series={s} id={`series-${i + 1}`} />
      ))}
      {series.some((s) => s.kind === "production") ? null : <Paragraph>{t.noProduction}</Paragraph>}
    </Layout>
  );
}

function SeriesSection({ ctx, series, id }: { ctx: PageContext; series: VolumeSeries; id: string }) {
  const t = ctx.m.volumes;
  const label = seriesLabel(ctx.locale, series);
  const title = (
    <>
      {label} <Tag data-color={series.kind === "test" ? "warning" : "success"}>{series.kind === "test" ? t.testTag : t.productionTag}</Tag>
    </>
  );
  return (
    <Section id={id} title={title}>
      {series.kind === "test" ? <Paragraph>{t.testSeriesIntro}</Paragraph> : null}
      {series.kind === "test" && series.excludedLoadTestCalls > 0 ? (
        <Paragraph>{format(t.excludedLoadTests, { count: series.excludedLoadTestCalls })}</Paragraph>
      ) : null}
      {series.months.length ? (
        <>
          <MonthsTable ctx={ctx} label={label} months={series.months} totals={series.totals} />
          <OperatorsTable ctx={ctx} label={label} totals={series.totals} />
        </>
      ) : (
        <Paragraph>{t.noMonths}</Paragraph>
      )}
    </Section>
  );
}

function MonthsTable({
  ctx,
  label,
  months,
  totals,
}: {
  ctx: PageContext;
  label: string;
  months: readonly MonthVolume[];
  totals: VolumeTotals;
}) {
  const t = ctx.m.volumes;
  return (
    <ScrollableTable caption={format(t.monthsCaption, { label })} showCaption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.month}</Table.HeaderCell>
          {COLUMNS.map((c) => (
            <Table.HeaderCell key={c}>{t[c]}</Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {months.map((m) => (
          <Table.Row key={m.month}>
            <Table.HeaderCell scope="row">{monthName(ctx.locale, m.month)}</Table.HeaderCell>
            {COLUMNS.map((c) => (
              <Table.Cell key={c}>{m[c]}</Table.Cell>
            ))}
          </Table.Row>
        ))}
      </Table.Body>
      <Table.Foot>
        <Table.Row>
          <Table.HeaderCell scope="row">{t.total}</Table.HeaderCell>
          {COLUMNS.map((c) => (
            <Table.Cell key={c}>{totals[c]}</Table.Cell>
          ))}
        </Table.Row>
      </Table.Foot>
    </ScrollableTable>
  );
}

function OperatorsTable({ ctx, label, totals }: { ctx: PageContext; label: string; totals: VolumeTotals }) {
  const t = ctx.m.volumes;
  const operators = Object.entries(totals.byOperator).sort(([a], [b]) => a.localeCompare(b));
  if (!operators.length) return null;
  return (
    <ScrollableTable caption={format(t.operatorsCaption, { label })} showCaption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.operator}</Table.HeaderCell>
          <Table.HeaderCell>{t.deliveries}</Table.HeaderCell>
          <Table.HeaderCell>{t.delivered}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {operators.map(([id, v]) => (
          <Table.Row key={id}>
            <Table.HeaderCell scope="row">{operatorName(id)}</Table.HeaderCell>
            <Table.Cell>{v.deliveries}</Table.Cell>
            <Table.Cell>{v.delivered}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  );
}
