import type { DocumentCollaboration } from "../../../domain/reviews/document-collaboration.ts";
import type { CommentView } from "../../../domain/reviews/document-comments.ts";
import { format, formatDateTime } from "../../../i18n/index.ts";
import {
  ActionButton,
  ChoiceGroup,
  Details,
  Form,
  FormErrorSummary,
  Heading,
  Paragraph,
  ScrollableTable,
  SubmitButton,
  Table,
  TextArea,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import type { DeliverableView } from "./initiative-parts.tsx";

/**
 * The review and comment parts of a document's page: who is asked to review and what they
 * answered, the reviewer's own answer form, comment threads beside each section, and the history.
 * Every form is a plain POST, so the page works without JavaScript.
 */

/** A form of these parts shown again with what was typed and what was wrong with it. */
export type CollaborationForm = { values: Record<string, string | string[]>; errors: FormErrors };

/** The field of a new comment's text on a section, or of an answer's in a thread: one per form on the page. */
export const commentTextField = (target: string) => `text-${target}`;
export const quoteField = (sectionId: string) => `quote-${sectionId}`;
export const REVIEWERS_FIELD = "reviewerIds";
export const threadAnchor = (threadId: string) => `thread-${threadId}`;

const personName = (ctx: PageContext, person: { name: string | null } | null) => person?.name ?? ctx.m.reviews.removedAccount;

/** Who was asked about which version, their answers, the form to ask, and the actor's own answer form. */
export function ReviewSection({
  ctx,
  deliverable,
  candidates,
  askForm,
  verdictForm,
}: {
  ctx: PageContext;
  deliverable: DeliverableView;
  candidates: DocumentCollaboration["candidates"];
  askForm?: CollaborationForm | undefined;
  verdictForm?: (CollaborationForm & { reviewId: string }) | undefined;
}) {
  const t = ctx.m.reviews;
  const latest = deliverable.versions[deliverable.versions.length - 1];
  const { requestReview, answerReviews } = deliverable.permissions;
  if (!latest || (deliverable.reviews.length === 0 && !requestReview && answerReviews.length === 0)) return null;
  const answerText = (verdict: "approved" | "changes_requested" | null) =>
    verdict === "approved" ? t.approved : verdict === "changes_requested" ? t.changesRequested : t.pending;
  const reviewId = answerReviews[0];
  return (
    <section aria-labelledby="reviewers-heading" className="stack" id="reviewers">
      <Heading level={2} data-size="md" id="reviewers-heading">
        {t.heading}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {deliverable.reviews.length === 0 ? (
        <Paragraph className="hint">{t.noReviews}</Paragraph>
      ) : (
        <ScrollableTable caption={t.tableCaption}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.version}</Table.HeaderCell>
              <Table.HeaderCell>{t.requested}</Table.HeaderCell>
              <Table.HeaderCell>{t.reviewer}</Table.HeaderCell>
              <Table.HeaderCell>{t.answer}</Table.HeaderCell>
              <Table.HeaderCell>{t.note}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {[...deliverable.reviews].reverse().flatMap((r) =>
              r.reviewers.map((a, i) => (
                <Table.Row key={`${r.id}-${a.reviewer?.id ?? i}`} data-testid="review-row">
                  <Table.Cell>{r.version}</Table.Cell>
                  <Table.Cell>{`${personName(ctx, r.requestedBy)}, ${formatDateTime(ctx.locale, r.requestedAt)}`}</Table.Cell>
                  <Table.Cell>{personName(ctx, a.reviewer)}</Table.Cell>
                  <Table.Cell>
                    {answerText(a.verdict)}
                    {a.decidedAt ? `, ${formatDateTime(ctx.locale, a.decidedAt)}` : ""}
                    {a.verdict && !a.onCurrentText ? <span className="hint">{` ${t.earlierText}`}</span> : null}
                  </Table.Cell>
                  <Table.Cell>{a.note ?? "–"}</Table.Cell>
                </Table.Row>
              )),
            )}
          </Table.Body>
        </ScrollableTable>
      )}

      {reviewId ? (
        <section aria-labelledby="verdict-heading" className="stack">
          <Heading level={3} data-size="sm" id="verdict-heading">
            {t.verdictHeading}
          </Heading>
          <Paragraph>{format(t.verdictIntro, { version: latest.version })}</Paragraph>
          <FormErrorSummary ctx={ctx} errors={verdictForm?.errors} labels={{ verdict: t.verdict, note: t.verdictNote }} />
          <Form ctx={ctx} action={`/reviews/${reviewId}/verdict`}>
            <ChoiceGroup
              ctx={ctx}
              name="verdict"
              legend={t.verdict}
              type="radio"
              errors={verdictForm?.errors}
              options={[
                { value: "approved", label: t.verdictApproved },
                { value: "changes_requested", label: t.verdictChanges },
              ]}
              selected={[String(verdictForm?.values.verdict ?? "")]}
            />
            <TextArea
              ctx={ctx}
              name="note"
              label={`${t.verdictNote} ${ctx.m.common.optional}`}
              value={String(verdictForm?.values.note ?? "")}
              errors={verdictForm?.errors}
              rows={3}
            />
            <SubmitButton>{t.sendVerdict}</SubmitButton>
          </Form>
        </section>
      ) : null}

      {requestReview ? (
        <section aria-labelledby="ask-review-heading" className="stack">
          <Heading level={3} data-size="sm" id="ask-review-heading">
            {t.askHeading}
          </Heading>
          {candidates.length === 0 ? (
            <Paragraph className="hint">{t.noCandidates}</Paragraph>
          ) : (
            <>
              <Paragraph>{format(t.askVersion, { version: latest.version })}</Paragraph>
              <FormErrorSummary ctx={ctx} errors={askForm?.errors} labels={{ [REVIEWERS_FIELD]: t.reviewers }} />
              <Form ctx={ctx} action={`/deliverables/${deliverable.id}/reviews`}>
                <input type="hidden" name="version" value={latest.version} />
                <ChoiceGroup
                  ctx={ctx}
                  name={REVIEWERS_FIELD}
                  legend={t.reviewers}
                  hint={t.reviewersHint}
                  type="checkbox"
                  errors={askForm?.errors}
                  options={candidates.map((c) => ({ value: c.id, label: c.name }))}
                  selected={[askForm?.values[REVIEWERS_FIELD] ?? []].flat()}
                />
                <SubmitButton variant="secondary">{t.ask}</SubmitButton>
              </Form>
            </>
          )}
        </section>
      ) : null}
    </section>
  );
}

/** One thread: the first comment with its quote, the answers, and for whoever may, a form to answer and a button to resolve. */
function Thread({
  ctx,
  deliverableId,
  first,
  replies,
  canComment,
  form,
}: {
  ctx: PageContext;
  deliverableId: string;
  first: CommentView;
  replies: readonly CommentView[];
  canComment: boolean;
  form?: CollaborationForm | undefined;
}) {
  const t = ctx.m.reviews;
  const field = commentTextField(first.id);
  return (
    <article
      className="comment-thread"
      id={threadAnchor(first.id)}
      aria-labelledby={`${threadAnchor(first.id)}-meta`}
      data-testid="comment-thread"
    >
      <Paragraph data-size="sm" id={`${threadAnchor(first.id)}-meta`} className="comment-meta">
        {format(t.thread, { name: personName(ctx, first.author), date: formatDateTime(ctx.locale, first.createdAt) })}
        {" · "}
        {format(t.onVersion, { version: first.version })}
      </Paragraph>
      {first.quote ? (
        <blockquote className="comment-quote">
          <span className="visually-hidden">{`${t.quoted}: `}</span>
          {first.quote}
        </blockquote>
      ) : null}
      <p className="comment-text">{first.text}</p>
      {replies.length ? (
        <ol className="comment-replies">
          {replies.map((r) => (
            <li key={r.id}>
              <Paragraph data-size="sm" className="comment-meta">
                {format(t.reply, { name: personName(ctx, r.author), date: formatDateTime(ctx.locale, r.createdAt) })}
              </Paragraph>
              <p className="comment-text">{r.text}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {first.resolvedAt ? (
        <Paragraph data-size="sm" className="hint">
          {format(t.resolvedBy, { name: personName(ctx, first.resolvedBy), date: formatDateTime(ctx.locale, first.resolvedAt) })}
        </Paragraph>
      ) : canComment ? (
        <div className="stack">
          <Form ctx={ctx} action={`/deliverables/${deliverableId}/comments`}>
            <input type="hidden" name="replyTo" value={first.id} />
            <input type="hidden" name="version" value={first.version} />
            <input type="hidden" name="sectionId" value={first.sectionId} />
            <TextArea
              ctx={ctx}
              name={field}
              label={t.answerLabel}
              value={String(form?.values[field] ?? "")}
              errors={form?.errors}
              rows={2}
            />
            <SubmitButton variant="secondary">{t.sendAnswer}</SubmitButton>
          </Form>
          <ActionButton ctx={ctx} action={`/comments/${first.id}/resolve`} variant="tertiary">
            {t.resolve}
          </ActionButton>
        </div>
      ) : null}
    </article>
  );
}

/**
 * The comments on one section, beside its text: open threads, resolved ones folded away, and a
 * form for a new comment on the version shown (closed until asked for, so the text stays in front).
 */
export function SectionComments({
  ctx,
  deliverableId,
  sectionId,
  heading,
  version,
  comments,
  canComment,
  form,
}: {
  ctx: PageContext;
  deliverableId: string;
  sectionId: string;
  heading: string;
  /** The version shown: a new comment is about it. */
  version: number;
  comments: readonly CommentView[];
  canComment: boolean;
  /** The comment form sent from this section (a new comment or an answer), shown again with its errors. */
  form?: CollaborationForm | undefined;
}) {
  const t = ctx.m.reviews;
  const own = comments.filter((c) => c.sectionId === sectionId);
  const firsts = own.filter((c) => c.replyTo === null);
  const open = firsts.filter((c) => c.resolvedAt === null);
  const resolved = firsts.filter((c) => c.resolvedAt !== null);
  const thread = (first: CommentView) => (
    <Thread
      key={first.id}
      ctx={ctx}
      deliverableId={deliverableId}
      first={first}
      replies={own.filter((c) => c.replyTo === first.id)}
      canComment={canComment}
      form={form}
    />
  );
  const textField = commentTextField(sectionId);
  const newCommentErrors = form && !form.values.replyTo ? form.errors : undefined;
  if (!firsts.length && !canComment) return null;
  return (
    <div className="section-comments" data-testid={`comments-${sectionId}`}>
      {open.length ? (
        <Paragraph data-size="sm">
          <strong>{open.length === 1 ? t.openComment : format(t.openComments, { count: open.length })}</strong>
        </Paragraph>
      ) : null}
      {open.map(thread)}
      {resolved.length ? (
        <Details>
          <Details.Summary>{format(t.resolvedThreads, { count: resolved.length })}</Details.Summary>
          <Details.Content>{resolved.map(thread)}</Details.Content>
        </Details>
      ) : null}
      {canComment ? (
        <Details defaultOpen={newCommentErrors !== undefined}>
          <Details.Summary>{format(t.newComment, { heading })}</Details.Summary>
          <Details.Content>
            <FormErrorSummary
              ctx={ctx}
              errors={newCommentErrors}
              labels={{ [textField]: t.commentText, [quoteField(sectionId)]: t.quote }}
            />
            <Form ctx={ctx} action={`/deliverables/${deliverableId}/comments`}>
              <input type="hidden" name="version" value={version} />
              <input type="hidden" name="sectionId" value={sectionId} />
              <TextField
                ctx={ctx}
                name={quoteField(sectionId)}
                label={`${t.quote} ${ctx.m.common.optional}`}
                hint={t.quoteHint}
                value={String(form?.values[quoteField(sectionId)] ?? "")}
                errors={newCommentErrors}
              />
              <TextArea
                ctx={ctx}
                name={textField}
                label={t.commentText}
                value={String(form?.values[textField] ?? "")}
                errors={newCommentErrors}
                rows={3}
              />
              <SubmitButton variant="secondary">{t.sendComment}</SubmitButton>
            </Form>
          </Details.Content>
        </Details>
      ) : null}
    </div>
  );
}

/** Who did what to the document when, newest first (document-history.ts). */
export function DocumentHistorySection({ ctx, history }: { ctx: PageContext; history: DocumentCollaboration["history"] }) {
  const t = ctx.m.reviews;
  if (!history.length) return null;
  return (
    <section aria-labelledby="document-history-heading" className="stack-wide">
      <Heading level={2} data-size="md" id="document-history-heading">
        {t.historyHeading}
      </Heading>
      <ScrollableTable caption={t.historyCaption}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.historyWhen}</Table.HeaderCell>
            <Table.HeaderCell>{t.historyWho}</Table.HeaderCell>
            <Table.HeaderCell>{t.historyWhat}</Table.HeaderCell>
            <Table.HeaderCell>{t.historyVersion}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {history.map((e) => (
            <Table.Row key={e.seq} data-testid="history-row">
              <Table.Cell>{formatDateTime(ctx.locale, e.at)}</Table.Cell>
              <Table.Cell>{e.actorName ?? t.removedAccount}</Table.Cell>
              <Table.Cell>{t.historyKinds[e.kind]}</Table.Cell>
              <Table.Cell>{e.version ?? "–"}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollableTable>
    </section>
  );
}
