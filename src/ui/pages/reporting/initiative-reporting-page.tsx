import type { RoundView } from "../../../domain/reporting/reporting-rounds.ts";
import type { ReportSnapshot } from "../../../domain/reporting/reporting-snapshot.ts";
import { format, formatDateTime } from "../../../i18n/index.ts";
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
  TextArea,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { dayText, reportingFormContext, SnapshotView, submissionHref, submitHref } from "./reporting-parts.tsx";

/** Each open round's form has its own comment field, so the fields' ids stay apart on one page. */
export const commentField = (roundId: string) => `comment-${roundId}`;

export type InitiativeReporting = {
  initiative: { id: string; name: string };
  canSubmit: boolean;
  open: { round: RoundView; submissionId: string | null; preview: ReportSnapshot | null }[];
  submissions: { id: string; roundId: string; roundName: string; deadline: string; submittedAt: string; submittedByName: string }[];
};

/**
 * The initiative's reporting to the förvaltningsgrupp: each open round with what would be submitted
 * (the snapshot as it would be frozen now), a comment and "Skicka in" for the projektledare; then the
 * reports it has submitted. A form sent back with errors belongs to the round `errorsFor`.
 */
export function InitiativeReportingPage({
  ctx: pageCtx,
  reporting,
  errorsFor,
  comment,
  errors,
}: {
  ctx: PageContext;
  reporting: InitiativeReporting;
  errorsFor?: string | undefined;
  comment?: string | undefined;
  errors?: FormErrors | undefined;
}) {
  const ctx = reportingFormContext(pageCtx);
  const t = ctx.m.reporting;
  const { initiative } = reporting;
  const title = format(t.initiativeTitle, { initiative: initiative.name });
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.initiativeLead}>{title}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={errorsFor ? { [commentField(errorsFor)]: t.fields.comment } : {}} />
      <section aria-labelledby="open-rounds" className="stack-wide">
        <Heading level={2} data-size="md" id="open-rounds">
          {t.openHeading}
        </Heading>
        {reporting.open.length ? null : <Paragraph>{t.noOpenRounds}</Paragraph>}
        {reporting.open.map(({ round, submissionId, preview }) => (
          <section key={round.id} aria-labelledby={`round-${round.id}`} className="stack" data-round={round.id}>
            <Heading level={3} data-size="sm" id={`round-${round.id}`}>
              {round.name}
            </Heading>
            <Paragraph>{format(t.roundDeadline, { date: dayText(ctx.locale, round.deadline) })}</Paragraph>
            {submissionId ? (
              <Paragraph>
                {t.alreadySubmitted} <Link href={submissionHref(round.id, submissionId)}>{t.showReport}</Link>
              </Paragraph>
            ) : preview ? (
              <>
                <Heading level={4} data-size="xs">
                  {t.previewHeading}
                </Heading>
                <SnapshotView ctx={ctx} snapshot={preview} idPrefix={`preview-${round.id}`} level={5} />
                <Form ctx={ctx} action={submitHref(initiative.id, round.id)}>
                  <TextArea
                    ctx={ctx}
                    name={commentField(round.id)}
                    label={t.fields.comment}
                    hint={t.fields.commentHint}
                    value={errorsFor === round.id ? comment : ""}
                    errors={errorsFor === round.id ? errors : undefined}
                    rows={4}
                  />
                  <div className="actions">
                    <SubmitButton>{t.submit}</SubmitButton>
                  </div>
                </Form>
              </>
            ) : (
              <Paragraph>{t.onlyProjectLeader}</Paragraph>
            )}
          </section>
        ))}
      </section>
      <section aria-labelledby="history" className="stack-wide">
        <Heading level={2} data-size="md" id="history">
          {t.historyHeading}
        </Heading>
        {reporting.submissions.length ? (
          <ScrollableTable caption={t.historyCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.columns.name}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.submittedAt}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.submittedBy}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.report}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {reporting.submissions.map((s) => (
                <Table.Row key={s.id}>
                  <Table.HeaderCell scope="row">{s.roundName}</Table.HeaderCell>
                  <Table.Cell>{formatDateTime(ctx.locale, s.submittedAt)}</Table.Cell>
                  <Table.Cell>{s.submittedByName}</Table.Cell>
                  <Table.Cell>
                    <Link href={submissionHref(s.roundId, s.id)} aria-label={format(t.showReportOf, { initiative: s.roundName })}>
                      {t.showReport}
                    </Link>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : (
          <Paragraph>{t.noHistory}</Paragraph>
        )}
      </section>
    </Layout>
  );
}
