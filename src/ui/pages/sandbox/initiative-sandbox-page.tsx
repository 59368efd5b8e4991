import { format, formatDateTime } from "../../../i18n/index.ts";
import { ActionButton, Heading, Layout, Link, PageHeading, Paragraph, ScrollableTable, Table } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { EnvironmentSection, type EnvironmentSectionProps } from "./environment-section.tsx";
import { TestRunLinks } from "./test-run-links.tsx";

export type SandboxCallView = {
  id: string;
  at: string;
  operation: string | null;
  recipientIds: readonly string[];
  outcome: string;
  failingChecks: number;
};

export const initiativeSandboxHref = (initiativeId: string) => `/initiatives/${initiativeId}/sandbox`;

/** The initiative's test environment, its latest calls, and the conformance report made from them. */
export function InitiativeSandboxPage({
  ctx,
  initiative,
  calls,
  environment,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  /** null for a reader who does not use the sandbox (only projektledare and deltagare do). */
  calls: readonly SandboxCallView[] | null;
  /** Likewise null for a reader who does not use the sandbox. */
  environment: Omit<EnvironmentSectionProps, "ctx"> | null;
}) {
  const t = ctx.m.sandbox;
  const base = initiativeSandboxHref(initiative.id);
  return (
    <Layout ctx={ctx} title={t.initiativeTitle}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.initiativeLead}>{t.initiativeTitle}</PageHeading>
      {environment ? <EnvironmentSection ctx={ctx} {...environment} /> : null}
      {calls ? <Report ctx={ctx} base={base} /> : <Paragraph>{t.notForRole}</Paragraph>}
      {calls ? <Calls ctx={ctx} calls={calls} /> : null}
      {calls ? <TestRunLinks ctx={ctx} initiativeId={initiative.id} /> : null}
    </Layout>
  );
}

function Report({ ctx, base }: { ctx: PageContext; base: string }) {
  const t = ctx.m.sandbox;
  return (
    <section aria-labelledby="report-heading" className="stack">
      <Heading level={2} data-size="md" id="report-heading">
        {t.reportHeading}
      </Heading>
      <Paragraph>{t.reportIntro}</Paragraph>
      <div className="actions">
        <ActionButton ctx={ctx} action={`${base}/conformance-report`} variant="primary">
          {t.createReport}
        </ActionButton>
      </div>
      <ul>
        <li>
          <Link href={`${base}/conformance-report.pdf`}>{t.downloadReportPdf}</Link>
        </li>
        <li>
          <Link href={`${base}/conformance-report.docx`}>{t.downloadReportDocx}</Link>
        </li>
      </ul>
    </section>
  );
}

function Calls({ ctx, calls }: { ctx: PageContext; calls: readonly SandboxCallView[] }) {
  const t = ctx.m.sandbox;
  return (
    <section aria-labelledby="calls-heading" className="stack">
      <Heading level={2} data-size="md" id="calls-heading">
        {t.callsHeading}
      </Heading>
      {calls.length ? (
        <ScrollableTable caption={format(t.callsCaption, { count: calls.length })}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.callTime}</Table.HeaderCell>
              <Table.HeaderCell>{t.callOperation}</Table.HeaderCell>
              <Table.HeaderCell>{t.callRecipient}</Table.HeaderCell>
              <Table.HeaderCell>{t.callOutcome}</Table.HeaderCell>
              <Table.HeaderCell>{t.callFailingChecks}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {calls.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>{formatDateTime(ctx.locale, c.at)}</Table.Cell>
                <Table.Cell>
                  <code>{c.operation ?? "–"}</code>
                </Table.Cell>
                <Table.Cell>{c.recipientIds.join(", ") || "–"}</Table.Cell>
                <Table.Cell>
                  <code>{c.outcome}</code>
                </Table.Cell>
                <Table.Cell>{c.failingChecks}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{t.noCalls}</Paragraph>
      )}
    </section>
  );
}
