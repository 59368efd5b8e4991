import type { MeasurementImport } from "../../../domain/benefits/import/parse-measurement-import.ts";
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
import { formatCount } from "../flows/flow-parts.tsx";
import { formatDay } from "../initiatives/initiative-parts.tsx";
import { benefitHref } from "../value/value-hrefs.ts";
import { formatValue } from "./benefit-form.tsx";
import { importMeasurementsHref } from "./benefit-page.tsx";

export const importMeasurementsCommitHref = (benefitId: string) => `${importMeasurementsHref(benefitId)}/commit`;

type Benefit = { id: string; name: string; unit: string; baselineDate: string };

const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** How to write the file and the upload: the team's start of a measurement import. */
export function MeasurementImportPage({
  ctx: pageCtx,
  benefit,
  limits,
  errors,
}: {
  ctx: PageContext;
  benefit: Benefit;
  limits: ImportLimits;
  errors?: FormErrors | undefined;
}) {
  const t = pageCtx.m.benefits.import;
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
  const title = format(t.title, { name: benefit.name });
  const maxRows = formatCount(ctx.locale, limits.maxRows);
  return (
    <Layout ctx={ctx} title={title}>
      <Paragraph>
        <Link href={benefitHref(benefit.id)}>{benefit.name}</Link>
      </Paragraph>
      <PageHeading lead={t.intro}>{title}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ file: f.fileLabel }} />
      <section aria-labelledby="format-heading" className="stack">
        <Heading level={2} data-size="md" id="format-heading">
          {t.formatHeading}
        </Heading>
        <ul>
          {t.formatItems.map((item) => (
            <li key={item}>{format(item, { maxRows, maxMb: limits.maxMb, baselineDate: formatDay(ctx, benefit.baselineDate) })}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="upload-heading" className="stack">
        <Heading level={2} data-size="md" id="upload-heading">
          {f.uploadHeading}
        </Heading>
        <Form ctx={ctx} action={importMeasurementsHref(benefit.id)} encType="multipart/form-data">
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
 * The file as read: its errors by row and column, or its measurements with "Spara". The server keeps
 * nothing between the two requests: the form carries the file (base64) and the save checks it again.
 */
export function MeasurementImportPreviewPage({
  ctx,
  benefit,
  fileName,
  content,
  result,
  limits,
  notice,
}: {
  ctx: PageContext;
  benefit: Benefit;
  fileName: string;
  content: string;
  result: MeasurementImport;
  limits: ImportLimits;
  notice?: string | undefined;
}) {
  const t = ctx.m.benefits.import;
  const b = ctx.m.benefits;
  const f = ctx.m.flowImport;
  return (
    <Layout ctx={ctx} title={f.previewTitle}>
      <Paragraph>
        <Link href={benefitHref(benefit.id)}>{benefit.name}</Link>
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
            <Link href={importMeasurementsHref(benefit.id)}>{f.tryAgain}</Link>
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
                <Table.HeaderCell scope="col">{f.row}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{b.columnDate}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{b.columnValue}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{b.columnNote}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {result.rows.map((r) => (
                <Table.Row key={r.row}>
                  <Table.Cell>{r.row}</Table.Cell>
                  <Table.Cell>{formatDay(ctx, r.date)}</Table.Cell>
                  <Table.Cell>{`${formatValue(ctx.locale, r.value)} ${benefit.unit}`}</Table.Cell>
                  <Table.Cell>{r.note || b.notGiven}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
          <Form ctx={ctx} action={importMeasurementsCommitHref(benefit.id)}>
            <input type="hidden" name="content" value={content} />
            <input type="hidden" name="fileName" value={fileName} />
            <div className="actions">
              <SubmitButton>{t.save}</SubmitButton>
              <Link href={importMeasurementsHref(benefit.id)}>{f.tryAgain}</Link>
            </div>
          </Form>
        </section>
      )}
    </Layout>
  );
}
