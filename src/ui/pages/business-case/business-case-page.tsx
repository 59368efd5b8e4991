import type { BusinessCaseYear, Scenario } from "../../../domain/business-case/business-case.ts";
import type { BenefitLine, CostLine } from "../../../domain/business-case/business-case-input.ts";
import type { ComputedBenefitYear } from "../../../domain/business-case/computed-benefits.ts";
import type { Sensitivity } from "../../../domain/business-case/sensitivity.ts";
import { TORNADO_MAX_BARS } from "../../../domain/business-case/sensitivity.ts";
import type { TacticKind } from "../../../domain/tactics/tactic-input.ts";
import { format, formatDateTime } from "../../../i18n/index.ts";
import { TornadoChart } from "../../charts/tornado-chart.tsx";
import {
  Form,
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
import { flowHref, tacticsHref } from "../flows/flow-hrefs.ts";
import { formatCount, formatSek } from "../flows/flow-parts.tsx";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { businessCaseHref, businessCaseXlsxHref } from "../value/value-hrefs.ts";
import { ValueNav } from "../value/value-nav.tsx";
import { type BusinessCaseFormValues, LinesTable, lineFieldLabels, lineFormRow, ReadOnlyLines } from "./business-case-lines.tsx";
import { businessCaseFormContext, formatDecimal, formNumberText, HowCalculated, sensitivityLabel } from "./business-case-parts.tsx";

export type BusinessCaseView = {
  initiative: { id: string; name: string };
  startYear: number;
  horizonYears: number;
  discountRate: number;
  years: BusinessCaseYear[];
  scenarios: Record<Scenario, { npv: number; paybackYear: number | null; years: BusinessCaseYear[] }>;
  costs: readonly CostLine[];
  benefits: readonly BenefitLine[];
  computed: readonly ComputedBenefitYear[];
  sensitivity: Sensitivity;
  tactics: readonly { alternativeId: string; name: string; kind: TacticKind; npv: number; paybackYear: number | null }[];
  updatedAt: string | null;
  canManage: boolean;
};

/** What the form shows before it is changed: the stated case as the locale writes numbers. */
export const businessCaseFormValues = (view: BusinessCaseView, locale: PageContext["locale"]): BusinessCaseFormValues => ({
  startYear: String(view.startYear),
  horizonYears: String(view.horizonYears),
  discountRate: formNumberText(locale, view.discountRate * 100, 3),
  costs: view.costs.map((l) => lineFormRow(locale, l)),
  benefits: view.benefits.map((l) => lineFormRow(locale, l)),
});

const SCENARIO_ORDER: readonly Scenario[] = ["low", "expected", "high"];

function Results({ ctx, view }: { ctx: PageContext; view: BusinessCaseView }) {
  const t = ctx.m.businessCase;
  const sek = (n: number) => formatSek(ctx.locale, n);
  const rate = `${formatDecimal(ctx.locale, view.discountRate * 100, 3)} %`;
  const paybackText = (y: number | null) => (y === null ? t.noPayback : String(y));
  let cumulative = 0;
  const cumulativeByYear = view.years.map((y) => {
    cumulative += y.net;
    return Math.round(cumulative * 100) / 100;
  });
  const first = view.years[0];
  return (
    <section aria-labelledby="results-heading" className="stack-wide">
      <Heading level={2} data-size="md" id="results-heading">
        {t.resultsHeading}
      </Heading>
      <ScrollableTable caption={t.scenariosCaption}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.scenarioColumn}</Table.HeaderCell>
            <Table.HeaderCell>{t.npvColumn}</Table.HeaderCell>
            <Table.HeaderCell>{t.paybackColumn}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {SCENARIO_ORDER.map((s) => (
            <Table.Row key={s} data-scenario={s}>
              <Table.HeaderCell scope="row">{t.scenarios[s]}</Table.HeaderCell>
              <Table.Cell>{sek(view.scenarios[s].npv)}</Table.Cell>
              <Table.Cell>{paybackText(view.scenarios[s].paybackYear)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollableTable>
      <HowCalculated ctx={ctx}>
        <Paragraph>
          {format(t.npvExplained, { rate, rateNumber: formatDecimal(ctx.locale, view.discountRate, 5), startYear: view.startYear })}
        </Paragraph>
        <ul>
          {view.years.map((y) => {
            const factor = (1 + view.discountRate) ** (y.year - view.startYear);
            return (
              <li key={y.year}>
                {format(t.npvTerm, {
                  year: y.year,
                  net: sek(y.net),
                  factor: formatDecimal(ctx.locale, factor, 4),
                  value: sek(Math.round((y.net / factor) * 100) / 100),
                })}
              </li>
            );
          })}
        </ul>
        <Paragraph>{format(t.npvSum, { npv: sek(view.scenarios.expected.npv) })}</Paragraph>
        <Paragraph>{t.paybackExplained}</Paragraph>
        <ul>
          {view.years.map((y, i) => (
            <li key={y.year}>{format(t.paybackTerm, { year: y.year, cumulative: sek(cumulativeByYear[i] ?? 0) })}</li>
          ))}
        </ul>
        <Paragraph>{t.scenariosExplained}</Paragraph>
      </HowCalculated>
      <ScrollableTable caption={t.yearsCaption}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.yearColumn}</Table.HeaderCell>
            <Table.HeaderCell>{t.costsColumn}</Table.HeaderCell>
            <Table.HeaderCell>{t.benefitsColumn}</Table.HeaderCell>
            <Table.HeaderCell>{t.computedColumn}</Table.HeaderCell>
            <Table.HeaderCell>{t.netColumn}</Table.HeaderCell>
            <Table.HeaderCell>{t.cumulativeColumn}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {view.years.map((y, i) => (
            <Table.Row key={y.year} data-year={y.year}>
              <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
              <Table.Cell>{sek(y.costs)}</Table.Cell>
              <Table.Cell>{sek(y.benefits)}</Table.Cell>
              <Table.Cell>{sek(y.computedBenefits)}</Table.Cell>
              <Table.Cell>{sek(y.net)}</Table.Cell>
              <Table.Cell>{sek(cumulativeByYear[i] ?? 0)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollableTable>
      {first ? (
        <HowCalculated ctx={ctx}>
          <Paragraph>
            {format(t.netExplained, {
              year: first.year,
              benefits: sek(first.benefits),
              computed: sek(first.computedBenefits),
              costs: sek(first.costs),
              net: sek(first.net),
            })}
          </Paragraph>
        </HowCalculated>
      ) : null}
    </section>
  );
}

type FlowTotal = {
  flowId: string;
  name: string;
  costPerLetterSek: number;
  firstYear: number;
  lastYear: number;
  digital: number;
  low: number;
  expected: number;
  high: number;
};

function ComputedBenefits({ ctx, view }: { ctx: PageContext; view: BusinessCaseView }) {
  const t = ctx.m.businessCase;
  const sek = (n: number) => formatSek(ctx.locale, n);
  const count = (n: number) => formatCount(ctx.locale, n);
  // One row per flow over the whole horizon: a 50-flow, 15-year case would otherwise be 750 rows. The
  // years are in the results table above, and per flow and year in the XLSX.
  const byFlow = new Map<string, FlowTotal>();
  let example: (BusinessCaseView["computed"][number]["flows"][number] & { year: number }) | undefined;
  for (const y of view.computed) {
    for (const f of y.flows) {
      // The first flow-year with digital messages explains the arithmetic (or the first at all).
      if (!example || (example.digital.expected === 0 && f.digital.expected > 0)) example = { year: y.year, ...f };
      let total = byFlow.get(f.flowId);
      if (!total) {
        total = {
          flowId: f.flowId,
          name: f.name,
          costPerLetterSek: f.costPerLetterSek,
          firstYear: y.year,
          lastYear: y.year,
          digital: 0,
          low: 0,
          expected: 0,
          high: 0,
        };
        byFlow.set(f.flowId, total);
      }
      total.lastYear = y.year;
      total.digital += f.digital.expected;
      total.low += f.amount.low;
      total.expected += f.amount.expected;
      total.high += f.amount.high;
    }
  }
  const rows = [...byFlow.values()].sort((a, b) => b.expected - a.expected);
  return (
    <section aria-labelledby="computed-heading" className="stack-wide">
      <Heading level={2} data-size="md" id="computed-heading">
        {t.computedHeading}
      </Heading>
      <Paragraph>{t.computedLead}</Paragraph>
      {rows.length ? (
        <>
          <ScrollableTable caption={t.computedCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.flowColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.yearsColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.digitalColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.costPerLetterColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.lowColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.expectedColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.highColumn}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((r) => (
                <Table.Row key={r.flowId}>
                  <Table.HeaderCell scope="row">
                    <Link href={flowHref(r.flowId)}>{r.name}</Link>
                  </Table.HeaderCell>
                  <Table.Cell>{r.firstYear === r.lastYear ? r.firstYear : `${r.firstYear}–${r.lastYear}`}</Table.Cell>
                  <Table.Cell>{count(r.digital)}</Table.Cell>
                  <Table.Cell>{sek(r.costPerLetterSek)}</Table.Cell>
                  <Table.Cell>{sek(r.low)}</Table.Cell>
                  <Table.Cell>{sek(r.expected)}</Table.Cell>
                  <Table.Cell>{sek(r.high)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
          {example ? (
            <HowCalculated ctx={ctx}>
              <Paragraph>
                {format(t.computedExplained, {
                  flow: example.name,
                  year: example.year,
                  digital: count(example.digital.expected),
                  price: sek(example.costPerLetterSek),
                  amount: sek(example.amount.expected),
                  lowDigital: count(example.digital.low),
                  highDigital: count(example.digital.high),
                })}
              </Paragraph>
            </HowCalculated>
          ) : null}
        </>
      ) : (
        <Paragraph>{t.noComputed}</Paragraph>
      )}
    </section>
  );
}

function SensitivitySection({ ctx, view }: { ctx: PageContext; view: BusinessCaseView }) {
  const t = ctx.m.businessCase;
  const sek = (n: number) => formatSek(ctx.locale, n);
  const rows = view.sensitivity.rows.map((r) => ({ ...r, label: sensitivityLabel(ctx, r.input) }));
  const top = rows[0];
  return (
    <section aria-labelledby="sensitivity-heading" className="stack-wide">
      <Heading level={2} data-size="md" id="sensitivity-heading">
        {t.sensitivityHeading}
      </Heading>
      <Paragraph>{t.sensitivityLead}</Paragraph>
      {rows.length ? (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take focus to scroll by keyboard. */}
          <section className="chart-wrap" aria-label={t.chartTitle} tabIndex={0}>
            <TornadoChart
              rows={rows}
              baseNpv={view.sensitivity.baseNpv}
              labels={{
                title: t.chartTitle,
                desc: format(t.chartDesc, { base: sek(view.sensitivity.baseNpv) }),
                down: t.chartDown,
                up: t.chartUp,
              }}
              // The axis ends are whole kronor: öre on a scale of hundreds of thousands is noise.
              formatNumber={(n) => sek(Math.round(n))}
            />
          </section>
          {rows.length > TORNADO_MAX_BARS ? (
            <Paragraph data-size="sm">{format(t.chartTopOnly, { count: TORNADO_MAX_BARS, total: rows.length })}</Paragraph>
          ) : null}
          <ScrollableTable caption={t.sensitivityCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.inputColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.downColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.upColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.swingColumn}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((r) => (
                <Table.Row key={r.label}>
                  <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
                  <Table.Cell>{sek(r.npvDown)}</Table.Cell>
                  <Table.Cell>{sek(r.npvUp)}</Table.Cell>
                  <Table.Cell>{sek(r.swing)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
          {top ? (
            <HowCalculated ctx={ctx}>
              <Paragraph>
                {format(t.sensitivityExplained, {
                  base: sek(view.sensitivity.baseNpv),
                  input: top.label,
                  down: sek(top.npvDown),
                  up: sek(top.npvUp),
                })}
              </Paragraph>
            </HowCalculated>
          ) : null}
        </>
      ) : (
        <Paragraph>{t.noSensitivity}</Paragraph>
      )}
    </section>
  );
}

function TacticsSection({ ctx, view }: { ctx: PageContext; view: BusinessCaseView }) {
  const t = ctx.m.businessCase;
  const sek = (n: number) => formatSek(ctx.locale, n);
  return (
    <section aria-labelledby="tactics-heading" className="stack-wide">
      <Heading level={2} data-size="md" id="tactics-heading">
        {t.tacticsHeading}
      </Heading>
      <Paragraph>{t.tacticsLead}</Paragraph>
      {view.tactics.length ? (
        <>
          <ScrollableTable caption={t.tacticsCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.alternativeColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.tacticColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.npvColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.paybackColumn}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {view.tactics.map((a) => (
                <Table.Row key={a.alternativeId}>
                  <Table.HeaderCell scope="row">{a.name}</Table.HeaderCell>
                  <Table.Cell>{ctx.m.tactics.kinds[a.kind]}</Table.Cell>
                  <Table.Cell>{sek(a.npv)}</Table.Cell>
                  <Table.Cell>{a.paybackYear === null ? t.noPayback : a.paybackYear}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
          <HowCalculated ctx={ctx}>
            <Paragraph>
              {format(t.tacticsExplained, { rateNumber: formatDecimal(ctx.locale, view.discountRate, 5), startYear: view.startYear })}
            </Paragraph>
          </HowCalculated>
        </>
      ) : (
        <Paragraph>{t.noTactics}</Paragraph>
      )}
      <Paragraph>
        <Link href={tacticsHref(view.initiative.id)}>{t.tacticsLink}</Link>
      </Paragraph>
    </section>
  );
}

function Inputs({
  ctx,
  view,
  values,
  errors,
}: {
  ctx: PageContext;
  view: BusinessCaseView;
  values: BusinessCaseFormValues;
  errors: FormErrors | undefined;
}) {
  const t = ctx.m.businessCase;
  if (!view.canManage)
    return (
      <section aria-labelledby="input-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="input-heading">
          {t.inputHeading}
        </Heading>
        <Paragraph>{t.readOnly}</Paragraph>
        <Paragraph>
          {`${t.startYear}: ${view.startYear}. ${t.horizonYears}: ${view.horizonYears}. ${t.discountRate}: ${formatDecimal(ctx.locale, view.discountRate * 100, 3)}.`}
        </Paragraph>
        <Heading level={3} data-size="sm">
          {t.costsHeading}
        </Heading>
        <ReadOnlyLines ctx={ctx} list="costs" lines={view.costs} />
        <Heading level={3} data-size="sm">
          {t.benefitsHeading}
        </Heading>
        <ReadOnlyLines ctx={ctx} list="benefits" lines={view.benefits} />
      </section>
    );
  return (
    <section aria-labelledby="input-heading" className="stack-wide">
      <Heading level={2} data-size="md" id="input-heading">
        {t.inputHeading}
      </Heading>
      <Form ctx={ctx} action={businessCaseHref(view.initiative.id)}>
        <Heading level={3} data-size="sm">
          {t.settingsHeading}
        </Heading>
        <TextField ctx={ctx} name="startYear" label={t.startYear} value={values.startYear} errors={errors} width="short" />
        <TextField
          ctx={ctx}
          name="horizonYears"
          label={t.horizonYears}
          hint={t.horizonHint}
          value={values.horizonYears}
          errors={errors}
          width="short"
        />
        <TextField
          ctx={ctx}
          name="discountRate"
          label={t.discountRate}
          hint={t.discountRateHint}
          value={values.discountRate}
          errors={errors}
          width="short"
        />
        <Heading level={3} data-size="sm" id="f-costs" tabIndex={-1}>
          {t.costsHeading}
        </Heading>
        <Paragraph data-size="sm" className="hint">
          {t.linesHint}
        </Paragraph>
        <LinesTable ctx={ctx} list="costs" rows={values.costs} errors={errors} />
        <Heading level={3} data-size="sm" id="f-benefits" tabIndex={-1}>
          {t.benefitsHeading}
        </Heading>
        <LinesTable ctx={ctx} list="benefits" rows={values.benefits} errors={errors} />
        <div className="actions">
          <SubmitButton>{t.save}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

/**
 * The business case of an initiative: the results first (three scenarios, per year, computed
 * benefits with their flows, the sensitivity as a tornado chart with its table, the tactic
 * alternatives' business cases), each with "Hur räknas detta?", then the inputs — a form for the
 * team, text for everyone else.
 */
export function BusinessCasePage({
  ctx: pageCtx,
  view,
  values,
  errors,
}: {
  ctx: PageContext;
  view: BusinessCaseView;
  values?: BusinessCaseFormValues | undefined;
  errors?: FormErrors | undefined;
}) {
  const ctx = businessCaseFormContext(pageCtx);
  const t = ctx.m.businessCase;
  const title = format(t.pageTitle, { initiative: view.initiative.name });
  const shown = values ?? businessCaseFormValues(view, ctx.locale);
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(view.initiative.id)} name={view.initiative.name} />
      <PageHeading lead={t.lead}>{title}</PageHeading>
      <ValueNav ctx={ctx} initiativeId={view.initiative.id} current="businessCase" />
      {/* The labels of every cell are only needed to name what is wrong. */}
      {errors ? <FormErrorSummary ctx={ctx} errors={errors} labels={lineFieldLabels(ctx, shown)} /> : null}
      <Paragraph>
        {view.updatedAt ? format(t.updatedAt, { at: formatDateTime(ctx.locale, view.updatedAt) }) : t.neverSaved}{" "}
        <Link href={businessCaseXlsxHref(view.initiative.id)}>{t.download}</Link>
      </Paragraph>
      <Results ctx={ctx} view={view} />
      <ComputedBenefits ctx={ctx} view={view} />
      <SensitivitySection ctx={ctx} view={view} />
      <TacticsSection ctx={ctx} view={view} />
      <Inputs ctx={ctx} view={view} values={shown} errors={errors} />
    </Layout>
  );
}
