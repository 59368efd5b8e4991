import { ORGANISATION_KINDS } from "../../../domain/access/roles.ts";
import type { Counts } from "../../../domain/forecast/forecast.ts";
import { RECIPIENT_TYPES } from "../../../domain/forecast/reach-curve.ts";
import type { VolumePlan, VolumePlanMonth } from "../../../domain/portfolio/national-volume-plan.ts";
import { format } from "../../../i18n/index.ts";
import { PLAN_SERIES, type PlanSeries, VolumePlanChart } from "../../charts/volume-plan-chart.tsx";
import { Heading, Link, Paragraph, ScrollableTable, Table } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { formatCount } from "../flows/flow-parts.tsx";

/** A series' sum over some months; null when none of them has a figure (actuals of months not yet begun). */
function sumOf(months: readonly VolumePlanMonth[], series: PlanSeries, key: keyof Counts): number | null {
  const figures = months.flatMap((m) => (m[series] ? [m[series][key]] : []));
  return figures.length ? figures.reduce((s, n) => s + n, 0) : null;
}

/** The four series as columns, one row per label: years, organisation kinds or recipient types. */
function SeriesTable({
  ctx,
  caption,
  rowHeader,
  rows,
  value,
}: {
  ctx: PageContext;
  caption: string;
  rowHeader: string;
  rows: { key: string; label: string; months: readonly VolumePlanMonth[] }[];
  value: keyof Counts;
}) {
  const t = ctx.m.volumePlan;
  const n = (v: number | null) => (v === null ? t.notYet : formatCount(ctx.locale, v));
  return (
    <ScrollableTable caption={caption} showCaption zebra>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell scope="col">{rowHeader}</Table.HeaderCell>
          {PLAN_SERIES.map((s) => (
            <Table.HeaderCell key={s} scope="col" className="numeric">
              {t[s]}
            </Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.key} data-row={row.key}>
            <Table.HeaderCell scope="row">{row.label}</Table.HeaderCell>
            {PLAN_SERIES.map((s) => (
              <Table.Cell key={s} className="numeric">
                {n(sumOf(row.months, s, value))}
              </Table.Cell>
            ))}
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  );
}

/** The months of `plan` grouped by calendar year, in order. */
function years(months: readonly VolumePlanMonth[]) {
  const byYear = new Map<string, VolumePlanMonth[]>();
  for (const m of months) byYear.set(m.month.slice(0, 4), [...(byYear.get(m.month.slice(0, 4)) ?? []), m]);
  return [...byYear].map(([year, ms]) => ({ key: year, label: year, months: ms }));
}

/**
 * The national volume plan on the national plan page: the four series drawn per month, the same
 * figures per year in tables (digital, and all messages), and the period's digital messages per
 * organisation kind and recipient type. A series with no figures for a row (actuals ahead) shows "–".
 */
export function VolumePlanSection({ ctx, plan }: { ctx: PageContext; plan: VolumePlan }) {
  const t = ctx.m.volumePlan;
  const n = (v: number) => formatCount(ctx.locale, v);
  // The axis in short figures ("16 mn"), so its labels fit the margin; the tables carry the exact numbers.
  const compact = new Intl.NumberFormat(ctx.locale === "sv" ? "sv-SE" : "en-GB", { notation: "compact", maximumFractionDigits: 1 });
  const first = plan.months[0]?.month ?? plan.from;
  // The month under way: the last one with actuals (null only for months not yet begun).
  const underWay = plan.months.reduce<string | null>((last, m) => (m.actual === null ? last : m.month), null);
  const last = plan.months.at(-1)?.month ?? plan.from;
  // A kind or recipient type nobody has: zero in every series, actuals still only for months begun.
  const zero = () => ({ volume: 0, digital: 0, paper: 0 });
  const empty = plan.months.map((m) => ({
    month: m.month,
    current: zero(),
    baseline: zero(),
    reforecast: zero(),
    actual: m.actual && zero(),
  }));
  const max = Math.max(0, ...plan.months.flatMap((m) => PLAN_SERIES.map((s) => m[s]?.digital ?? 0)));
  return (
    <section aria-labelledby="volume-plan-heading" className="stack-wide">
      <Heading level={2} data-size="md" id="volume-plan-heading">
        {t.heading}
      </Heading>
      <Paragraph>{format(t.intro, { first, last })}</Paragraph>
      <Paragraph>{t.reforecastNote}</Paragraph>
      <Paragraph>
        {format(t.coverage, {
          baselines: n(plan.initiatives.withBaseline),
          reforecasts: n(plan.initiatives.withReforecast),
          fromBaseline: n(plan.initiatives.estimateIsBaseline),
          actuals: n(plan.initiatives.withActuals),
        })}
      </Paragraph>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take focus to scroll by keyboard. */}
      <section className="chart-wrap" aria-label={t.chartRegion} tabIndex={0}>
        <VolumePlanChart
          months={plan.months.map((m) => ({
            month: m.month,
            current: m.current.digital,
            baseline: m.baseline.digital,
            reforecast: m.reforecast.digital,
            // Actuals are reported after the month: the month under way, nothing reported yet, is not a fall to zero.
            actual: m.actual === null || (m.month === underWay && m.actual.volume === 0) ? null : m.actual.digital,
          }))}
          formatNumber={(v) => compact.format(v)}
          labels={{
            title: format(t.chartTitle, { first, last }),
            desc: format(t.chartDesc, { max: n(max) }),
            current: t.current,
            baseline: t.baseline,
            reforecast: t.reforecast,
            actual: t.actual,
          }}
        />
      </section>
      <SeriesTable ctx={ctx} caption={t.digitalCaption} rowHeader={t.year} rows={years(plan.months)} value="digital" />
      <SeriesTable ctx={ctx} caption={t.volumeCaption} rowHeader={t.year} rows={years(plan.months)} value="volume" />
      <SeriesTable
        ctx={ctx}
        caption={format(t.byKindCaption, { first, last })}
        rowHeader={t.kind}
        rows={ORGANISATION_KINDS.map((k) => ({ key: k, label: ctx.m.portfolio.kindsPlural[k], months: plan.byKind[k] ?? empty }))}
        value="digital"
      />
      <SeriesTable
        ctx={ctx}
        caption={format(t.byTypeCaption, { first, last })}
        rowHeader={t.recipientType}
        rows={RECIPIENT_TYPES.map((r) => ({
          key: r,
          label: ctx.m.nationalPlan.recipientTypes[r],
          months: plan.byRecipientType[r] ?? empty,
        }))}
        value="digital"
      />
      <Paragraph>
        <Link href={`/api/v1/portfolio/volume-plan.csv?from=${plan.from}&months=${plan.months.length}`}>{t.download}</Link>
      </Paragraph>
    </section>
  );
}
