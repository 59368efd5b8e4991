import type { FlowInput } from "../../../domain/flows/flow-input.ts";
import { IMPORT_COLUMNS } from "../../../domain/flows/import/import-columns.ts";
import type { FlowImport, ImportProblem } from "../../../domain/flows/import/parse-flow-import.ts";
import { fieldErrorText, format, type Messages } from "../../../i18n/index.ts";
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
import { flowImportHref } from "../flows/flow-hrefs.ts";
import { FlowNav } from "../flows/flow-parts.tsx";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";

export { flowImportHref };
export const flowImportCommitHref = (initiativeId: string) => `/initiatives/${initiativeId}/flows/import/commit`;

/** The limits the page tells, as the import applies them. */
export type ImportLimits = { maxRows: number; maxMb: number };

/**
 * A problem's text in the page's language: another import's own codes first (`codes`, the actuals
 * import's), then the flow import's, else FlowInput's field codes.
 */
export function problemText(m: Messages, code: string, limits: ImportLimits, codes?: Readonly<Record<string, string>>): string {
  const own = codes?.[code] ?? (m.flowImport.codes as Record<string, string>)[code];
  return own ? format(own, { maxRows: limits.maxRows.toLocaleString("sv-SE"), maxMb: limits.maxMb }) : fieldErrorText(m, code);
}

/** The errors the preview lists at most: the first ones tell what is wrong with the file. */
const MAX_SHOWN_ERRORS = 200;

type Initiative = { id: string; name: string };

function InitiativeLink({ ctx, initiative }: { ctx: PageContext; initiative: Initiative }) {
  return <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />;
}

function UploadForm({ ctx, initiative, errors }: { ctx: PageContext; initiative: Initiative; errors?: FormErrors | undefined }) {
  const t = ctx.m.flowImport;
  return (
    <section aria-labelledby="upload-heading" className="stack">
      <Heading level={2} data-size="md" id="upload-heading">
        {t.uploadHeading}
      </Heading>
      <Form ctx={ctx} action={flowImportHref(initiative.id)} encType="multipart/form-data">
        <FileField
          ctx={ctx}
          name="file"
          label={t.fileLabel}
          hint={t.fileHint}
          errors={errors}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
        <div className="actions">
          <SubmitButton>{t.submit}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

/** How to write the file, the template, and the upload form: the team's start of an import. */
export function FlowImportPage({
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
  const t = pageCtx.m.flowImport;
  // The file field's own errors, in the page's language, beside the field and in the summary.
  const ctx: PageContext = {
    ...pageCtx,
    m: {
      ...pageCtx.m,
      fieldErrors: {
        ...pageCtx.m.fieldErrors,
        no_file: t.noFile,
        file_too_large: format(t.codes.file_too_large, { maxMb: limits.maxMb }),
      } as Messages["fieldErrors"],
    },
  };
  return (
    <Layout ctx={ctx} title={t.title}>
      <InitiativeLink ctx={ctx} initiative={initiative} />
      <PageHeading lead={t.intro}>{t.title}</PageHeading>
      <FlowNav ctx={ctx} initiativeId={initiative.id} />
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ file: t.fileLabel }} />
      <section aria-labelledby="format-heading" className="stack">
        <Heading level={2} data-size="md" id="format-heading">
          {t.formatHeading}
        </Heading>
        <ul>
          {t.formatItems.map((item) => (
            <li key={item}>
              {format(item, { maxRows: limits.maxRows.toLocaleString(ctx.locale === "en" ? "en-GB" : "sv-SE"), maxMb: limits.maxMb })}
            </li>
          ))}
        </ul>
        <ul>
          <li>
            <Link href="/api/v1/flows/import-template.xlsx">{t.templateXlsx}</Link>
          </li>
          <li>
            <Link href="/api/v1/flows/import-template.csv">{t.templateCsv}</Link>
          </li>
        </ul>
      </section>
      <UploadForm ctx={ctx} initiative={initiative} errors={errors} />
      <section aria-labelledby="columns-heading" className="stack">
        <Heading level={2} data-size="md" id="columns-heading">
          {t.columnsHeading}
        </Heading>
        <ScrollableTable caption={t.columnsCaption}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.columnSv}</Table.HeaderCell>
              <Table.HeaderCell>{t.columnEn}</Table.HeaderCell>
              <Table.HeaderCell>{t.columnRequired}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {IMPORT_COLUMNS.map((c) => (
              <Table.Row key={c.field}>
                <Table.Cell>{c.sv}</Table.Cell>
                <Table.Cell lang="en">{c.en}</Table.Cell>
                <Table.Cell>{c.required ? t.yes : t.no}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      </section>
    </Layout>
  );
}

/** An import's errors by row and column, in the page's language; `codes` are another import's own texts. */
export function ProblemTable({
  ctx,
  problems,
  limits,
  codes,
}: {
  ctx: PageContext;
  problems: readonly ImportProblem[];
  limits: ImportLimits;
  codes?: Readonly<Record<string, string>>;
}) {
  const t = ctx.m.flowImport;
  const shown = problems.slice(0, MAX_SHOWN_ERRORS);
  return (
    <>
      <ScrollableTable caption={t.errorsCaption}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.errorRow}</Table.HeaderCell>
            <Table.HeaderCell>{t.errorColumn}</Table.HeaderCell>
            <Table.HeaderCell>{t.errorMessage}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {shown.map((p, i) => (
            // A row may have several errors in one column (a month's share and the sum).
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for the page.
            <Table.Row key={i}>
              <Table.Cell>{p.row || t.wholeFile}</Table.Cell>
              <Table.Cell>{p.column ?? ""}</Table.Cell>
              <Table.Cell>
                {problemText(ctx.m, p.code, limits, codes)}
                {p.value !== null ? ` ${format(t.valueWas, { value: p.value })}` : ""}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollableTable>
      {problems.length > shown.length ? <Paragraph>{format(t.moreErrors, { count: problems.length - shown.length })}</Paragraph> : null}
    </>
  );
}

function RowTable({ ctx, rows }: { ctx: PageContext; rows: readonly { row: number; flow: FlowInput }[] }) {
  const t = ctx.m.flowImport;
  const number = new Intl.NumberFormat(ctx.locale === "en" ? "en-GB" : "sv-SE");
  return (
    <ScrollableTable caption={t.rowsCaption}>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.row}</Table.HeaderCell>
          <Table.HeaderCell>{t.name}</Table.HeaderCell>
          <Table.HeaderCell>{t.recipientType}</Table.HeaderCell>
          <Table.HeaderCell>{t.annualVolume}</Table.HeaderCell>
          <Table.HeaderCell>{t.plannedTestDate}</Table.HeaderCell>
          <Table.HeaderCell>{t.plannedProductionDate}</Table.HeaderCell>
          <Table.HeaderCell>{t.status}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map(({ row, flow }) => (
          <Table.Row key={row}>
            <Table.Cell>{row}</Table.Cell>
            <Table.Cell>{flow.name}</Table.Cell>
            <Table.Cell>{t.recipientTypes[flow.recipientType]}</Table.Cell>
            <Table.Cell>{number.format(flow.annualVolume)}</Table.Cell>
            <Table.Cell>{flow.plannedTestDate ?? ""}</Table.Cell>
            <Table.Cell>{flow.plannedProductionDate ?? ""}</Table.Cell>
            <Table.Cell>{t.statuses[flow.status]}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  );
}

/**
 * The file as read: its errors by row and column, or its flows with a button that saves them. The
 * server keeps nothing between the two requests, so the form carries the file itself (base64) and
 * the save reads and checks it again.
 */
export function FlowImportPreviewPage({
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
  /** The file as base64, for the save. */
  content: string;
  result: FlowImport;
  limits: ImportLimits;
  /** Said above the errors when a save found the file wrong. */
  notice?: string | undefined;
}) {
  const t = ctx.m.flowImport;
  const count = result.rows.length;
  return (
    <Layout ctx={ctx} title={t.previewTitle}>
      <InitiativeLink ctx={ctx} initiative={initiative} />
      <PageHeading>{t.previewTitle}</PageHeading>
      <FlowNav ctx={ctx} initiativeId={initiative.id} />
      {result.errors.length ? (
        <section aria-labelledby="errors-heading" className="stack-wide">
          <Alert data-color="danger">
            <Heading level={2} data-size="xs" id="errors-heading">
              {t.errorsHeading}
            </Heading>
            {notice ? <Paragraph>{notice}</Paragraph> : null}
            <Paragraph>{t.errorsIntro}</Paragraph>
          </Alert>
          <ProblemTable ctx={ctx} problems={result.errors} limits={limits} />
          <Paragraph>
            <Link href={flowImportHref(initiative.id)}>{t.tryAgain}</Link>
          </Paragraph>
        </section>
      ) : (
        <section aria-labelledby="rows-heading" className="stack-wide">
          <Paragraph>
            {format(t.previewIntro, { file: fileName, count })} {format(t.previewFormat, { format: result.format.toUpperCase() })}
          </Paragraph>
          {result.ignoredColumns.length ? (
            <Paragraph>{format(t.ignoredColumns, { columns: result.ignoredColumns.join(", ") })}</Paragraph>
          ) : null}
          <Heading level={2} data-size="md" id="rows-heading">
            {t.rowsHeading}
          </Heading>
          <RowTable ctx={ctx} rows={result.rows} />
          <Form ctx={ctx} action={flowImportCommitHref(initiative.id)}>
            <input type="hidden" name="content" value={content} />
            <input type="hidden" name="fileName" value={fileName} />
            <div className="actions">
              <SubmitButton>{count === 1 ? t.saveOne : format(t.save, { count })}</SubmitButton>
              <Link href={flowImportHref(initiative.id)}>{t.tryAgain}</Link>
            </div>
          </Form>
        </section>
      )}
    </Layout>
  );
}
