import type { ChainedAuditEntry, ChainVerdict } from "../../../domain/audit/audit-chain.ts";
import { Alert, Layout, Link, PageHeading, Paragraph, ScrollableTable, SubmitButton, Table } from "../../components/index.ts";
import { format, formatDateTime } from "../../i18n/index.ts";
import type { PageContext } from "../../page-context.ts";

function change(e: ChainedAuditEntry) {
  if (e.before === null && e.after === null) return "";
  return JSON.stringify(e.before === null ? e.after : { before: e.before, after: e.after }, null, 1);
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
  verdict: ChainVerdict | null;
  olderHref: string | null;
}) {
  const { m, locale } = ctx;
  return (
    <Layout ctx={ctx} title={m.audit.title}>
      <PageHeading lead={m.audit.intro}>{m.audit.title}</PageHeading>
      {verdict ? (
        <Alert data-color={verdict.ok ? "success" : "danger"} role="status">
          {verdict.ok
            ? format(m.audit.verifiedOk, { entries: verdict.entries })
            : format(m.audit.verifiedBroken, { seq: verdict.brokenAtSeq })}
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
