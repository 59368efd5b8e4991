import type { ActualsImport } from "../../../domain/actuals/import/parse-actuals-import.ts";
import { format, type Messages } from "../../../i18n/index.ts";
import {
  Alert,
  FileField,
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
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { type ImportLimits, ProblemTable } from "../flow-import/flow-import-page.tsx";
import { actualsImportHref, formatCount, versionsHref } from "./forecast-version-parts.tsx";

export { actualsImportHref };

export const actualsImportCommitHref = (initiativeId: string) => `/initiatives/${initiativeId}/actuals/import/commit`;

type Initiative = { id: string; name: string };

const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** How to write the file, the template and the upload: the team's start of an actuals import. */
export function ActualsImportPage({
  ctx: pageCtx,
  initiative,
  limits,
  errors,
}: {
  ctx: PageContext;
  initiative: Initiative;
  limits: ImportLimits;
  errors?: FormErrors | undefined;
}) {
  const t = pageCtx.m.forecastVersions.actualsImport;
  const f = pageCtx.m.flowImport;
  // The file field's own errors, in the page's language, beside the field and in the summary.
  const ctx: PageContext = {
    ...pageCtx,
    m: {
      ...pageCtx.m,
      fieldErrors: {
        ...pageCtx.m.fieldErrors,
        no_file: f.noFile,
        file_too_large: format(f.codes.file_too_large, { maxMb: limits.maxMb }),
      } as Messages["fieldErrors"],
    },
  };
  const maxRows = formatCount(ctx.locale, limits.maxRows);
  return (
    <Layout ctx={ctx} title={t.title}>
      <Paragraph>
        <Link href={versionsHref(initiative.id)}>{initiative.name}</Link>
      </Paragraph>
      <PageHeading lead={t.intro}>{t.title}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ file: f.fileLabel }} />
      <section aria-labelledby="format-heading" className="stack">
        <Heading level={2} data-size="md" id="format-heading">
          {t.formatHeading}
        </Heading>
        <ul>
          {t.formatItems.map((item) => (
            <li key={item}>{format(item, { maxRows, maxMb: limits.maxMb })}</li>
          ))}
        </ul>
        <Paragraph>
          <Link href="/api/v1/actuals/import-template.csv">{t.templateCsv}</Link>
        </Paragraph>
      </section>
      <section aria-labelledby="upload-heading" className="stack">
        <Heading level={2} data-size="md" id="upload-heading">
          {f.uploadHeading}
        </Heading>
        <Form ctx={ctx} action={actualsImportHref(initiative.id)} encType="multipart/form-data">
          <FileField ctx={ctx} name="file" label={f.fileLabel} hint={f.fileHint} errors={errors} accept={ACCEPT} />
          <div className="actions">
            <SubmitButton>{f.submit}</SubmitButton>
          </div>
        </Form>
      </section>
    </Layout>
  );
}

/**
 * The file as read: its errors by row and column, or its months with "Spara". The server keeps
 * nothing between the two requests: the form carries the file (base64) and the save checks it again.
 */
export function ActualsImportPreviewPage({
  ctx,
  initiative,
  fileName,
  content,
  result,
  limits,
  notice,
}: {
  ctx: PageContext;
  initiative: Initiative;
  fileName: string;
  content: string;
  result: ActualsImport;
  limits: ImportLimits;
  notice?: string | undefined;
}) {
  const t = ctx.m.forecastVersions.actualsImport;
  const f = ctx.m.flowImport;
  return (
    <Layout ctx={ctx} title={f.previewTitle}>
      <Paragraph>
        <Link href={versionsHref(initiative.id)}>{initiative.name}</Link>
      </Paragraph>
      <PageHeading>{f.previewTitle}</PageHeading>
      {result.errors.length ? (
        <section aria-labelledby="errors-heading" className="stack">
          <Alert data-color="danger">
            <Heading level={2} data-size="xs" id="errors-heading">
              {f.errorsHeading}
            </Heading>
            {notice ? <Paragraph>{notice}</Paragraph> : null}
            <Paragraph>{f.errorsIntro}</Paragraph>
          </Alert>
          <ProblemTable ctx={ctx} problems={result.errors} limits={limits} codes={t.codes} />
          <Paragraph>
            <Link href={actualsImportHref(initiative.id)}>{f.tryAgain}</Link>
          </Paragraph>
        </section>
      ) : (
        <section aria-labelledby="rows-heading" className="stack">
          <Paragraph>
            {format(t.previewIntro, { file: fileName, count: result.rows.length })}{" "}
            {format(f.previewFormat, { format: result.format.toUpperCase() })}
          </Paragraph>
          {result.ignoredColumns.length ? (
            <Paragraph>{format(f.ignoredColumns, { columns: result.ignoredColumns.join(", ") })}</Paragraph>
          ) : null}
          <Heading level={2} data-size="md" id="rows-heading">
            {t.rowsHeading}
          </Heading>
          <ScrollableTable caption={t.rowsCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{f.row}</Table.HeaderCell>
                <Table.HeaderCell>{t.flow}</Table.HeaderCell>
                <Table.HeaderCell>{t.month}</Table.HeaderCell>
                <Table.HeaderCell>{t.digital}</Table.HeaderCell>
                <Table.HeaderCell>{t.paper}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {result.rows.map((r) => (
                <Table.Row key={r.row}>
                  <Table.Cell>{r.row}</Table.Cell>
                  <Table.Cell>{r.flowName}</Table.Cell>
                  <Table.Cell>{r.month}</Table.Cell>
                  <Table.Cell>{formatCount(ctx.locale, r.digital)}</Table.Cell>
                  <Table.Cell>{formatCount(ctx.locale, r.paper)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
          <Form ctx={ctx} action={actualsImportCommitHref(initiative.id)}>
            <input type="hidden" name="content" value={content} />
            <input type="hidden" name="fileName" value={fileName} />
            <div className="actions">
              <SubmitButton>{t.save}</SubmitButton>
              <Link href={actualsImportHref(initiative.id)}>{f.tryAgain}</Link>
            </div>
          </Form>
        </section>
      )}
    </Layout>
  );
}
