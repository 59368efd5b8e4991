import { ORGANISATION_KINDS } from "../../../domain/access/roles.ts";
import { RECIPIENT_TYPES } from "../../../domain/forecast/reach-curve.ts";
import type { NationalForecast } from "../../../domain/portfolio/national-forecast.ts";
import { byYear, type PlanQuarter } from "../../../domain/portfolio/national-plan.ts";
import type { VolumePlan } from "../../../domain/portfolio/national-volume-plan.ts";
import type { PhaseLeadTime } from "../../../domain/portfolio/process-metrics.ts";
import { format } from "../../../i18n/index.ts";
import { phaseByNumber } from "../../../method/lookup.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";
import { QuarterChart } from "../../charts/quarter-chart.tsx";
import { Heading, Layout, PageHeading, Paragraph, ScrollableTable, Table } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { formatCount } from "../flows/flow-parts.tsx";
import { PortfolioNav } from "./portfolio-nav.tsx";
import { VolumePlanSection } from "./volume-plan-section.tsx";

/** A table of yearly sums: one row per year, one column per series. */
function YearTable({
  ctx,
  caption,
  series,
}: {
  ctx: PageContext;
  caption: string;
  series: { label: string; years: { year: string; value: number }[] }[];
}) {
  const t = ctx.m.nationalPlan;
  const years = series[0]?.years.map((y) => y.year) ?? [];
  return (
    <ScrollableTable caption={caption} zebra>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.year}</Table.HeaderCell>
          {series.map((s) => (
            <Table.HeaderCell key={s.label} className="numeric">
              {s.label}
            </Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {years.map((year, i) => (
          <Table.Row key={year}>
            <Table.HeaderCell scope="row">{year}</Table.HeaderCell>
            {series.map((s) => (
              <Table.Cell key={s.label} className="numeric">
                {formatCount(ctx.locale, s.years[i]?.value ?? 0)}
              </Table.Cell>
            ))}
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  );
}

/** Lead time per phase: where connections move and where they wait. */
function LeadTimes({ ctx, metrics }: { ctx: PageContext; metrics: PhaseLeadTime[] }) {
  const t = ctx.m.nationalPlan;
  const days = (v: number | null) => (v === null ? "–" : formatCount(ctx.locale, Math.round(v)));
  return (
    <section aria-labelledby="lead-times-heading" className="stack-wide">
      <Heading level={2} data-size="md" id="lead-times-heading">
        {t.leadTimesHeading}
      </Heading>
      <Paragraph>{t.leadTimesIntro}</Paragraph>
      <ScrollableTable caption={t.leadTimesCaption} zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.phase}</Table.HeaderCell>
            <Table.HeaderCell className="numeric">{t.doneCount}</Table.HeaderCell>
            <Table.HeaderCell className="numeric">{t.median}</Table.HeaderCell>
            <Table.HeaderCell className="numeric">{t.quartiles}</Table.HeaderCell>
            <Table.HeaderCell className="numeric">{t.nowCount}</Table.HeaderCell>
            <Table.HeaderCell className="numeric">{t.nowMedian}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {metrics.map((p) => (
            <Table.Row key={p.phase} data-phase={p.phase}>
              <Table.HeaderCell scope="row">
                {format(t.phaseToMilestone, {
                  number: p.phase,
                  name: phaseByNumber(methodV12, p.phase).name[ctx.locale],
                  milestone: p.milestone,
                })}
              </Table.HeaderCell>
              <Table.Cell className="numeric">{formatCount(ctx.locale, p.completed.count)}</Table.Cell>
              <Table.Cell className="numeric">{days(p.completed.median)}</Table.Cell>
              <Table.Cell className="numeric">
                {p.completed.count ? format(t.quartileRange, { q1: days(p.completed.q1), q3: days(p.completed.q3) }) : "–"}
              </Table.Cell>
              <Table.Cell className="numeric">{formatCount(ctx.locale, p.inProgress.count)}</Table.Cell>
              <Table.Cell className="numeric">{days(p.inProgress.median)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollableTable>
    </section>
  );
}

/** The förvaltningsgrupp's national plan: production starts per quarter, the volume plan and the forecast by kind and recipient type, drawn and in tables. */
export function NationalPlanPage({
  ctx,
  quarters,
  forecast,
  metrics,
  volumePlan,
}: {
  ctx: PageContext;
  quarters: PlanQuarter[];
  forecast: NationalForecast;
  metrics: PhaseLeadTime[];
  volumePlan: VolumePlan;
}) {
  const t = ctx.m.nationalPlan;
  const n = (v: number) => formatCount(ctx.locale, v);
  const digitalOf = (months: readonly { month: string; digital: number }[] | undefined) =>
    byYear(months ?? forecast.months.map((m) => ({ month: m.month, digital: 0 })), (m) => m.digital);
  return (
    <Layout ctx={ctx} title={t.title}>
      <PageHeading lead={t.lead}>{t.title}</PageHeading>
      <PortfolioNav ctx={ctx} current="/portfolio/plan" />
      <section aria-labelledby="quarters-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="quarters-heading">
          {t.quartersHeading}
        </Heading>
        <Paragraph>{t.quartersIntro}</Paragraph>
        {quarters.length ? (
          <>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take focus to scroll by keyboard. */}
            <section className="chart-wrap" aria-label={t.quartersChartRegion} tabIndex={0}>
              <QuarterChart
                quarters={quarters.map((q) => ({ quarter: q.quarter, count: q.total }))}
                title={format(t.quartersChartTitle, { first: quarters[0]!.quarter, last: quarters.at(-1)!.quarter })}
                desc={format(t.quartersChartDesc, { max: n(Math.max(...quarters.map((q) => q.total))) })}
                formatNumber={n}
              />
            </section>
            <ScrollableTable caption={t.quartersCaption} zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.quarter}</Table.HeaderCell>
                  {ORGANISATION_KINDS.map((k) => (
                    <Table.HeaderCell key={k} className="numeric">
                      {ctx.m.portfolio.kindsPlural[k]}
                    </Table.HeaderCell>
                  ))}
                  <Table.HeaderCell className="numeric">{t.total}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {quarters.map((q) => (
                  <Table.Row key={q.quarter} data-quarter={q.quarter}>
                    <Table.HeaderCell scope="row">{q.quarter}</Table.HeaderCell>
                    {ORGANISATION_KINDS.map((k) => (
                      <Table.Cell key={k} className="numeric">
                        {n(q.byKind[k])}
                      </Table.Cell>
                    ))}
                    <Table.Cell className="numeric">{n(q.total)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </ScrollableTable>
          </>
        ) : (
          <Paragraph>{t.noQuarters}</Paragraph>
        )}
      </section>
      <VolumePlanSection ctx={ctx} plan={volumePlan} />
      {/* The current forecast per month, and its totals per year, are the volume plan's "Aktuell prognos"
          above; drawn and tabled here as well they were the same figures twice (issue 16). What only this
          section has is each year by organisation kind and by recipient type. */}
      <section aria-labelledby="national-forecast-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="national-forecast-heading">
          {t.forecastHeading}
        </Heading>
        <Paragraph>{format(t.forecastIntro, { from: forecast.from })}</Paragraph>
        <YearTable
          ctx={ctx}
          caption={t.byKindCaption}
          series={ORGANISATION_KINDS.map((k) => ({ label: ctx.m.portfolio.kindsPlural[k], years: digitalOf(forecast.byKind[k]) }))}
        />
        <YearTable
          ctx={ctx}
          caption={t.byTypeCaption}
          series={RECIPIENT_TYPES.map((r) => ({ label: t.recipientTypes[r], years: digitalOf(forecast.byRecipientType[r]) }))}
        />
      </section>
      <LeadTimes ctx={ctx} metrics={metrics} />
    </Layout>
  );
}
