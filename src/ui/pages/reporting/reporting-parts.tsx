import { initiativeReportingHref } from "../../../domain/reporting/queue-reporting-reminders.ts";
import type { ReportSnapshot } from "../../../domain/reporting/reporting-snapshot.ts";
import { format, formatDate, type Locale } from "../../../i18n/index.ts";
import { numberFormat } from "../../../i18n/number-format.ts";
import { FactList, Heading, Paragraph, ScrollableTable, Table } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

export const roundsHref = "/reporting-rounds";
export const roundHref = (roundId: string) => `/reporting-rounds/${roundId}`;
export const submissionHref = (roundId: string, submissionId: string) => `/reporting-rounds/${roundId}/submissions/${submissionId}`;
export { initiativeReportingHref };
export const submitHref = (initiativeId: string, roundId: string) => `${initiativeReportingHref(initiativeId)}/${roundId}`;

/** The reporting area's own field errors on top of the shared ones, for the pages of this area. */
export const reportingFormContext = (ctx: PageContext): PageContext => ({
  ...ctx,
  m: { ...ctx.m, fieldErrors: { ...ctx.m.fieldErrors, ...ctx.m.reporting.fieldErrors } },
});

export const formatNumber = (locale: Locale, value: number) => numberFormat(locale, { maximumFractionDigits: 0 }).format(value);

/** A difference with its sign: +1 200 or −300 (a real minus, read as "minus" by screen readers). */
export const formatDifference = (locale: Locale, value: number) =>
  value > 0 ? `+${formatNumber(locale, value)}` : value < 0 ? `−${formatNumber(locale, -value)}` : "0";

export const dayText = (locale: Locale, day: string) => formatDate(locale, `${day}T12:00:00Z`);

/** A code as its label, or the code itself when the catalogue has none (a snapshot keeps what was stored then). */
export const labelOf = (labels: Readonly<Record<string, string>>, code: string | null, none: string) =>
  code === null ? none : (labels[code] ?? code);

/**
 * A report as it was (or would be) frozen: where the initiative stands, its flows, its digital
 * messages per year and its benefits. `idPrefix` keeps headings' ids apart when a page shows several.
 */
export function SnapshotView({
  ctx,
  snapshot,
  idPrefix,
  level,
}: {
  ctx: PageContext;
  snapshot: ReportSnapshot;
  idPrefix: string;
  /** The level of its headings: one below the heading it sits under. */
  level: 2 | 3 | 4 | 5;
}) {
  const t = ctx.m.reporting;
  const { locale } = ctx;
  const none = t.notSet;
  const decision = snapshot.lastDecision;
  return (
    <div className="stack">
      <FactList
        facts={[
          [t.phase, snapshot.phase.completed ? t.completed : format(t.phaseValue, { phase: snapshot.phase.current })],
          [
            t.lastDecision,
            decision
              ? format(t.lastDecisionValue, {
                  numeral: decision.numeral,
                  outcome: labelOf(ctx.m.milestones.outcomes, decision.outcome, none),
                  date: dayText(locale, decision.decidedOn),
                })
              : t.noDecision,
          ],
        ]}
      />
      <section aria-labelledby={`${idPrefix}-flows`} className="stack">
        <Heading level={level} data-size="sm" id={`${idPrefix}-flows`}>
          {t.flowsHeading}
        </Heading>
        {snapshot.flows.length ? (
          <ScrollableTable caption={t.flowsCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.flowColumns.name}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.flowColumns.recipientType}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.flowColumns.annualVolume}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.flowColumns.plannedTestDate}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.flowColumns.plannedProductionDate}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.flowColumns.status}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.flowColumns.tactic}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {snapshot.flows.map((f) => (
                <Table.Row key={f.id}>
                  <Table.HeaderCell scope="row">{f.name}</Table.HeaderCell>
                  <Table.Cell>{labelOf(ctx.m.flows.recipientTypes, f.recipientType, none)}</Table.Cell>
                  <Table.Cell className="numeric">{formatNumber(locale, f.annualVolume)}</Table.Cell>
                  <Table.Cell>{f.plannedTestDate ? dayText(locale, f.plannedTestDate) : none}</Table.Cell>
                  <Table.Cell>{f.plannedProductionDate ? dayText(locale, f.plannedProductionDate) : none}</Table.Cell>
                  <Table.Cell>{labelOf(ctx.m.flows.statuses, f.status, none)}</Table.Cell>
                  <Table.Cell>{labelOf(ctx.m.flows.tactics, f.tactic, ctx.m.flows.noTactic)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : (
          <Paragraph>{t.noFlows}</Paragraph>
        )}
      </section>
      <section aria-labelledby={`${idPrefix}-forecast`} className="stack">
        <Heading level={level} data-size="sm" id={`${idPrefix}-forecast`}>
          {t.forecastHeading}
        </Heading>
        <ScrollableTable caption={format(t.forecastCaption, { month: snapshot.forecast.from })}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t.columns.year}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.digital}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {snapshot.forecast.digitalPerYear.map((y) => (
              <Table.Row key={y.year}>
                <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
                <Table.Cell className="numeric">{formatNumber(locale, y.digital)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      </section>
      <section aria-labelledby={`${idPrefix}-benefits`} className="stack">
        <Heading level={level} data-size="sm" id={`${idPrefix}-benefits`}>
          {t.benefitsHeading}
        </Heading>
        {snapshot.benefits.length ? (
          <ScrollableTable caption={t.benefitsCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t.benefitColumns.name}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.benefitColumns.category}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.benefitColumns.beneficiary}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.benefitColumns.expected}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.benefitColumns.realised}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t.benefitColumns.realisation}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {snapshot.benefits.map((b) => (
                <Table.Row key={b.id}>
                  <Table.HeaderCell scope="row">{b.name}</Table.HeaderCell>
                  <Table.Cell>{labelOf(ctx.m.benefits.categories, b.category, none)}</Table.Cell>
                  <Table.Cell>{labelOf(ctx.m.benefits.beneficiaries, b.beneficiary, none)}</Table.Cell>
                  <Table.Cell className="numeric">
                    {formatNumber(locale, b.expected)} {b.unit}
                  </Table.Cell>
                  <Table.Cell className="numeric">
                    {b.realised === null ? none : `${formatNumber(locale, b.realised)} ${b.unit}`}
                  </Table.Cell>
                  <Table.Cell>{labelOf(ctx.m.benefits.realisation, b.realisation, none)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : (
          <Paragraph>{t.noBenefits}</Paragraph>
        )}
      </section>
    </div>
  );
}
