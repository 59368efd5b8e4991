import type { BenefitSummary, MeasurementView } from "../../../domain/benefits/benefit-plan.ts";
import { format } from "../../../i18n/index.ts";
import { BenefitTrendChart } from "../../charts/benefit-trend-chart.tsx";
import {
  ActionButton,
  FactList,
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
  TextArea,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { formatDay } from "../initiatives/initiative-parts.tsx";
import { benefitHref, benefitsHref } from "../value/value-hrefs.ts";
import { ValueNav } from "../value/value-nav.tsx";
import {
  BenefitFields,
  type BenefitFormValues,
  benefitFieldLabels,
  benefitFormValues,
  benefitsFormContext,
  type Choices,
  EMPTY_MEASUREMENT,
  formatValue,
  type GapFormValues,
  type MeasurementFormValues,
} from "./benefit-form.tsx";
import { frequencyText, gapText, RealisationTag, valueOn } from "./benefits-page.tsx";

export const measurementsHref = (benefitId: string) => `${benefitHref(benefitId)}/measurements`;
export const measurementHref = (benefitId: string, measurementId: string) => `${measurementsHref(benefitId)}/${measurementId}`;
export const gapAnalysisHref = (benefitId: string) => `${benefitHref(benefitId)}/gap-analysis`;
export const deleteBenefitHref = (benefitId: string) => `${benefitHref(benefitId)}/delete`;
export const importMeasurementsHref = (benefitId: string) => `${measurementsHref(benefitId)}/import`;

/** Which of the page's forms was turned down, with what was typed in it. */
export type BenefitPageForm =
  | { kind: "benefit"; values: BenefitFormValues; errors: FormErrors }
  | { kind: "measurement"; values: MeasurementFormValues; errors: FormErrors }
  | { kind: "gap"; values: GapFormValues; errors: FormErrors };

/**
 * One benefit: where it stands against its target, its trend over time as a chart with the same
 * figures in a table, recording a measurement, the gap analysis for milestone VIII, and changing
 * or removing the benefit (for the team).
 */
export function BenefitPage({
  ctx: pageCtx,
  initiative,
  benefit,
  measurements,
  choices,
  canManage,
  form,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  benefit: BenefitSummary;
  measurements: readonly MeasurementView[];
  choices: Choices;
  canManage: boolean;
  form?: BenefitPageForm | undefined;
}) {
  const ctx = benefitsFormContext(pageCtx);
  const t = ctx.m.benefits;
  const f = t.fields;
  const v = (n: number) => formatValue(ctx.locale, n);
  const title = format(t.editTitle, { name: benefit.name });
  const href = benefitHref(benefit.id);
  const errorsOf = (kind: BenefitPageForm["kind"]) => (form?.kind === kind ? form.errors : undefined);
  const measurement = form?.kind === "measurement" ? form.values : EMPTY_MEASUREMENT;
  const gap = form?.kind === "gap" ? form.values : benefit;
  const latest = measurements.at(-1);
  const flowNames = new Map(choices.flows.map((fl) => [fl.id, fl.name]));
  const derivedFrom = benefit.derivedFromFlowIds.map((id) => ({ id, name: flowNames.get(id) ?? id }));
  const chartValues = {
    baseline: v(benefit.baselineValue),
    target: v(benefit.targetValue),
    unit: benefit.unit,
    baselineDate: formatDay(ctx, benefit.baselineDate),
    targetDate: formatDay(ctx, benefit.targetDate),
  };
  return (
    <Layout ctx={ctx} title={title}>
      <Paragraph>
        <Link href={benefitsHref(initiative.id)}>{t.back}</Link>
      </Paragraph>
      <PageHeading lead={t.editLead}>{title}</PageHeading>
      <ValueNav ctx={ctx} initiativeId={initiative.id} current="benefits" />
      <FormErrorSummary ctx={ctx} errors={form?.errors} labels={benefitFieldLabels(ctx)} />

      <section aria-labelledby="summary-heading" className="stack">
        <Heading level={2} data-size="md" id="summary-heading">
          {t.summaryHeading}
        </Heading>
        {benefit.description ? <Paragraph>{benefit.description}</Paragraph> : null}
        <FactList
          facts={[
            [t.columnMetric, `${benefit.metric} (${benefit.unit})`],
            [t.columnOwner, benefit.owner || t.notGiven],
            [t.columnHowRealised, benefit.howRealised || t.notGiven],
            [t.columnBaseline, valueOn(ctx, benefit.baselineValue, benefit.unit, benefit.baselineDate)],
            [t.columnTarget, valueOn(ctx, benefit.targetValue, benefit.unit, benefit.targetDate)],
            [t.columnFrequency, frequencyText(ctx, benefit.frequency)],
            [t.columnMeasuredBy, benefit.measuredBy || t.notGiven],
            [
              t.columnLatest,
              benefit.evaluation.actual === null || benefit.evaluation.actualDate === null
                ? t.notMeasured
                : valueOn(ctx, benefit.evaluation.actual, benefit.unit, benefit.evaluation.actualDate),
            ],
            [t.columnGap, gapText(ctx, benefit)],
            [t.columnRealisation, <RealisationTag key="r" ctx={ctx} benefit={benefit} />],
          ]}
        />
      </section>

      <section aria-labelledby="trend-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="trend-heading">
          {t.trendHeading}
        </Heading>
        {derivedFrom.length ? <Paragraph>{format(t.derivedFrom, { flows: derivedFrom.map((fl) => fl.name).join(", ") })}</Paragraph> : null}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take focus to scroll by keyboard. */}
        <section className="chart-wrap" aria-label={t.chartRegion} tabIndex={0}>
          <BenefitTrendChart
            input={{ ...benefit, measurements }}
            formatNumber={v}
            labels={{
              title: format(t.chartTitle, { metric: benefit.metric }),
              desc: latest
                ? format(t.chartDesc, {
                    ...chartValues,
                    count: measurements.length,
                    latest: valueOn(ctx, latest.value, benefit.unit, latest.date),
                  })
                : format(t.chartDescNone, chartValues),
              measured: t.chartMeasured,
              derived: t.chartDerived,
              target: t.chartTarget,
              baseline: t.chartBaseline,
            }}
          />
        </section>
        <Heading level={3} data-size="sm" id="measurements-heading">
          {t.measurementsHeading}
        </Heading>
        {measurements.length ? (
          <ScrollableTable caption={t.measurementsCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.columnDate}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columnValue}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columnSource}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columnNote}</Table.HeaderCell>
                {canManage ? <Table.HeaderCell scope="col">{t.columnAction}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {measurements.map((m, i) => (
                <Table.Row key={m.id ?? `${m.source}-${m.date}-${i}`}>
                  <Table.HeaderCell scope="row">{formatDay(ctx, m.date)}</Table.HeaderCell>
                  <Table.Cell>{`${v(m.value)} ${benefit.unit}`}</Table.Cell>
                  <Table.Cell>
                    {m.source === "actuals"
                      ? `${t.sources.actuals}: ${m.flowIds.map((id) => flowNames.get(id) ?? id).join(", ")}`
                      : t.sources[m.source]}
                  </Table.Cell>
                  <Table.Cell>{m.note || t.notGiven}</Table.Cell>
                  {canManage ? (
                    <Table.Cell>
                      {m.id ? (
                        <ActionButton ctx={ctx} action={`${measurementHref(benefit.id, m.id)}/delete`} variant="tertiary">
                          {format(t.removeMeasurement, { date: formatDay(ctx, m.date) })}
                        </ActionButton>
                      ) : (
                        t.notGiven
                      )}
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : (
          <Paragraph>{t.noMeasurements}</Paragraph>
        )}
      </section>

      {canManage ? (
        <>
          <section aria-labelledby="record-heading" className="stack">
            <Heading level={2} data-size="md" id="record-heading">
              {t.recordHeading}
            </Heading>
            <Form ctx={ctx} action={measurementsHref(benefit.id)}>
              <TextField
                ctx={ctx}
                name="date"
                label={f.date}
                hint={f.dateHint}
                value={measurement.date}
                errors={errorsOf("measurement")}
                width="short"
              />
              <TextField
                ctx={ctx}
                name="value"
                label={`${f.value} (${benefit.unit})`}
                hint={f.numberHint}
                value={measurement.value}
                errors={errorsOf("measurement")}
                width="short"
              />
              <TextField ctx={ctx} name="note" label={f.note} value={measurement.note} errors={errorsOf("measurement")} />
              <div className="actions">
                <SubmitButton>{t.record}</SubmitButton>
              </div>
            </Form>
            <Paragraph>
              <Link href={importMeasurementsHref(benefit.id)}>{t.importLink}</Link>
            </Paragraph>
          </section>

          <section aria-labelledby="gap-heading" className="stack">
            <Heading level={2} data-size="md" id="gap-heading">
              {t.gapHeading}
            </Heading>
            <Paragraph>{t.gapLead}</Paragraph>
            <Form ctx={ctx} action={gapAnalysisHref(benefit.id)}>
              <TextArea ctx={ctx} name="gapCause" label={f.gapCause} value={gap.gapCause} errors={errorsOf("gap")} rows={3} />
              <TextArea
                ctx={ctx}
                name="proposedActions"
                label={f.proposedActions}
                value={gap.proposedActions}
                errors={errorsOf("gap")}
                rows={3}
              />
              <TextField ctx={ctx} name="responsibleUnit" label={f.responsibleUnit} value={gap.responsibleUnit} errors={errorsOf("gap")} />
              <div className="actions">
                <SubmitButton variant="secondary">{t.gapSave}</SubmitButton>
              </div>
            </Form>
          </section>

          <section aria-labelledby="edit-heading" className="stack">
            <Heading level={2} data-size="md" id="edit-heading">
              {t.editHeading}
            </Heading>
            <Form ctx={ctx} action={href}>
              <BenefitFields
                ctx={ctx}
                values={form?.kind === "benefit" ? form.values : benefitFormValues(benefit, ctx.locale)}
                errors={errorsOf("benefit")}
                choices={choices}
              />
              <div className="actions">
                <SubmitButton>{t.save}</SubmitButton>
              </div>
            </Form>
          </section>

          <section aria-labelledby="remove-heading" className="stack">
            <Heading level={2} data-size="md" id="remove-heading">
              {t.removeHeading}
            </Heading>
            <Paragraph>
              <Link href={deleteBenefitHref(benefit.id)}>{format(t.remove, { name: benefit.name })}</Link>
            </Paragraph>
          </section>
        </>
      ) : (
        <>
          {benefit.gapCause || benefit.proposedActions || benefit.responsibleUnit ? (
            <section aria-labelledby="gap-heading" className="stack">
              <Heading level={2} data-size="md" id="gap-heading">
                {t.gapHeading}
              </Heading>
              <FactList
                facts={[
                  [f.gapCause, benefit.gapCause || t.notGiven],
                  [f.proposedActions, benefit.proposedActions || t.notGiven],
                  [f.responsibleUnit, benefit.responsibleUnit || t.notGiven],
                ]}
              />
            </section>
          ) : null}
          <Paragraph>{t.readOnly}</Paragraph>
        </>
      )}
    </Layout>
  );
}

/** Removing a benefit asks first: the button that removes it is a form of its own, on its own page. */
export function BenefitDeletePage({ ctx, benefit }: { ctx: PageContext; benefit: { id: string; name: string } }) {
  const t = ctx.m.benefits;
  const title = format(t.deleteTitle, { name: benefit.name });
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading lead={t.deleteLead}>{title}</PageHeading>
      <Form ctx={ctx} action={deleteBenefitHref(benefit.id)}>
        <div className="actions">
          <SubmitButton>{t.deleteConfirm}</SubmitButton>
          <Link href={benefitHref(benefit.id)}>{ctx.m.common.cancel}</Link>
        </div>
      </Form>
    </Layout>
  );
}
