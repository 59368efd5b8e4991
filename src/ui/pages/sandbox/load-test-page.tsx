import type { LoadTestWithSummary } from "../../../domain/sandbox/test-runs/load-test-view.ts";
import { format, formatDateTime } from "../../../i18n/index.ts";
import type { LoadTestSummary } from "../../../sandbox/load-test/load-test-summary.ts";
import { ActionButton, FactList, Heading, Layout, Link, PageHeading, Paragraph, ScrollableTable, Table } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { BackLink } from "../initiatives/initiative-parts.tsx";
import { LoadTestStatusTag } from "./load-test-list-page.tsx";
import { formatMs, formatNumber, loadTestHref, loadTestsHref } from "./test-run-parts.tsx";

/**
 * A load test and what it achieved. A running test says so and offers a link that reloads the
 * page (no automatic refresh: a page that reloads itself moves the reader's place).
 */
export function LoadTestPage({ ctx, initiativeId, loadTest }: { ctx: PageContext; initiativeId: string; loadTest: LoadTestWithSummary }) {
  const t = ctx.m.sandboxRuns;
  const title = format(t.loadTestTitle, { time: formatDateTime(ctx.locale, loadTest.startedAt) });
  const href = loadTestHref(initiativeId, loadTest.id);
  const s = loadTest.summary;
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={loadTestsHref(initiativeId)} name={t.loadTestsTitle} />
      <PageHeading>{title}</PageHeading>
      <p>
        <LoadTestStatusTag ctx={ctx} status={loadTest.status} />
      </p>
      {loadTest.status === "running" ? (
        <div className="stack">
          <Paragraph role="status">{format(t.runningUntil, { time: formatDateTime(ctx.locale, loadTest.endsAt) })}</Paragraph>
          <div className="actions">
            <Link href={href}>{t.refresh}</Link>
            <ActionButton ctx={ctx} action={`${href}/stop`}>
              {t.stop}
            </ActionButton>
          </div>
        </div>
      ) : null}
      <Totals ctx={ctx} s={s} />
      <Latency ctx={ctx} s={s} />
      <Errors ctx={ctx} s={s} />
      <Throughput ctx={ctx} s={s} />
    </Layout>
  );
}

const rate = (ctx: PageContext, value: number | null) =>
  value === null ? ctx.m.sandboxRuns.notRecorded : format(ctx.m.sandboxRuns.perSecond, { value: formatNumber(ctx.locale, value, 2) });

function Totals({ ctx, s }: { ctx: PageContext; s: LoadTestSummary }) {
  const t = ctx.m.sandboxRuns;
  const rows: [string, string][] = [
    [t.window, format(t.seconds, { value: formatNumber(ctx.locale, s.windowSeconds, 1) })],
    [t.calls, formatNumber(ctx.locale, s.calls)],
    [t.deliveries, formatNumber(ctx.locale, s.deliveries)],
    [t.delivered, formatNumber(ctx.locale, s.delivered)],
    [t.target, rate(ctx, s.targetRate)],
    [t.achieved, rate(ctx, s.achievedRate)],
    [t.ratio, s.ratio === null ? t.notRecorded : `${formatNumber(ctx.locale, s.ratio * 100, 1)} %`],
  ];
  return (
    <section aria-labelledby="summary-heading" className="stack">
      <Heading level={2} data-size="md" id="summary-heading">
        {t.summaryHeading}
      </Heading>
      <FactList facts={rows} />
    </section>
  );
}

function Latency({ ctx, s }: { ctx: PageContext; s: LoadTestSummary }) {
  const t = ctx.m.sandboxRuns;
  const ms = (value: number) => format(t.milliseconds, { value: formatMs(ctx, value) });
  return (
    <section aria-labelledby="latency-heading" className="stack">
      <Heading level={2} data-size="md" id="latency-heading">
        {t.latencyHeading}
      </Heading>
      {s.latencyMs ? (
        <dl className="facts">
          {(["p50", "p95", "p99", "max"] as const).map((key) => (
            <div key={key}>
              <dt>{t[key]}</dt>
              <dd>{ms(s.latencyMs?.[key] ?? 0)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <Paragraph>{t.latencyNone}</Paragraph>
      )}
    </section>
  );
}

function Errors({ ctx, s }: { ctx: PageContext; s: LoadTestSummary }) {
  const t = ctx.m.sandboxRuns;
  return (
    <section aria-labelledby="errors-heading" className="stack">
      <Heading level={2} data-size="md" id="errors-heading">
        {t.errorsHeading}
      </Heading>
      <ScrollableTable caption={t.errorsHeading}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.errorKind}</Table.HeaderCell>
            <Table.HeaderCell>{t.count}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {(["faults", "timeouts", "refused", "notDelivered", "failedChecks"] as const).map((kind) => (
            <Table.Row key={kind}>
              <Table.Cell>{t.errorKinds[kind]}</Table.Cell>
              <Table.Cell>{formatNumber(ctx.locale, s.errors[kind])}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollableTable>
      <Heading level={3} data-size="sm">
        {t.faultCodesHeading}
      </Heading>
      {s.faultCodes.length ? (
        <ul>
          {s.faultCodes.map((f) => (
            <li key={f.errorCode}>
              {t.errorCode} {f.errorCode}: {formatNumber(ctx.locale, f.count)}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t.noFaultCodes}</Paragraph>
      )}
    </section>
  );
}

const CHART = { width: 600, height: 120 };

/**
 * Deliveries per second as bars drawn with SVG attributes (the CSP allows no inline styles), and
 * the same figures in a table for those who do not see the chart.
 */
function Throughput({ ctx, s }: { ctx: PageContext; s: LoadTestSummary }) {
  const t = ctx.m.sandboxRuns;
  if (s.throughput.length === 0) return null;
  const peak = Math.max(s.targetRate, ...s.throughput.map((b) => b.deliveriesPerSecond));
  const barWidth = CHART.width / s.throughput.length;
  const y = (value: number) => CHART.height - (value / peak) * CHART.height;
  return (
    <section aria-labelledby="throughput-heading" className="stack">
      <Heading level={2} data-size="md" id="throughput-heading">
        {t.throughputHeading}
      </Heading>
      <svg role="img" aria-label={t.graphLabel} viewBox={`0 0 ${CHART.width} ${CHART.height}`} width="100%" height={CHART.height}>
        {s.throughput.map((b, i) => (
          <rect
            key={b.offsetSeconds}
            x={i * barWidth + 1}
            y={y(b.deliveriesPerSecond)}
            width={Math.max(1, barWidth - 2)}
            height={CHART.height - y(b.deliveriesPerSecond)}
            fill="currentColor"
          />
        ))}
        <line x1={0} x2={CHART.width} y1={y(s.targetRate)} y2={y(s.targetRate)} stroke="currentColor" strokeDasharray="6 4" />
      </svg>
      <ScrollableTable caption={format(t.throughputCaption, { seconds: s.bucketSeconds })} showCaption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.offset}</Table.HeaderCell>
            <Table.HeaderCell>{t.deliveries}</Table.HeaderCell>
            <Table.HeaderCell>{t.perSecondColumn}</Table.HeaderCell>
            <Table.HeaderCell>{t.errorsColumn}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {s.throughput.map((b) => (
            <Table.Row key={b.offsetSeconds}>
              <Table.Cell>{b.offsetSeconds}</Table.Cell>
              <Table.Cell>{formatNumber(ctx.locale, b.deliveries)}</Table.Cell>
              <Table.Cell>{formatNumber(ctx.locale, b.deliveriesPerSecond, 2)}</Table.Cell>
              <Table.Cell>{formatNumber(ctx.locale, b.errors)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollableTable>
    </section>
  );
}
