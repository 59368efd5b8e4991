import type { ChainedAuditEntry } from "../../../domain/audit/audit-chain.ts";
import { auditFieldChanges } from "../../../domain/audit/audit-changes.ts";
import type { AuditVerdict } from "../../../domain/audit/audit-checkpoint.ts";
import { format, formatDateTime, formatTimestamp } from "../../../i18n/index.ts";
import {
  Alert,
  Heading,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SelectField,
  SubmitButton,
  Table,
  TextField,
} from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

/** The filter form's values as sent ("" = any). */
export type AuditFilterValues = { actor: string; action: string; entityType: string; from: string; to: string };

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

/** What the entry changed as a small table, field by field, before → after. */
function Changes({ ctx, entry }: { ctx: PageContext; entry: ChainedAuditEntry }) {
  const { m } = ctx;
  const changes = auditFieldChanges(entry.before, entry.after);
  if (!changes.length) return <>–</>;
  return (
    <table className="audit-changes">
      <caption className="visually-hidden">{format(m.audit.changesOf, { seq: entry.seq })}</caption>
      <thead>
        <tr>
          <th scope="col">{m.audit.field}</th>
          <th scope="col">{m.audit.before}</th>
          <th scope="col">{m.audit.after}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">
              <code>{c.field || m.audit.wholeValue}</code>
            </th>
            <td>{c.before ?? "–"}</td>
            <td>{c.after ?? "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Filters({
  ctx,
  filter,
  actors,
  actions,
  entityTypes,
}: {
  ctx: PageContext;
  filter: AuditFilterValues;
  actors: { id: string; name: string }[];
  actions: string[];
  entityTypes: string[];
}) {
  const t = ctx.m.audit;
  const any = (label: string) => [{ value: "", label }];
  return (
    <section aria-labelledby="audit-filters-heading" className="audit-filters">
      <Heading level={2} data-size="sm" id="audit-filters-heading">
        {t.filters}
      </Heading>
      <form method="get" action="/admin/audit" className="audit-filters__form">
        <SelectField
          ctx={ctx}
          name="actor"
          label={t.actor}
          value={filter.actor}
          options={[...any(t.anyone), ...actors.map((a) => ({ value: a.id, label: a.name }))]}
        />
        <SelectField
          ctx={ctx}
          name="action"
          label={t.action}
          value={filter.action}
          options={[...any(t.anything), ...actions.map((a) => ({ value: a, label: a }))]}
        />
        <SelectField
          ctx={ctx}
          name="entityType"
          label={t.entityType}
          value={filter.entityType}
          options={[...any(t.anything), ...entityTypes.map((a) => ({ value: a, label: a }))]}
        />
        <TextField ctx={ctx} name="from" type="date" label={t.from} value={filter.from} />
        <TextField ctx={ctx} name="to" type="date" label={t.to} value={filter.to} />
        <div className="actions">
          <SubmitButton>{t.apply}</SubmitButton>
          <Link href="/admin/audit">{t.clear}</Link>
        </div>
      </form>
    </section>
  );
}

export function AuditPage({
  ctx,
  entries,
  actorNames,
  actors,
  actions,
  entityTypes,
  filter,
  verdict,
  olderHref,
  newerHref,
}: {
  ctx: PageContext;
  entries: ChainedAuditEntry[];
  actorNames: ReadonlyMap<string, string>;
  actors: { id: string; name: string }[];
  actions: string[];
  entityTypes: string[];
  filter: AuditFilterValues;
  verdict: AuditVerdict | null;
  olderHref: string | null;
  newerHref: string | null;
}) {
  const { m, locale } = ctx;
  const filtered = Object.values(filter).some((v) => v !== "");
  const paging =
    olderHref || newerHref ? (
      <nav aria-label={m.audit.paging} className="actions">
        {newerHref ? <Link href={newerHref}>{m.audit.newer}</Link> : null}
        {olderHref ? <Link href={olderHref}>{m.audit.older}</Link> : null}
      </nav>
    ) : null;
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
      <Filters ctx={ctx} filter={filter} actors={actors} actions={actions} entityTypes={entityTypes} />
      {entries.length ? (
        <>
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
                  <Table.Cell className="nowrap">{formatTimestamp(locale, e.at)}</Table.Cell>
                  <Table.Cell>{e.actorUserId ? (actorNames.get(e.actorUserId) ?? e.actorUserId) : m.audit.system}</Table.Cell>
                  <Table.Cell>
                    <code>{e.action}</code>
                  </Table.Cell>
                  <Table.Cell>
                    {e.entityType} <code>{e.entityId.slice(0, 8)}</code>
                  </Table.Cell>
                  <Table.Cell>
                    <Changes ctx={ctx} entry={e} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
          {paging}
        </>
      ) : (
        <>
          <Paragraph>{filtered ? m.audit.noMatch : m.audit.empty}</Paragraph>
          {paging}
        </>
      )}
    </Layout>
  );
}
