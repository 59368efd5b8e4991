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
      <BeforeAndNow
        caption={format(t.comparisonDigitalCaption, { initiative: initiative.name })}
        columns={[t.columns.year, t.columns.previous, t.columns.now, t.columns.difference]}
        numeric
        rows={c.digitalPerYear.map((y) => ({
          key: String(y.year),
          label: String(y.year),
          previous: n(y.previous),
          now: n(y.now),
          difference: y.difference === null ? t.notSet : formatDifference(ctx.locale, y.difference),
        }))}
      />
      {c.productionDates.length ? (
        <BeforeAndNow
          caption={format(t.comparisonDatesCaption, { initiative: initiative.name })}
          columns={[t.columns.flow, t.columns.previous, t.columns.now, t.columns.difference]}
          rows={c.productionDates.map((d) => ({
            key: d.flowId,
            label: d.name,
            previous: d.previous ? dayText(ctx.locale, d.previous) : t.notSet,
            now: d.now ? dayText(ctx.locale, d.now) : t.notSet,
            difference: d.differenceDays === null ? t.notSet : format(t.days, { days: formatDifference(ctx.locale, d.differenceDays) }),
          }))}
        />
      ) : null}
    </section>
  );
}

/** A row's earlier value, its value now and the difference, already in words; `numeric` right-aligns the values too. */
function BeforeAndNow({
  caption,
  columns,
  rows,
  numeric = false,
}: {
  caption: string;
  columns: readonly [string, string, string, string];
  rows: readonly { key: string; label: string; previous: string; now: string; difference: string }[];
  numeric?: boolean;
}) {
  const value = numeric ? "numeric" : undefined;
  return (
    <ScrollableTable caption={caption}>
      <Table.Head>
        <Table.Row>
          {columns.map((c) => (
            <Table.HeaderCell key={c} scope="col">
              {c}
            </Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={r.key}>
            <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
            <Table.Cell className={value}>{r.previous}</Table.Cell>
            <Table.Cell className={value}>{r.now}</Table.Cell>
            <Table.Cell className="numeric">{r.difference}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  );
}
