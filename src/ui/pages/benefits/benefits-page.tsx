import type { BenefitSummary } from "../../../domain/benefits/benefit-plan.ts";
import { format } from "../../../i18n/index.ts";
import {
  Form,
  FormErrorSummary,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SubmitButton,
  Table,
  Tag,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { formatShare } from "../flows/flow-parts.tsx";
import { BackLink, formatDay, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { benefitHref, benefitsHref, newBenefitHref } from "../value/value-hrefs.ts";
import { ValueNav } from "../value/value-nav.tsx";
import {
  BenefitFields,
  type BenefitFormValues,
  benefitFieldLabels,
  benefitsFormContext,
  type Choices,
  EMPTY_BENEFIT,
  formatValue,
} from "./benefit-form.tsx";

type Initiative = { id: string; name: string };

const REALISATION_COLOURS = { realiserad: "success", delvis: "info", ej_realiserad: "warning", ej_matt: "neutral" } as const;

/** How a benefit stands against its target: always words, the colour only repeats them. */
export function RealisationTag({ ctx, benefit }: { ctx: PageContext; benefit: BenefitSummary }) {
  const r = benefit.evaluation.realisation;
  return <Tag data-color={REALISATION_COLOURS[r]}>{ctx.m.benefits.realisation[r]}</Tag>;
}

export function frequencyText(ctx: PageContext, months: number | null) {
  const t = ctx.m.benefits;
  if (months === null) return t.notGiven;
  return months === 1 ? t.everyMonth : format(t.everyMonths, { months });
}

/** The gap as a value with its unit and, when the target is not zero, its share of the target. */
export function gapText(ctx: PageContext, b: BenefitSummary) {
  const { gap, gapShare } = b.evaluation;
  if (gap === null) return ctx.m.benefits.notMeasured;
  const value = `${gap > 0 ? "+" : ""}${formatValue(ctx.locale, gap)} ${b.unit}`;
  return gapShare === null ? value : format(ctx.m.benefits.gapShare, { gap: value, share: formatShare(ctx.locale, gapShare) });
}

export const valueOn = (ctx: PageContext, value: number, unit: string, day: string) =>
  format(ctx.m.benefits.valueOn, { value: formatValue(ctx.locale, value), unit, date: formatDay(ctx, day) });

/**
 * The nyttorealiseringsplan: one row per benefit with the questions of the plan (owner, how it is
 * realised, metric, baseline, target, frequency, who measures) and how it stands (latest value, gap,
 * realisation). Each benefit's own page has its trend, measurements and forms.
 */
export function BenefitsPage({
  ctx: pageCtx,
  initiative,
  benefits,
  canManage,
}: {
  ctx: PageContext;
  initiative: Initiative;
  benefits: readonly BenefitSummary[];
  canManage: boolean;
}) {
  const ctx = benefitsFormContext(pageCtx);
  const t = ctx.m.benefits;
  const title = format(t.pageTitle, { initiative: initiative.name });
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.lead}>{title}</PageHeading>
      <ValueNav ctx={ctx} initiativeId={initiative.id} current="benefits" />
      {canManage ? (
        <Paragraph>
          <Link href={newBenefitHref(initiative.id)}>{t.add}</Link>
        </Paragraph>
      ) : (
        <Paragraph>{t.readOnly}</Paragraph>
      )}
      {benefits.length ? (
        <ScrollableTable caption={t.caption}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t.columnName}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.columnOwner}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.columnHowRealised}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.columnMetric}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.columnBaseline}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.columnTarget}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.columnFrequency}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.columnMeasuredBy}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.columnLatest}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.columnGap}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.columnRealisation}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {benefits.map((b) => (
              <Table.Row key={b.id}>
                <Table.HeaderCell scope="row">
                  <Link href={benefitHref(b.id)}>{b.name}</Link>
                </Table.HeaderCell>
                <Table.Cell>{b.owner || t.notGiven}</Table.Cell>
                <Table.Cell>{b.howRealised || t.notGiven}</Table.Cell>
                <Table.Cell>{`${b.metric} (${b.unit})`}</Table.Cell>
                <Table.Cell>{valueOn(ctx, b.baselineValue, b.unit, b.baselineDate)}</Table.Cell>
                <Table.Cell>{valueOn(ctx, b.targetValue, b.unit, b.targetDate)}</Table.Cell>
                <Table.Cell>{frequencyText(ctx, b.frequency)}</Table.Cell>
                <Table.Cell>{b.measuredBy || t.notGiven}</Table.Cell>
                <Table.Cell>
                  {b.evaluation.actual === null || b.evaluation.actualDate === null
                    ? t.notMeasured
                    : valueOn(ctx, b.evaluation.actual, b.unit, b.evaluation.actualDate)}
                </Table.Cell>
                <Table.Cell>{gapText(ctx, b)}</Table.Cell>
                <Table.Cell>
                  <RealisationTag ctx={ctx} benefit={b} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{t.none}</Paragraph>
      )}
    </Layout>
  );
}

/** Adding a benefit: the plan's fields on a page of their own. */
export function NewBenefitPage({
  ctx: pageCtx,
  initiative,
  choices,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: Initiative;
  choices: Choices;
  values?: BenefitFormValues | undefined;
  errors?: FormErrors | undefined;
}) {
  const ctx = benefitsFormContext(pageCtx);
  const t = ctx.m.benefits;
  return (
    <Layout ctx={ctx} title={t.newTitle}>
      <Paragraph>
        <Link href={benefitsHref(initiative.id)}>{t.back}</Link>
      </Paragraph>
      <PageHeading lead={t.newLead}>{t.newTitle}</PageHeading>
      <ValueNav ctx={ctx} initiativeId={initiative.id} current="benefits" />
      <FormErrorSummary ctx={ctx} errors={errors} labels={benefitFieldLabels(ctx)} />
      <Form ctx={ctx} action={newBenefitHref(initiative.id)}>
        <BenefitFields ctx={ctx} values={values ?? EMPTY_BENEFIT} errors={errors} choices={choices} />
        <div className="actions">
          <SubmitButton>{t.create}</SubmitButton>
        </div>
      </Form>
    </Layout>
  );
}
