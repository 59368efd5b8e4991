import type { RoundView } from "../../../domain/reporting/reporting-rounds.ts";
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
  Tag,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { dayText, reportingFormContext, roundHref, roundsHref } from "./reporting-parts.tsx";

export type RoundFormValues = { name: string; deadline: string; remindDaysBefore: string; remindDaysAfter: string };
export const EMPTY_ROUND: RoundFormValues = { name: "", deadline: "", remindDaysBefore: "7", remindDaysAfter: "3" };

/** An open round's tag, or when it was closed. */
export function RoundStatus({ ctx, round }: { ctx: PageContext; round: RoundView }) {
  const t = ctx.m.reporting;
  return round.closedAt ? (
    <Tag data-color="neutral">{format(t.closedOn, { date: formatDate(ctx.locale, round.closedAt) })}</Tag>
  ) : (
    <Tag data-color="success">{t.open}</Tag>
  );
}

/** The förvaltningsgrupp's rounds, and the form that opens one. */
export function RoundsPage({
  ctx: pageCtx,
  rounds,
  values,
  errors,
}: {
  ctx: PageContext;
  rounds: readonly (RoundView & { submitted: number | null })[];
  values: RoundFormValues;
  errors?: FormErrors | undefined;
}) {
  const ctx = reportingFormContext(pageCtx);
  const t = ctx.m.reporting;
  const f = t.fields;
  return (
    <Layout ctx={ctx} title={t.roundsTitle}>
      <PageHeading lead={t.roundsLead}>{t.roundsTitle}</PageHeading>
      <FormErrorSummary
        ctx={ctx}
        errors={errors}
        labels={{ name: f.name, deadline: f.deadline, remindDaysBefore: f.remindDaysBefore, remindDaysAfter: f.remindDaysAfter }}
      />
      <section aria-labelledby="rounds-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="rounds-heading">
          {t.roundsCaption}
        </Heading>
        {rounds.length ? (
          <ScrollableTable caption={t.roundsCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.columns.name}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.deadline}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.status}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.submitted}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rounds.map((r) => (
                <Table.Row key={r.id} data-round={r.id}>
                  <Table.HeaderCell scope="row">
                    <Link href={roundHref(r.id)}>{r.name}</Link>
                  </Table.HeaderCell>
                  <Table.Cell>{dayText(ctx.locale, r.deadline)}</Table.Cell>
                  <Table.Cell>
                    <RoundStatus ctx={ctx} round={r} />
                  </Table.Cell>
                  <Table.Cell className="numeric">{r.submitted ?? t.notSet}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : (
          <Paragraph>{t.noRounds}</Paragraph>
        )}
      </section>
      <section aria-labelledby="new-round-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="new-round-heading">
          {t.newHeading}
        </Heading>
        <Form ctx={ctx} action={roundsHref}>
          <TextField ctx={ctx} name="name" label={f.name} hint={f.nameHint} value={values.name} errors={errors} />
          <TextField
            ctx={ctx}
            name="deadline"
            label={f.deadline}
            hint={f.deadlineHint}
            value={values.deadline}
            errors={errors}
            width="short"
          />
          <TextField
            ctx={ctx}
            name="remindDaysBefore"
            label={f.remindDaysBefore}
            hint={f.remindDaysBeforeHint}
            value={values.remindDaysBefore}
            errors={errors}
            width="short"
          />
          <TextField
            ctx={ctx}
            name="remindDaysAfter"
            label={f.remindDaysAfter}
            hint={f.remindDaysAfterHint}
            value={values.remindDaysAfter}
            errors={errors}
            width="short"
          />
          <div className="actions">
            <SubmitButton>{t.create}</SubmitButton>
          </div>
        </Form>
      </section>
    </Layout>
  );
}
