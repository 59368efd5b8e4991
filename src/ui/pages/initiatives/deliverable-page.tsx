import { Button } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { generatedBlocks } from "../../../domain/deliverables/generated-tables.ts";
import type { DocumentCollaboration } from "../../../domain/reviews/document-collaboration.ts";
import { generatedTablesOf } from "../../../exports/deliverable-document.ts";
import { format, formatDateTime } from "../../../i18n/index.ts";
import { deliverableType } from "../../../method/lookup.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";
import {
  ActionButton,
  Alert,
  Details,
  DocumentBlocks,
  Form,
  FormErrorSummary,
  fieldId,
  Heading,
  Layout,
  Link,
  MarkdownText,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SubmitButton,
  Table,
  TextArea,
} from "../../components/index.ts";
import { errorFor, type FormErrors, type PageContext } from "../../page-context.ts";
import { compareVersionsHref } from "./compare-versions-page.tsx";
import { type CollaborationForm, DocumentHistorySection, ReviewSection, SectionComments } from "./document-review-parts.tsx";
import {
  BackLink,
  DeliverableStatusTag,
  type DeliverableView,
  deliverableVersionHref,
  initiativeHref,
  inLocale,
} from "./initiative-parts.tsx";

/** Form field of a template section; ids are the method's, so they are safe in a name. */
export const sectionField = (sectionId: string) => `section-${sectionId}`;

/**
 * The hidden field with the ETag of the version the page showed, so saving or moving it through
 * review is refused (not applied on top) when someone else changed it meanwhile. A conflict is
 * reported as this field's error.
 */
export const BASE_ETAG_FIELD = "baseEtag";

export type SectionForm = { values: Record<string, string>; errors: FormErrors };

/** The page that asks before a version is fastställd. */
export const approveHref = (deliverableId: string) => `/deliverables/${deliverableId}/faststall`;

/**
 * Why the actor cannot fastställa the latest version yet, as a list: each required section still
 * empty (linked to its field when the edit form is on the page) and a second person needed.
 */
export function ApprovalBlockerList({
  ctx,
  deliverable,
  linkToFields,
}: {
  ctx: PageContext;
  deliverable: DeliverableView;
  linkToFields: boolean;
}) {
  const t = ctx.m.initiatives.deliverable;
  const blockers = deliverable.approvalBlockers;
  const latest = deliverable.versions[deliverable.versions.length - 1];
  if (!blockers || !latest || (blockers.missingSections.length === 0 && !blockers.secondPersonRequired)) return null;
  return (
    <Alert data-color="warning" data-testid="approval-blockers">
      <Paragraph>{format(t.blocked, { version: latest.version })}</Paragraph>
      <ul>
        {blockers.missingSections.map((id) => {
          const section = deliverable.template.find((s) => s.id === id);
          const text = format(t.missingSection, { heading: section ? inLocale(ctx, section.heading) : id });
          return <li key={id}>{linkToFields ? <Link href={`#${fieldId(sectionField(id))}`}>{text}</Link> : text}</li>;
        })}
        {blockers.secondPersonRequired ? <li>{t.secondPersonRequired}</li> : null}
      </ul>
    </Alert>
  );
}

/**
 * A document: its latest version section by section with the template's guidance, its version
 * history, and for the team a form to change the text and buttons to move it through review.
 * Texts are shown as plain text (React escapes them); line breaks are kept by CSS.
 */
export function DeliverablePage({
  ctx,
  deliverable,
  initiative,
  form,
  statusConflict = false,
  shownVersion,
  preview,
  collaboration,
  askForm,
  verdictForm,
  commentForm,
  attachments,
}: {
  ctx: PageContext;
  deliverable: DeliverableView;
  initiative: { id: string; name: string };
  form?: SectionForm | undefined;
  /** A review button was pressed on a version that had changed since the page showed it. */
  statusConflict?: boolean;
  /** The version whose text and exports to show (`?version=N`, e.g. the one a decision was taken on); else the latest. */
  shownVersion?: number | undefined;
  /** The sections as typed, to show as they will look (the form's "Förhandsgranska"): nothing is saved. */
  preview?: Record<string, string> | undefined;
  /** Comments, whom a review can be asked of, and the history (document-collaboration.ts). */
  collaboration: DocumentCollaboration;
  /** The review request, the reviewer's answer or a comment, sent and shown again with its errors. */
  askForm?: CollaborationForm | undefined;
  verdictForm?: (CollaborationForm & { reviewId: string }) | undefined;
  commentForm?: (CollaborationForm & { sectionId: string }) | undefined;
  /** The Bilagor section (ui/pages/attachments/attachment-parts.tsx), shown below the exports when given. */
  attachments?: ReactNode;
}) {
  const t = ctx.m.initiatives;
  const type = deliverableType(methodV12, deliverable.typeId);
  const typeName = type ? inLocale(ctx, type.name) : deliverable.typeId;
  const latest = deliverable.versions[deliverable.versions.length - 1];
  const shown = deliverable.versions.find((v) => v.version === shownVersion) ?? latest;
  const { edit, submit, approve } = deliverable.permissions;
  const etag = deliverable.etag ?? "";
  const now = latest ? { version: latest.version, status: t.deliverableStatus[latest.status] } : { version: "", status: "" };
  return (
    <Layout ctx={ctx} title={deliverable.title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading>{deliverable.title}</PageHeading>
      <dl className="summary-list">
        <dt>{t.deliverable.type}</dt>
        <dd>
          {typeName} (<Link href={`/method/deliverables/${deliverable.typeId}`}>{t.deliverable.aboutType}</Link>)
        </dd>
        <dt>{t.deliverable.initiative}</dt>
        <dd>
          <Link href={initiativeHref(initiative.id)}>{initiative.name}</Link>
        </dd>
        {latest ? (
          <>
            <dt>{t.deliverable.status}</dt>
            <dd>
              {format(t.deliverable.latest, { version: latest.version })} <DeliverableStatusTag ctx={ctx} status={latest.status} />
            </dd>
          </>
        ) : null}
        {shown?.approvedAt ? (
          <>
            <dt>{t.deliverable.approvedBy}</dt>
            <dd data-testid="approved-by">
              {`${shown.approvedBy?.name ?? t.deliverable.removedAccount}, ${formatDateTime(ctx.locale, shown.approvedAt)}`}
            </dd>
          </>
        ) : null}
      </dl>
      {statusConflict ? (
        <Alert data-color="warning" id="status-conflict" tabIndex={-1} data-autofocus="">
          {format(t.deliverable.statusConflict, now)}
        </Alert>
      ) : null}

      {shown && latest && shown.version !== latest.version ? (
        <Alert data-color="info" data-testid="older-version">
          <Paragraph>{format(t.deliverable.olderVersion, { version: shown.version, latest: latest.version })}</Paragraph>
          <Paragraph>
            <Link href={`/deliverables/${deliverable.id}`}>{t.deliverable.showLatest}</Link>
          </Paragraph>
        </Alert>
      ) : null}

      {shown ? (
        <section aria-labelledby="export-heading" className="stack">
          <Heading level={2} data-size="md" id="export-heading">
            {ctx.m.exports.heading}
          </Heading>
          <Paragraph>{format(ctx.m.exports.intro, { version: shown.version })}</Paragraph>
          <ul>
            <li>
              <Link href={`/deliverables/${deliverable.id}/export.docx?version=${shown.version}`}>{ctx.m.exports.downloadDocx}</Link>
            </li>
            <li>
              <Link href={`/deliverables/${deliverable.id}/export.pdf?version=${shown.version}`}>{ctx.m.exports.downloadPdf}</Link>
            </li>
          </ul>
        </section>
      ) : null}

      {attachments}

      {edit && (submit || approve || deliverable.approvalBlockers) ? (
        <section aria-labelledby="review-heading" className="stack">
          <Heading level={2} data-size="md" id="review-heading">
            {t.deliverable.review}
          </Heading>
          <Paragraph>{t.deliverable.reviewIntro}</Paragraph>
          <div className="actions">
            {submit ? (
              <ActionButton
                ctx={ctx}
                action={`/deliverables/${deliverable.id}/status`}
                fields={{ status: "for_granskning", [BASE_ETAG_FIELD]: etag }}
              >
                {t.deliverable.submit}
              </ActionButton>
            ) : null}
            {approve ? (
              // Fastställa asks first: the button opens the page that says what it means (a plain GET, no JavaScript needed).
              <form method="get" action={approveHref(deliverable.id)} className="inline-form">
                <Button type="submit" variant="primary" data-size="sm">
                  {t.deliverable.approve}
                </Button>
              </form>
            ) : null}
          </div>
          <ApprovalBlockerList ctx={ctx} deliverable={deliverable} linkToFields={edit} />
        </section>
      ) : null}

      <ReviewSection
        ctx={ctx}
        deliverable={deliverable}
        candidates={collaboration.candidates}
        askForm={askForm}
        verdictForm={verdictForm}
      />

      {shown ? (
        <div className="stack-wide" id="comments">
          <Paragraph data-size="sm" className="hint">
            {format(t.deliverable.content, { version: shown.version })}
          </Paragraph>
          {deliverable.template.map((section) => {
            const text = shown.sections[section.id] ?? "";
            return (
              <section key={section.id} aria-labelledby={`section-${section.id}-heading`} className="deliverable-section">
                <Heading level={2} data-size="sm" id={`section-${section.id}-heading`}>
                  {inLocale(ctx, section.heading)}
                </Heading>
                <Paragraph data-size="sm" className="hint">
                  {section.required ? <strong>{t.deliverable.requiredHint} </strong> : null}
                  {inLocale(ctx, section.guidance)}
                </Paragraph>
                {text.trim() ? (
                  <MarkdownText text={text} caption={inLocale(ctx, section.heading)} />
                ) : (
                  <Paragraph className="hint">{t.deliverable.empty}</Paragraph>
                )}
                <SectionComments
                  ctx={ctx}
                  deliverableId={deliverable.id}
                  sectionId={section.id}
                  heading={inLocale(ctx, section.heading)}
                  version={shown.version}
                  comments={collaboration.comments}
                  canComment={deliverable.permissions.comment}
                  form={commentForm?.sectionId === section.id ? commentForm : undefined}
                />
              </section>
            );
          })}
          <GeneratedTablesSection ctx={ctx} deliverable={deliverable} shown={shown} />
        </div>
      ) : null}

      <section aria-labelledby="history-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="history-heading">
          {t.deliverable.history}
        </Heading>
        <ScrollableTable caption={t.deliverable.history}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.deliverable.version}</Table.HeaderCell>
              <Table.HeaderCell>{t.deliverable.status}</Table.HeaderCell>
              <Table.HeaderCell>{t.deliverable.createdAt}</Table.HeaderCell>
              <Table.HeaderCell>{t.deliverable.updatedAt}</Table.HeaderCell>
              <Table.HeaderCell>{t.deliverable.approvedAt}</Table.HeaderCell>
              <Table.HeaderCell>{t.deliverable.approvedBy}</Table.HeaderCell>
              <Table.HeaderCell>{ctx.m.reviews.secondApprover}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {[...deliverable.versions].reverse().map((v) => (
              <Table.Row key={v.version}>
                <Table.Cell>
                  {/* aria-current is heard, not seen: the version on show is also marked in words. */}
                  <Link
                    href={deliverableVersionHref(deliverable.id, v.version)}
                    aria-current={v.version === shown?.version ? "page" : undefined}
                  >
                    {format(t.deliverable.versionLink, { version: v.version })}
                  </Link>
                  {v.version === shown?.version ? <span className="hint">{` (${t.deliverable.versionShown})`}</span> : null}
                </Table.Cell>
                <Table.Cell>
                  <DeliverableStatusTag ctx={ctx} status={v.status} />
                </Table.Cell>
                <Table.Cell>{formatDateTime(ctx.locale, v.createdAt)}</Table.Cell>
                <Table.Cell>{formatDateTime(ctx.locale, v.updatedAt)}</Table.Cell>
                <Table.Cell>{v.approvedAt ? formatDateTime(ctx.locale, v.approvedAt) : "–"}</Table.Cell>
                <Table.Cell>{v.approvedBy ? (v.approvedBy.name ?? t.deliverable.removedAccount) : "–"}</Table.Cell>
                <Table.Cell>{v.secondApprover ? (v.secondApprover.name ?? t.deliverable.removedAccount) : "–"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
        {deliverable.versions.length >= 2 && latest ? (
          <Paragraph>
            <Link
              href={compareVersionsHref(deliverable.id, { from: latest.version - 1, to: latest.version })}
              data-testid="compare-versions"
            >
              {ctx.m.versionDiff.compareLink}
            </Link>
          </Paragraph>
        ) : null}
      </section>

      <DocumentHistorySection ctx={ctx} history={collaboration.history} />

      {edit && latest ? (
        <section aria-labelledby="edit-heading" className="stack">
          <Heading level={2} data-size="md" id="edit-heading">
            {t.deliverable.edit}
          </Heading>
          {latest.status === "faststalld" ? (
            <Alert data-color="info">
              {format(t.deliverable.editApprovedNotice, { version: latest.version, next: latest.version + 1 })}
            </Alert>
          ) : latest.status === "for_granskning" ? (
            <Alert data-color="info">{t.deliverable.editReviewNotice}</Alert>
          ) : null}
          <FormErrorSummary
            ctx={ctx}
            errors={form?.errors}
            labels={Object.fromEntries(deliverable.template.map((section) => [sectionField(section.id), inLocale(ctx, section.heading)]))}
          />
          {errorFor(form?.errors, BASE_ETAG_FIELD) ? (
            <Alert data-color="warning" id={fieldId(BASE_ETAG_FIELD)}>
              {format(t.deliverable.editConflict, now)}
            </Alert>
          ) : null}
          {preview ? (
            <SectionsPreview ctx={ctx} deliverable={deliverable} sections={{ ...latest.sections, ...preview }} />
          ) : (
            // Filled by ansluta.js as the user types (the same preview the button shows); empty and hidden without JavaScript.
            <div id="preview" className="stack preview" hidden data-live-hint={t.deliverable.previewLive} />
          )}
          <FormattingHelp ctx={ctx} />
          <Form ctx={ctx} action={`/deliverables/${deliverable.id}`} livePreview="preview">
            <input type="hidden" name={BASE_ETAG_FIELD} value={etag} />
            {deliverable.template.map((section) => (
              <TextArea
                key={section.id}
                ctx={ctx}
                name={sectionField(section.id)}
                label={inLocale(ctx, section.heading)}
                hint={
                  section.required ? `${t.deliverable.requiredHint} ${inLocale(ctx, section.guidance)}` : inLocale(ctx, section.guidance)
                }
                value={form?.values[section.id] ?? latest.sections[section.id] ?? ""}
                errors={form?.errors}
                rows={6}
              />
            ))}
            <div className="actions">
              <SubmitButton>{t.deliverable.save}</SubmitButton>
              {/* The same form shown as it will look, without saving: works without JavaScript. */}
              <SubmitButton variant="secondary" name="intent" value="preview">
                {t.deliverable.preview}
              </SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}
    </Layout>
  );
}

/** The sections as typed, as the page and the exports will show them once saved; not saved yet. */
function SectionsPreview({
  ctx,
  deliverable,
  sections,
}: {
  ctx: PageContext;
  deliverable: DeliverableView;
  sections: Record<string, string>;
}) {
  const t = ctx.m.initiatives.deliverable;
  return (
    <section aria-labelledby="preview-heading" className="stack preview" id="preview">
      <Heading level={3} data-size="sm" id="preview-heading">
        {t.previewHeading}
      </Heading>
      <Alert data-color="info">{t.previewNotSaved}</Alert>
      {deliverable.template.map((section) => {
        const text = sections[section.id] ?? "";
        return (
          <div key={section.id} className="deliverable-section">
            <Heading level={4} data-size="xs">
              {inLocale(ctx, section.heading)}
            </Heading>
            {text.trim() ? (
              <MarkdownText text={text} caption={inLocale(ctx, section.heading)} />
            ) : (
              <Paragraph className="hint">{t.empty}</Paragraph>
            )}
          </div>
        );
      })}
    </section>
  );
}

/** What the section texts may hold (markdown-blocks.ts), beside the editor: closed until asked for. */
function FormattingHelp({ ctx }: { ctx: PageContext }) {
  const f = ctx.m.initiatives.deliverable.formatting;
  return (
    <Details>
      <Details.Summary>{f.summary}</Details.Summary>
      <Details.Content>
        <ul>
          <li>{f.paragraphs}</li>
          <li>{f.list}</li>
          <li>{f.heading}</li>
          <li>{f.table}</li>
        </ul>
        <Paragraph data-size="sm">{f.exampleLabel}</Paragraph>
        <pre className="formatting-example">{f.example}</pre>
        <Paragraph data-size="sm">{f.plain}</Paragraph>
      </Details.Content>
    </Details>
  );
}

/** The tables Ansluta writes into the shown version (generated-tables.ts), as in its DOCX and PDF. */
function GeneratedTablesSection({
  ctx,
  deliverable,
  shown,
}: {
  ctx: PageContext;
  deliverable: Parameters<typeof generatedTablesOf>[0];
  shown: Parameters<typeof generatedTablesOf>[1];
}) {
  const tables = generatedTablesOf(deliverable, shown);
  if (!tables) return null;
  return (
    <section aria-labelledby="generated-0" className="deliverable-section">
      <DocumentBlocks blocks={generatedBlocks(tables, ctx.locale)} idPrefix="generated" locale={ctx.locale} />
    </section>
  );
}
