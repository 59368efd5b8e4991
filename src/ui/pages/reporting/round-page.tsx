import type { RoundDetail, RoundInitiative } from "../../../domain/reporting/reporting-rounds.ts";
import { format, formatDateTime } from "../../../i18n/index.ts";
import { ActionButton, Heading, Layout, Link, PageHeading, Paragraph, ScrollableTable, Table, Tag } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { dayText, formatDifference, formatNumber, labelOf, roundHref, roundsHref, submissionHref } from "./reporting-parts.tsx";
import { RoundStatus } from "./rounds-page.tsx";

/**
 * A round for the förvaltningsgrupp: how many have submitted, then per organisation each initiative
 * submitted or missing (said in words, not only by colour), each report with its comparison with the
 * initiative's report before it; and the button that closes the round.
 */
export function RoundPage({ ctx, round }: { ctx: PageContext; round: RoundDetail }) {
  const t = ctx.m.reporting;
  return (
    <Layout ctx={ctx} title={round.name}>
      <p className="back-link">
        <Link href={roundsHref}>{t.back}</Link>
      </p>
      <PageHeading
        lead={format(t.roundLead, {
          deadline: dayText(ctx.locale, round.deadline),
          before: round.remindDaysBefore,
          after: round.remindDaysAfter,
        })}
      >
        {round.name}
      </PageHeading>
      <Paragraph>
        <RoundStatus ctx={ctx} round={round} />
      </Paragraph>
      <Paragraph data-summary="">
        {format(t.summary, {
          submitted: round.counts.submitted,
          initiatives: round.counts.initiatives,
          organisations: round.counts.organisations,
          missing: round.counts.missing,
        })}
      </Paragraph>
      {round.organisations.length ? null : <Paragraph>{t.noInitiatives}</Paragraph>}
      {round.organisations.map((o) => (
        <section
          key={o.organisationId}
          aria-labelledby={`org-${o.organisationId}`}
          className="stack-wide"
          data-organisation={o.organisationId}
        >
          <Heading level={2} data-size="md" id={`org-${o.organisationId}`}>
            {o.name}
          </Heading>
          <Paragraph>
            {labelOf(ctx.m.organisations.kinds, o.kind, t.notSet)}.{" "}
            {format(t.organisationSubmitted, { submitted: o.submitted, total: o.submitted + o.missing })}
          </Paragraph>
          <ScrollableTable caption={o.name}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.columns.initiative}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.status}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.submittedAt}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.comment}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.columns.report}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {o.initiatives.map((i) => (
                <Table.Row key={i.initiativeId} data-initiative={i.initiativeId} data-status={i.status}>
                  <Table.HeaderCell scope="row">{i.name}</Table.HeaderCell>
                  <Table.Cell>
                    {i.status === "submitted" ? <Tag data-color="success">{t.submitted}</Tag> : <Tag data-color="warning">{t.missing}</Tag>}
                  </Table.Cell>
                  <Table.Cell>
                    {i.submission ? `${formatDateTime(ctx.locale, i.submission.submittedAt)}, ${i.submission.submittedByName}` : t.notSet}
                  </Table.Cell>
                  <Table.Cell>{i.submission?.comment || t.notSet}</Table.Cell>
                  <Table.Cell>
                    {i.submission ? (
                      <Link href={submissionHref(round.id, i.submission.id)} aria-label={format(t.showReportOf, { initiative: i.name })}>
                        {t.showReport}
                      </Link>
                    ) : (
                      t.notSet
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
          {o.initiatives
            .filter((i) => i.comparison)
            .map((i) => (
              <Comparison key={i.initiativeId} ctx={ctx} initiative={i} />
            ))}
        </section>
      ))}
      {round.permissions.close ? (
        <section aria-labelledby="close-heading" className="stack">
          <Heading level={2} data-size="md" id="close-heading">
            {t.close}
          </Heading>
          <Paragraph>{t.closeHint}</Paragraph>
          <ActionButton ctx={ctx} action={`${roundHref(round.id)}/close`}>
            {t.close}
          </ActionButton>
        </section>
      ) : null}
    </Layout>
  );
}

/** One initiative's report against its report before: digital messages per year, planned production per flow. */
function Comparison({ ctx, initiative }: { ctx: PageContext; initiative: RoundInitiative }) {
  const t = ctx.m.reporting;
  const c = initiative.comparison;
  if (!c) return null;
  const n = (v: number | null) => (v === null ? t.notSet : formatNumber(ctx.locale, v));
  const id = `comparison-${initiative.initiativeId}`;
  return (
    <section aria-labelledby={id} className="stack" data-comparison={initiative.initiativeId}>
      <Heading level={3} data-size="sm" id={id}>
        {initiative.name}: {format(t.comparisonHeading, { round: c.previousRoundName })}
      </Heading>
      <ScrollableTable caption={format(t.comparisonDigitalCaption, { initiative: initiative.name })}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t.columns.year}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.columns.previous}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.columns.now}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t.columns.difference}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {c.digitalPerYear.map((y) => (
            <Table.Row key={y.year}>
              <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
              <Table.Cell className="numeric">{n(y.previous)}</Table.Cell>
              <Table.Cell className="numeric">{n(y.now)}</Table.Cell>
              <Table.Cell className="numeric">{y.difference === null ? t.notSet : formatDifference(ctx.locale, y.difference)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollableTable>
      {c.productionDates.length ? (
        <ScrollableTable caption={format(t.comparisonDatesCaption, { initiative: initiative.name })}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t.columns.flow}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.columns.previous}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.columns.now}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.columns.difference}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {c.productionDates.map((d) => (
              <Table.Row key={d.flowId}>
                <Table.HeaderCell scope="row">{d.name}</Table.HeaderCell>
                <Table.Cell>{d.previous ? dayText(ctx.locale, d.previous) : t.notSet}</Table.Cell>
                <Table.Cell>{d.now ? dayText(ctx.locale, d.now) : t.notSet}</Table.Cell>
                <Table.Cell className="numeric">
                  {d.differenceDays === null ? t.notSet : format(t.days, { days: formatDifference(ctx.locale, d.differenceDays) })}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : null}
    </section>
  );
}
