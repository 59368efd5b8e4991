import type { FlowView } from "../../../domain/flows/flow-view.ts";
import type { Forecast } from "../../../domain/forecast/forecast.ts";
import { format } from "../../../i18n/index.ts";
import { ForecastChart } from "../../charts/forecast-chart.tsx";
import {
  Details,
  FormErrorSummary,
  Heading,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SubmitButton,
  Table,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { FlowNav, flowHref, forecastHref, formatCount, formatShare } from "./flow-parts.tsx";

type Counts = { volume: number; digital: number; paper: number };

/** Sums of whole calendar years (a year cut by the period counts only its months in it). */
export function perYear<M extends Counts & { month: string }>(months: readonly M[]): (Counts & { year: string })[] {
  const years = new Map<string, Counts & { year: string }>();
  for (const m of months) {
    const year = m.month.slice(0, 4);
    const sum = years.get(year) ?? { year, volume: 0, digital: 0, paper: 0 };
    sum.volume += m.volume;
    sum.digital += m.digital;
    sum.paper += m.paper;
    years.set(year, sum);
  }
  return [...years.values()];
}

/** The period as typed into the GET form, shown again as typed. */
export type PeriodValues = { from: string; months: string };

/**
 * The volume forecast: a GET form for the period, the chart drawn on the server, and the same
 * figures as tables (per year, per month in a disclosure, and per flow), with the downloads.
 */
export function ForecastPage({
  ctx: pageCtx,
  initiative,
  forecast,
  flows,
  period,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  /** Absent when the period typed does not parse. */
  forecast: Forecast | null;
  flows: readonly FlowView[];
  period: PeriodValues;
  errors?: FormErrors | undefined;
}) {
  const ctx: PageContext = { ...pageCtx, m: { ...pageCtx.m, fieldErrors: { ...pageCtx.m.fieldErrors, ...pageCtx.m.flows.fieldErrors } } };
  const t = ctx.m.flows;
  const n = (x: number) => formatCount(ctx.locale, x);
  const title = format(t.forecastTitle, { initiative: initiative.name });
  // The page's own download routes: a browser signs in with a session, not a bearer token.
  const initiativeBase = `/initiatives/${initiative.id}`;
  const query = forecast ? `?from=${forecast.from}&months=${forecast.months.length}` : "";
  const first = forecast?.months[0]?.month ?? "";
  const last = forecast?.months.at(-1)?.month ?? "";
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.forecastLead}>{title}</PageHeading>
      <FlowNav ctx={ctx} initiativeId={initiative.id} current="forecast" />
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ from: t.from, months: t.months }} />
      <section aria-labelledby="period-heading" className="stack">
        <Heading level={2} data-size="sm" id="period-heading">
          {t.periodHeading}
        </Heading>
        <form method="get" action={forecastHref(initiative.id)} className="period-form" noValidate>
          <TextField ctx={ctx} name="from" label={t.from} hint={t.fromHint} value={period.from} errors={errors} width="short" />
          <TextField
            ctx={ctx}
            name="months"
            type="number"
            label={t.months}
            hint={t.monthsHint}
            value={period.months}
            errors={errors}
            width="short"
          />
          <div className="actions">
            <SubmitButton variant="secondary">{t.show}</SubmitButton>
          </div>
        </form>
      </section>
      {!forecast ? null : flows.length === 0 ? (
        <Paragraph>{t.noFlows}</Paragraph>
      ) : (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take focus to scroll by keyboard. */}
          <section className="chart-wrap" aria-label={t.chartRegion} tabIndex={0}>
            <ForecastChart
              months={forecast.months}
              formatNumber={n}
              labels={{
                title: format(t.chartTitle, { first, last }),
                desc: format(t.chartDesc, { max: n(Math.max(...forecast.months.map((m) => m.volume))) }),
                digital: t.digital,
                paper: t.paper,
              }}
            />
          </section>
          <CountsTable
            ctx={ctx}
            caption={t.perYearCaption}
            first={t.year}
            rows={perYear(forecast.months).map((y) => ({ key: y.year, ...y }))}
          />
          <Details>
            <Details.Summary>{format(t.perMonthSummary, { count: forecast.months.length })}</Details.Summary>
            <Details.Content>
              <CountsTable
                ctx={ctx}
                caption={t.perMonthCaption}
                first={t.month}
                rows={forecast.months.map((m) => ({ key: m.month, ...m }))}
              />
            </Details.Content>
          </Details>
          <section aria-labelledby="per-flow-heading" className="stack">
            <Heading level={2} data-size="md" id="per-flow-heading">
              {t.perFlowHeading}
            </Heading>
            {forecast.flows.map((ff) => {
              const flow = flows.find((f) => f.id === ff.flowId);
              const name = flow?.name ?? ff.flowId;
              return (
                <div key={ff.flowId} className="stack">
                  <Heading level={3} data-size="xs">
                    <Link href={flowHref(ff.flowId)}>{name}</Link>
                  </Heading>
                  <CountsTable
                    ctx={ctx}
                    caption={format(t.perFlowCaption, { name })}
                    first={t.year}
                    rows={perYear(ff.months).map((y) => ({ key: y.year, ...y }))}
                  />
                  <Details>
                    <Details.Summary>{format(t.perFlowMonths, { name })}</Details.Summary>
                    <Details.Content>
                      <ScrollableTable caption={format(t.perFlowMonths, { name })}>
                        <Table.Head>
                          <Table.Row>
                            <Table.HeaderCell>{t.month}</Table.HeaderCell>
                            <Table.HeaderCell className="numeric">{t.volume}</Table.HeaderCell>
                            <Table.HeaderCell className="numeric">{t.reachShare}</Table.HeaderCell>
                            <Table.HeaderCell className="numeric">{t.digital}</Table.HeaderCell>
                            <Table.HeaderCell className="numeric">{t.paper}</Table.HeaderCell>
                          </Table.Row>
                        </Table.Head>
                        <Table.Body>
                          {ff.months.map((m) => (
                            <Table.Row key={m.month}>
                              <Table.HeaderCell scope="row">{m.month}</Table.HeaderCell>
                              <Table.Cell className="numeric">{n(m.volume)}</Table.Cell>
                              <Table.Cell className="numeric">{formatShare(ctx.locale, m.reachShare)}</Table.Cell>
                              <Table.Cell className="numeric">{n(m.digital)}</Table.Cell>
                              <Table.Cell className="numeric">{n(m.paper)}</Table.Cell>
                            </Table.Row>
                          ))}
                        </Table.Body>
                      </ScrollableTable>
                    </Details.Content>
                  </Details>
                </div>
              );
            })}
          </section>
          <section aria-labelledby="downloads-heading" className="stack">
            <Heading level={2} data-size="md" id="downloads-heading">
              {t.downloadsHeading}
            </Heading>
            <ul>
              <li>
                <Link href={`${initiativeBase}/forecast.csv${query}`}>{t.downloadCsv}</Link>
              </li>
              <li>
                <Link href={`${initiativeBase}/forecast.xlsx${query}`}>{t.downloadXlsx}</Link>
              </li>
            </ul>
          </section>
        </>
      )}
    </Layout>
  );
}

function CountsTable({
  ctx,
  caption,
  first,
  rows,
}: {
  ctx: PageContext;
  caption: string;
  first: string;
  rows: readonly (Counts & { key: string })[];
}) {
  const t = ctx.m.flows;
  const n = (x: number) => formatCount(ctx.locale, x);
  return (
    <ScrollableTable caption={caption} showCaption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{first}</Table.HeaderCell>
          <Table.HeaderCell className="numeric">{t.volume}</Table.HeaderCell>
          <Table.HeaderCell className="numeric">{t.digital}</Table.HeaderCell>
          <Table.HeaderCell className="numeric">{t.paper}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={r.key}>
            <Table.HeaderCell scope="row">{r.key}</Table.HeaderCell>
            <Table.Cell className="numeric">{n(r.volume)}</Table.Cell>
            <Table.Cell className="numeric">{n(r.digital)}</Table.Cell>
            <Table.Cell className="numeric">{n(r.paper)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  );
}
