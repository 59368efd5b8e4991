import type { LoadTestStatus, LoadTestView } from "../../../domain/sandbox/test-runs/load-test-view.ts";
import { format, formatDateTime } from "../../../i18n/index.ts";
import {
  Alert,
  Form,
  FormErrorSummary,
  Heading,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SubmitButton,
  Table,
  Tag,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { BackLink } from "../initiatives/initiative-parts.tsx";
import { formatNumber, loadTestHref, loadTestsHref } from "./test-run-parts.tsx";

const STATUS_COLOURS: Record<LoadTestStatus, string> = { running: "info", finished: "success", stopped: "neutral" };

export function LoadTestStatusTag({ ctx, status }: { ctx: PageContext; status: LoadTestStatus }) {
  return <Tag data-color={STATUS_COLOURS[status]}>{ctx.m.sandboxRuns.statuses[status]}</Tag>;
}

export type LoadTestFormValues = { targetRate: string; durationSeconds: string };

/** The form that starts a load test, and the environment's load tests so far. */
export function LoadTestListPage({
  ctx,
  initiativeId,
  sandboxHref,
  environment,
  loadTests,
  values = { targetRate: "", durationSeconds: "60" },
  errors,
  problem,
}: {
  ctx: PageContext;
  initiativeId: string;
  sandboxHref: string;
  environment: { enabled: boolean } | null;
  loadTests: readonly LoadTestView[];
  values?: LoadTestFormValues;
  errors?: FormErrors;
  /** Why the start was turned down, when it was not the form's fault. */
  problem?: "alreadyRunning" | "notEnabledForLoad";
}) {
  const t = ctx.m.sandboxRuns;
  const enabled = environment?.enabled ?? false;
  return (
    <Layout ctx={ctx} title={t.loadTestsTitle}>
      <BackLink ctx={ctx} href={sandboxHref} name={ctx.m.sandbox.initiativeTitle} />
      <PageHeading lead={t.loadTestsLead}>{t.loadTestsTitle}</PageHeading>
      {problem ? (
        <Alert data-color="warning" role="alert">
          {t[problem]}
        </Alert>
      ) : null}
      <section aria-labelledby="start-heading" className="stack">
        <Heading level={2} data-size="md" id="start-heading">
          {t.startHeading}
        </Heading>
        {enabled ? (
          <>
            <FormErrorSummary ctx={ctx} errors={errors} labels={{ targetRate: t.targetRate, durationSeconds: t.durationSeconds }} />
            <Form ctx={ctx} action={loadTestsHref(initiativeId)}>
              <TextField
                ctx={ctx}
                name="targetRate"
                label={t.targetRate}
                hint={t.targetRateHint}
                value={values.targetRate}
                errors={errors}
                width="short"
              />
              <TextField
                ctx={ctx}
                name="durationSeconds"
                label={t.durationSeconds}
                hint={t.durationHint}
                value={values.durationSeconds}
                errors={errors}
                width="short"
              />
              <div>
                <SubmitButton>{t.start}</SubmitButton>
              </div>
            </Form>
          </>
        ) : (
          <Paragraph>
            {environment ? t.disabled : t.notEnabled} <Link href={sandboxHref}>{t.toSandbox}</Link>
          </Paragraph>
        )}
      </section>
      <section aria-labelledby="runs-heading" className="stack">
        <Heading level={2} data-size="md" id="runs-heading">
          {t.runsHeading}
        </Heading>
        {loadTests.length ? (
          <ScrollableTable caption={t.runsCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.startedAt}</Table.HeaderCell>
                <Table.HeaderCell>{t.target}</Table.HeaderCell>
                <Table.HeaderCell>{t.length}</Table.HeaderCell>
                <Table.HeaderCell>{t.status}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {loadTests.map((run) => {
                const time = formatDateTime(ctx.locale, run.startedAt);
                return (
                  <Table.Row key={run.id}>
                    <Table.Cell>
                      <Link href={loadTestHref(initiativeId, run.id)} aria-label={format(t.open, { time })}>
                        {time}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{format(t.perSecond, { value: formatNumber(ctx.locale, run.targetRate, 1) })}</Table.Cell>
                    <Table.Cell>{format(t.seconds, { value: formatNumber(ctx.locale, run.durationSeconds) })}</Table.Cell>
                    <Table.Cell>
                      <LoadTestStatusTag ctx={ctx} status={run.status} />
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </ScrollableTable>
        ) : (
          <Paragraph>{t.noRuns}</Paragraph>
        )}
      </section>
    </Layout>
  );
}
