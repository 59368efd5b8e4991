import type { AttachmentView } from "../../../domain/attachments/attachments.ts";
import { format, formatDateTime, type Messages } from "../../../i18n/index.ts";
import {
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
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";

/** Where a person downloads an attachment (a page route, with the session): always a download, never shown inline. */
export const attachmentHref = (attachmentId: string) => `/attachments/${attachmentId}`;
export const deliverableAttachmentsHref = (deliverableId: string) => `/deliverables/${deliverableId}/attachments`;
export const decisionAttachmentsHref = (decisionId: string) => `/decisions/${decisionId}/attachments`;
/** The id of the deliverable page's Bilagor section, where an upload lands. */
export const ATTACHMENTS_SECTION_ID = "bilagor";

/** What the page tells about uploads in this installation: the size limit and whether ClamAV scans them. */
export type UploadTerms = { maxBytes: number; scanned: boolean };

const maxMb = (terms: UploadTerms) => Math.round((terms.maxBytes / (1024 * 1024)) * 10) / 10;

export function formatFileSize(locale: PageContext["locale"], bytes: number): string {
  const number = new Intl.NumberFormat(locale === "en" ? "en-GB" : "sv-SE", { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} kB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}

/** The upload's refusals in the page's language, beside the file field and in the error summary. */
function withUploadErrors(ctx: PageContext, terms: UploadTerms): PageContext {
  const codes = Object.fromEntries(
    Object.entries(ctx.m.attachments.codes).map(([code, text]) => [code, format(text, { maxMb: maxMb(terms) })]),
  );
  return { ...ctx, m: { ...ctx.m, fieldErrors: { ...ctx.m.fieldErrors, ...codes } as Messages["fieldErrors"] } };
}

export function AttachmentTable({ ctx, caption, attachments }: { ctx: PageContext; caption: string; attachments: AttachmentView[] }) {
  const t = ctx.m.attachments;
  return (
    <ScrollableTable caption={caption}>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.name}</Table.HeaderCell>
          <Table.HeaderCell>{t.type}</Table.HeaderCell>
          <Table.HeaderCell>{t.size}</Table.HeaderCell>
          <Table.HeaderCell>{t.uploadedBy}</Table.HeaderCell>
          <Table.HeaderCell>{t.uploadedAt}</Table.HeaderCell>
          <Table.HeaderCell>{t.scanned}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {attachments.map((a) => (
          <Table.Row key={a.id} data-testid="attachment-row">
            <Table.Cell>
              <Link href={attachmentHref(a.id)} download={a.filename} aria-label={format(t.download, { filename: a.filename })}>
                {a.filename}
              </Link>
            </Table.Cell>
            <Table.Cell>{t.kinds[a.contentType] ?? a.contentType}</Table.Cell>
            <Table.Cell>{formatFileSize(ctx.locale, a.size)}</Table.Cell>
            <Table.Cell>{a.uploadedBy ? (a.uploadedBy.name ?? t.removedAccount) : t.removedAccount}</Table.Cell>
            <Table.Cell>{formatDateTime(ctx.locale, a.createdAt)}</Table.Cell>
            <Table.Cell>{a.scanned ? t.yes : t.no}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  );
}

function UploadForm({
  ctx,
  action,
  terms,
  errors,
}: {
  ctx: PageContext;
  action: string;
  terms: UploadTerms;
  errors?: FormErrors | undefined;
}) {
  const t = ctx.m.attachments;
  return (
    <>
      <Heading level={3} data-size="sm" id="attachment-upload-heading">
        {t.uploadHeading}
      </Heading>
      <Form ctx={ctx} action={action} encType="multipart/form-data">
        <FileField
          ctx={ctx}
          name="file"
          label={t.fileLabel}
          hint={format(t.fileHint, { maxMb: maxMb(terms) })}
          errors={errors}
          accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,image/png,image/jpeg"
        />
        <div className="actions">
          <SubmitButton>{t.submit}</SubmitButton>
        </div>
      </Form>
    </>
  );
}

/**
 * The deliverable page's Bilagor: the latest version's attachments, then each earlier version's,
 * and for the team an upload form (a plain multipart form, no JavaScript needed). Refused uploads
 * come back here with the reason beside the field.
 */
export function DeliverableAttachments({
  ctx: pageCtx,
  deliverableId,
  latestVersion,
  attachments,
  mayUpload,
  frozen = false,
  terms,
  errors,
}: {
  ctx: PageContext;
  deliverableId: string;
  latestVersion: number;
  attachments: AttachmentView[];
  mayUpload: boolean;
  /** The latest version is fastställd: the team is told why there is no upload form. */
  frozen?: boolean;
  terms: UploadTerms;
  errors?: FormErrors | undefined;
}) {
  const ctx = withUploadErrors(pageCtx, terms);
  const t = ctx.m.attachments;
  const versions = [...new Set(attachments.map((a) => a.version ?? 0))].sort((a, b) => b - a);
  return (
    <section aria-labelledby="attachments-heading" className="stack" id={ATTACHMENTS_SECTION_ID}>
      <Heading level={2} data-size="md" id="attachments-heading">
        {t.heading}
      </Heading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ file: t.fileLabel }} />
      <Paragraph>{t.intro}</Paragraph>
      {attachments.length === 0 ? <Paragraph>{t.none}</Paragraph> : null}
      {versions.map((version) => (
        <AttachmentTable
          key={version}
          ctx={ctx}
          caption={format(version === latestVersion ? t.latestCaption : t.earlierCaption, { version })}
          attachments={attachments.filter((a) => a.version === version)}
        />
      ))}
      <Paragraph data-size="sm" data-testid="scan-note">
        {terms.scanned ? t.scannedNote : t.notScanned}
      </Paragraph>
      {mayUpload ? <UploadForm ctx={ctx} action={deliverableAttachmentsHref(deliverableId)} terms={terms} errors={errors} /> : null}
      {frozen ? <Paragraph>{t.frozenNote}</Paragraph> : null}
    </section>
  );
}

/** A milestone decision's attachments (the signed anslutningsavtal, the protokoll) and, for those who may, the upload. */
export function DecisionAttachmentsPage({
  ctx: pageCtx,
  initiative,
  decision,
  attachments,
  mayUpload,
  terms,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  decision: { id: string; numeral: string; decidedOn: string };
  attachments: AttachmentView[];
  mayUpload: boolean;
  terms: UploadTerms;
  errors?: FormErrors | undefined;
}) {
  const ctx = withUploadErrors(pageCtx, terms);
  const t = ctx.m.attachments;
  const title = format(t.decisionTitle, { numeral: decision.numeral });
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.decisionIntro}>{title}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ file: t.fileLabel }} />
      <Paragraph>
        <Link href={`/initiatives/${initiative.id}/milestones/${decision.numeral}`}>
          {format(t.backToMilestone, { numeral: decision.numeral })}
        </Link>
      </Paragraph>
      <section aria-labelledby="attachments-heading" className="stack" id={ATTACHMENTS_SECTION_ID}>
        <Heading level={2} data-size="md" id="attachments-heading">
          {t.heading}
        </Heading>
        {attachments.length ? (
          <AttachmentTable ctx={ctx} caption={t.decisionCaption} attachments={attachments} />
        ) : (
          <Paragraph>{t.none}</Paragraph>
        )}
        <Paragraph data-size="sm" data-testid="scan-note">
          {terms.scanned ? t.scannedNote : t.notScanned}
        </Paragraph>
        {mayUpload ? <UploadForm ctx={ctx} action={decisionAttachmentsHref(decision.id)} terms={terms} errors={errors} /> : null}
      </section>
    </Layout>
  );
}
