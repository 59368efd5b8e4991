import type { ChainedAuditEntry } from "../../../domain/audit/audit-chain.ts";
import type { AuditVerdict } from "../../../domain/audit/audit-checkpoint.ts";
import { format, formatDateTime } from "../../../i18n/index.ts";
import { Alert, Layout, Link, PageHeading, Paragraph, ScrollableTable, SubmitButton, Table } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

function change(e: ChainedAuditEntry) {
  if (e.before === null && e.after === null) return "";
  return JSON.stringify(e.before === null ? e.after : { before: e.before, after: e.after }, null, 1);
}

function verdictText({ m, locale }: PageContext, v: AuditVerdict): string {
  if (v.ok) return format(m.audit.verifiedOk, { entries: v.entries, expected: v.expectedEntries });
  const dash = (n: number | null | undefined) => (n === null || n === undefined ? "–" : n);
  return format(m.audit.broken[v.reason], {
    seq: dash(v.brokenAtSeq),
    found: v.entries,
    expected: dash(v.expectedEntries),
    at: v.anomaly ? formatDateTime(locale, v.anomaly.at) : "–",
    checkpointSeq: dash(v.anomaly?.checkpointSeq),
    foundSeq: dash(v.anomaly?.foundSeq),
  });
}

export function AuditPage({
  ctx,
  entries,
  actorNames,
  verdict,
  olderHref,
}: {
  ctx: PageContext;
  entries: ChainedAuditEntry[];
  actorNames: ReadonlyMap<string, string>;
  verdict: AuditVerdict | null;
  olderHref: string | null;
}) {
  const { m, locale } = ctx;
  return (
    <Layout ctx={ctx} title={m.audit.title}>
      <PageHeading lead={m.audit.intro}>{m.audit.title}</PageHeading>
      {verdict ? (
        <Alert data-color={verdict.ok ? "success" : "danger"} role="status">
          {verdictText(ctx, verdict)}
        </Alert>
      ) : null}
      <form method="get" action="/admin/audit">
        <input type="hidden" name="verify" value="1" />
        <SubmitButton variant="secondary">{m.audit.verify}</SubmitButton>
      </form>
      {entries.length ? (
        <ScrollableTable caption={m.audit.title}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{m.audit.seq}</Table.HeaderCell>
              <Table.HeaderCell>{m.audit.at}</Table.HeaderCell>
              <Table.HeaderCell>{m.audit.actor}</Table.HeaderCell>
              <Table.HeaderCell>{m.audit.action}</Table.HeaderCell>
              <Table.HeaderCell>{m.audit.entity}</Table.HeaderCell>
              <Table.HeaderCell>{m.audit.change}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {entries.map((e) => (
              <Table.Row key={e.seq}>
                <Table.Cell>{e.seq}</Table.Cell>
                <Table.Cell>{formatDateTime(locale, e.at)}</Table.Cell>
                <Table.Cell>{e.actorUserId ? (actorNames.get(e.actorUserId) ?? e.actorUserId) : m.audit.system}</Table.Cell>
                <Table.Cell>
                  <code>{e.action}</code>
                </Table.Cell>
                <Table.Cell>
                  {e.entityType} <code>{e.entityId.slice(0, 8)}</code>
                </Table.Cell>
                <Table.Cell>
                  <pre className="audit-change">{change(e)}</pre>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{m.audit.empty}</Paragraph>
      )}
      {olderHref ? (
        <Paragraph>
          <Link href={olderHref}>{m.audit.older}</Link>
        </Paragraph>
      ) : null}
    </Layout>
  );
}
