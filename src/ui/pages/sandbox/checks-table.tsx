import type { Check, CheckStatus } from "../../../sandbox/checks/check.ts";
import { ScrollableTable, Table, Tag } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

const COLOUR: Record<CheckStatus, "success" | "warning" | "danger"> = { pass: "success", warn: "warning", fail: "danger" };

/** A check's outcome as a word; the colour only repeats what the word says. */
export function CheckStatusTag({ ctx, status }: { ctx: PageContext; status: CheckStatus }) {
  const t = ctx.m.sandbox;
  return <Tag data-color={COLOUR[status]}>{{ pass: t.statusPass, warn: t.statusWarn, fail: t.statusFail }[status]}</Tag>;
}

/**
 * The conformance checks of one submission, as the validator and the test-run view show them: the
 * check's id, its outcome and the reason. Reasons are the checks' own English (they name the
 * contract's elements), marked as such for screen readers.
 */
export function ChecksTable({ ctx, checks, caption }: { ctx: PageContext; checks: readonly Check[]; caption: string }) {
  const t = ctx.m.sandbox;
  return (
    <ScrollableTable caption={caption}>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.check}</Table.HeaderCell>
          <Table.HeaderCell>{t.status}</Table.HeaderCell>
          <Table.HeaderCell>{t.message}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {checks.map((c) => (
          <Table.Row key={c.id} data-status={c.status}>
            <Table.Cell>
              <code>{c.id}</code>
            </Table.Cell>
            <Table.Cell>
              <CheckStatusTag ctx={ctx} status={c.status} />
            </Table.Cell>
            <Table.Cell lang="en">{c.message}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  );
}
