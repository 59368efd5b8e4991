import { findComment } from "../../../db/repositories/comment-repository.ts";
import { findReview } from "../../../db/repositories/review-repository.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import { threadOf } from "../../../domain/reviews/comment-threads.ts";
import { addComment, resolveComment } from "../../../domain/reviews/document-comments.ts";
import { giveVerdict } from "../../../domain/reviews/give-verdict.ts";
import { requestReview } from "../../../domain/reviews/request-review.ts";
import { CommentInput, RequestReviewInput, VerdictInput } from "../../../domain/reviews/review-input.ts";
import type { FieldIssue } from "../../../domain/shared/domain-error.ts";
import { forbidden, notFound } from "../../../domain/shared/domain-error.ts";
import { format } from "../../../i18n/index.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import { DeliverablePage } from "../../../ui/pages/initiatives/deliverable-page.tsx";
import { commentTextField, quoteField, REVIEWERS_FIELD, threadAnchor } from "../../../ui/pages/initiatives/document-review-parts.tsx";
import type { AppScope } from "../../app-scope.ts";
import { normaliseText, str } from "../../form.ts";
import { redirect } from "../../page-route.ts";
import { ids } from "../../path-id.ts";
import { type DocumentPageContext, documentPageContext } from "../deliverables/document-page-context.ts";

const documentHref = (deliverableId: string, anchor?: string) => `/deliverables/${deliverableId}${anchor ? `#${anchor}` : ""}`;

/** A form's values as sent: a field sent several times (checkboxes) as a list. */
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);

/** The review and comment forms of a document's page (document-review-parts.tsx); the API does the same in reviews.api.ts. */
export function reviewsPages({ page, db }: AppScope) {
  const pageOf = (actor: Actor, deliverableId: string) => documentPageContext(db, actor, deliverableId);

  page({
    method: "POST",
    url: "/deliverables/:deliverableId/reviews",
    access: "session",
    params: ids("deliverableId"),
    load: async ({ actor, params }) => {
      const context = await pageOf(actor, params.deliverableId);
      if (!context.deliverable.permissions.edit) throw forbidden("only the team asks for a review");
      return context;
    },
    form: {
      read: (values) => ({ version: str(values, "version"), [REVIEWERS_FIELD]: list(values[REVIEWERS_FIELD]) }),
      schema: RequestReviewInput,
      input: (shown) => ({ version: shown.version, reviewerIds: shown[REVIEWERS_FIELD] }),
      // Every problem with the reviewers (none chosen, not a member, oneself) belongs to the group of checkboxes.
      issues: (issues: FieldIssue[]): FormErrors =>
        issues.map((i) => ({ field: i.path[0] === "version" ? "form" : REVIEWERS_FIELD, code: i.code })),
    },
    render:
      ({
        loaded,
        form,
      }: {
        loaded: DocumentPageContext;
        form?: { values: Record<string, string | string[]>; errors: FormErrors } | undefined;
      }) =>
      (ctx) => <DeliverablePage ctx={ctx} {...loaded} askForm={form} />,
    handle: async ({ actor, now, m, params, data }) => {
      const review = await requestReview({ db, actor, now, deliverableId: params.deliverableId, input: data });
      const count = review.reviewers.length;
      return redirect(
        documentHref(params.deliverableId, "reviewers"),
        count === 1 ? m.reviews.askedOne : format(m.reviews.asked, { count }),
      );
    },
  });

  page({
    method: "POST",
    url: "/reviews/:reviewId/verdict",
    access: "session",
    params: ids("reviewId"),
    load: async ({ actor, params }) => {
      const review = await findReview(db, params.reviewId);
      if (!review) throw notFound("review");
      return { ...(await pageOf(actor, review.deliverableId)), reviewId: review.id };
    },
    form: {
      read: (values) => ({ verdict: str(values, "verdict"), note: normaliseText(str(values, "note")) }),
      schema: VerdictInput,
    },
    render:
      ({
        loaded: { reviewId, ...loaded },
        form,
      }: {
        loaded: DocumentPageContext & { reviewId: string };
        form?: { values: Record<string, string>; errors: FormErrors } | undefined;
      }) =>
      (ctx) => <DeliverablePage ctx={ctx} {...loaded} verdictForm={form ? { ...form, reviewId } : undefined} />,
    handle: async ({ actor, now, m, params, data, loaded }) => {
      await giveVerdict({ db, actor, now, reviewId: params.reviewId, input: data });
      return redirect(documentHref(loaded.deliverable.id, "reviewers"), m.reviews.verdictSaved);
    },
  });

  page({
    method: "POST",
    url: "/deliverables/:deliverableId/comments",
    access: "session",
    params: ids("deliverableId"),
    load: ({ actor, params }) => pageOf(actor, params.deliverableId),
    form: {
      // The text and quote fields are named after the section or thread they belong to, so every form on the page has its own.
      read: (values) => {
        const replyTo = str(values, "replyTo");
        const sectionId = str(values, "sectionId");
        return {
          version: str(values, "version"),
          sectionId,
          replyTo,
          [commentTextField(replyTo || sectionId)]: normaliseText(str(values, commentTextField(replyTo || sectionId))),
          ...(replyTo ? {} : { [quoteField(sectionId)]: normaliseText(str(values, quoteField(sectionId))) }),
        };
      },
      schema: CommentInput,
      input: (shown: Record<string, string>) => ({
        version: shown.version,
        sectionId: shown.sectionId,
        text: shown[commentTextField(shown.replyTo || shown.sectionId || "")],
        quote: shown.replyTo ? undefined : shown[quoteField(shown.sectionId ?? "")],
        replyTo: shown.replyTo || undefined,
      }),
      issues: (issues: FieldIssue[]) =>
        issues.map((i) => ({ field: i.path[0] === "text" ? "text" : i.path[0] === "quote" ? "quote" : "form", code: i.code })),
    },
    render:
      ({ loaded, form }: { loaded: DocumentPageContext; form?: { values: Record<string, string>; errors: FormErrors } | undefined }) =>
      (ctx) => {
        // Errors come back as "text"/"quote": they belong to the fields of the form that was sent.
        const values = form?.values ?? {};
        const target = values.replyTo || values.sectionId || "";
        const errors = form?.errors.map((e) => ({
          ...e,
          field: e.field === "text" ? commentTextField(target) : e.field === "quote" ? quoteField(values.sectionId ?? "") : e.field,
        }));
        return (
          <DeliverablePage
            ctx={ctx}
            {...loaded}
            commentForm={form && errors ? { values, errors, sectionId: values.sectionId ?? "" } : undefined}
          />
        );
      },
    handle: async ({ actor, now, m, params, data }) => {
      const comment = await addComment({ db, actor, now, deliverableId: params.deliverableId, input: data });
      return redirect(documentHref(params.deliverableId, threadAnchor(comment.threadId)), m.reviews.commented);
    },
  });

  page({
    method: "POST",
    url: "/comments/:commentId/resolve",
    access: "session",
    params: ids("commentId"),
    handle: async ({ actor, now, m, params }) => {
      const comment = await findComment(db, params.commentId);
      if (!comment) throw notFound("comment");
      await resolveComment({ db, actor, now, commentId: params.commentId });
      return redirect(documentHref(comment.deliverableId, threadAnchor(threadOf(comment))), m.reviews.resolved);
    },
  });
}
