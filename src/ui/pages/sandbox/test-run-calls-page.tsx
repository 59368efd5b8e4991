import type { TestRunCallSummary } from "../../../domain/sandbox/test-runs/test-run-call-view.ts";
import { format, formatTimestamp } from "../../../i18n/index.ts";
import { Layout, Link, PageHeading, Paragraph, ScrollableTable, SelectField, SubmitButton, Table } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { BackLink } from "../initiatives/initiative-parts.tsx";
import { EVENT_OUTCOMES, formatBytes, formatMs, OutcomeTag, testRunCallHref, testRunCallsHref } from "./test-run-parts.tsx";

/** The environment's calls, newest first, a page at a time, with an outcome filter that works without JavaScript. */
export function TestRunCallsPage({
  ctx,
  initiative,
  sandboxHref,
  environment,
  calls,
  outcome,
  before,
  nextBefore,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  sandboxHref: string;
  environment: { enabled: boolean } | null;
  calls: readonly TestRunCallSummary[];
  outcome: string | undefined;
  before: string | undefined;
  nextBefore: string | null;
}) {
  const t = ctx.m.sandboxRuns;
  const base = testRunCallsHref(initiative.id);
  const query = (params: Record<string, string | undefined>) => {
    const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
    return q.size ? `${base}?${q}` : base;
  };
  return (
    <Layout ctx={ctx} title={t.callsTitle}>
      <BackLink ctx={ctx} href={sandboxHref} name={ctx.m.sandbox.initiativeTitle} />
      <PageHeading lead={t.callsLead}>{t.callsTitle}</PageHeading>
      {!environment ? (
        <Paragraph>
          {t.notEnabled} <Link href={sandboxHref}>{t.toSandbox}</Link>
        </Paragraph>
      ) : (
        <>
          {environment.enabled ? null : <Paragraph>{t.disabled}</Paragraph>}
          <form method="get" action={base} className="inline-form">
            <SelectField
              ctx={ctx}
              name="outcome"
              label={t.filterOutcome}
              value={outcome ?? ""}
              options={[{ value: "", label: t.filterAll }, ...EVENT_OUTCOMES.map((o) => ({ value: o, label: t.outcomes[o] }))]}
            />
            <div>
              <SubmitButton variant="secondary">{t.filterSubmit}</SubmitButton>
            </div>
          </form>
          {calls.length ? <CallsTable ctx={ctx} initiativeId={initiative.id} calls={calls} /> : null}
          {calls.length === 0 ? <Paragraph>{outcome ? t.noCallsFiltered : t.noCalls}</Paragraph> : null}
          <ul className="plain-list">
            {nextBefore ? (
              <li>
                <Link href={query({ outcome, before: nextBefore })} rel="next">
                  {t.olderCalls}
                </Link>
              </li>
            ) : null}
            {before ? (
              <li>
                <Link href={query({ outcome })}>{t.newestCalls}</Link>
              </li>
            ) : null}
          </ul>
        </>
      )}
    </Layout>
  );
}

function CallsTable({ ctx, initiativeId, calls }: { ctx: PageContext; initiativeId: string; calls: readonly TestRunCallSummary[] }) {
  const t = ctx.m.sandboxRuns;
  return (
    <ScrollableTable caption={format(t.callsCaption, { count: calls.length })}>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.time}</Table.HeaderCell>
          <Table.HeaderCell>{t.operation}</Table.HeaderCell>
          <Table.HeaderCell>{t.operator}</Table.HeaderCell>
          <Table.HeaderCell>{t.recipient}</Table.HeaderCell>
          <Table.HeaderCell>{t.outcome}</Table.HeaderCell>
          <Table.HeaderCell>{t.httpStatus}</Table.HeaderCell>
          <Table.HeaderCell>{t.durationMs}</Table.HeaderCell>
          <Table.HeaderCell>{t.size}</Table.HeaderCell>
          <Table.HeaderCell>{t.failedChecks}</Table.HeaderCell>
          <Table.HeaderCell>{t.warnedChecks}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {calls.map((c) => (
          <Table.Row key={c.id}>
            <Table.Cell>
              <Link href={testRunCallHref(initiativeId, c.id)}>{formatTimestamp(ctx.locale, c.at)}</Link>
            </Table.Cell>
            <Table.Cell>
              <code>{c.operation ?? t.unknownOperation}</code>
            </Table.Cell>
            <Table.Cell>{c.operatorId ?? t.notRecorded}</Table.Cell>
            <Table.Cell>{c.recipientIds.join(", ") || t.notRecorded}</Table.Cell>
            <Table.Cell>
              <OutcomeTag ctx={ctx} outcome={c.outcome} />
            </Table.Cell>
            <Table.Cell>{c.httpStatus ?? t.notRecorded}</Table.Cell>
            <Table.Cell>{formatMs(ctx, c.durationMs)}</Table.Cell>
            <Table.Cell>{formatBytes(ctx, c.requestBytes)}</Table.Cell>
            <Table.Cell>{c.failedChecks}</Table.Cell>
            <Table.Cell>{c.warnedChecks}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  );
}
