import type { VarianceMonth } from "../../../domain/forecast/variance.ts";
import { format, formatDate } from "../../../i18n/index.ts";
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
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { actualsImportHref, flowActualsHref, formatCount, formatDifference, monthName, versionsHref } from "./forecast-version-parts.tsx";

export type ActualsFormValues = { month: string; digital: string; paper: string };

/**
 * A flow's actuals month by month against the latest baseline, and a form for the team to enter
 * one month (plain POST; an existing month is replaced).
 */
export function ActualsPage({
  ctx,
  initiative,
  flow,
  months,
  baseline,
  canEdit,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  flow: { id: string; name: string };
  months: readonly VarianceMonth[];
  baseline: { milestone?: string; createdAt: string } | null;
  canEdit: boolean;
  values?: ActualsFormValues | undefined;
  errors?: FormErrors | undefined;
}) {
  const t = ctx.m.forecastVersions.actuals;
  const title = format(t.title, { flow: flow.name });
  const count = (n: number | undefined) => (n === undefined ? t.notInBaseline : formatCount(ctx.locale, n));
  const diff = (n: number | undefined) => (n === undefined ? t.notInBaseline : formatDifference(ctx.locale, n));
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.lead}>{title}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ month: t.monthLabel, digital: t.digitalLabel, paper: t.paperLabel }} />
      <Paragraph>
        {baseline
          ? format(t.baselineFrom, { milestone: baseline.milestone ?? "", date: formatDate(ctx.locale, baseline.createdAt) })
          : t.noBaseline}{" "}
        <Link href={versionsHref(initiative.id)}>{t.versionsLink}</Link>
      </Paragraph>
      {canEdit ? (
        <Paragraph>
          <Link href={actualsImportHref(initiative.id)}>{ctx.m.forecastVersions.actualsImport.link}</Link>
        </Paragraph>
      ) : null}
      {months.length ? (
        <ScrollableTable caption={t.caption}>
          <Table.Head>
            <Table.Row>
              {[t.month, t.digital, t.paper, t.baselineDigital, t.baselinePaper, t.varianceDigital, t.variancePaper].map((h) => (
                <Table.HeaderCell key={h}>{h}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {months.map((m) => (
              <Table.Row key={m.month} data-testid="actual-month">
                <Table.HeaderCell scope="row">{monthName(ctx.locale, m.month)}</Table.HeaderCell>
                <Table.Cell>{formatCount(ctx.locale, m.digital)}</Table.Cell>
                <Table.Cell>{formatCount(ctx.locale, m.paper)}</Table.Cell>
                <Table.Cell>{count(m.baseline?.digital)}</Table.Cell>
                <Table.Cell>{count(m.baseline?.paper)}</Table.Cell>
                <Table.Cell>{diff(m.variance?.digital)}</Table.Cell>
                <Table.Cell>{diff(m.variance?.paper)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{t.none}</Paragraph>
      )}
      <section aria-labelledby="enter-heading" className="stack">
        <Heading level={2} data-size="md" id="enter-heading">
          {t.formHeading}
        </Heading>
        {canEdit ? (
          <Form ctx={ctx} action={flowActualsHref(flow.id)}>
            <Paragraph>{t.formIntro}</Paragraph>
            <TextField ctx={ctx} name="month" label={t.monthLabel} hint={t.monthHint} value={values?.month} errors={errors} width="short" />
            <TextField
              ctx={ctx}
              name="digital"
              type="number"
              label={t.digitalLabel}
              value={values?.digital}
              errors={errors}
              width="short"
            />
            <TextField ctx={ctx} name="paper" type="number" label={t.paperLabel} value={values?.paper} errors={errors} width="short" />
            <div className="actions">
              <SubmitButton>{t.save}</SubmitButton>
            </div>
          </Form>
        ) : (
          <Paragraph>{t.readOnly}</Paragraph>
        )}
      </section>
    </Layout>
  );
}
