import { commentsOf, findComment, insertComment, resolveThread } from "../../db/repositories/comment-repository.ts";
import { versionsOf } from "../../db/repositories/deliverable-repository.ts";
import { reviewsOf } from "../../db/repositories/review-repository.ts";
import { usersByIds } from "../../db/repositories/user-repository.ts";
import { deliverableType } from "../../method/lookup.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import type { Actor } from "../access/actor.ts";
import { can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { readableDeliverable } from "../deliverables/deliverables.ts";
import { DomainError, forbidden, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { type DocumentComment, quoteInSection, threadOf, threadsOf } from "./comment-threads.ts";
import type { CommentInput } from "./review-input.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/** Who may comment: the team, and anyone asked to review the document (a styrgrupp member, say). */
async function mayComment(ctx: Ctx, deliverableId: string, organisationId: string): Promise<boolean> {
  if (can(ctx.actor, { action: "initiative:work", organisationId })) return true;
  const reviews = await reviewsOf(ctx.db, [deliverableId]);
  return reviews.some((r) => r.reviewers.some((a) => a.reviewerId === ctx.actor.userId));
}

/** A comment as the API and the page show it: with its author's and resolver's names. */
export type CommentView = Omit<DocumentComment, "authorId" | "resolvedBy" | "createdAt" | "resolvedAt"> & {
  threadId: string;
  author: { id: string; name: string | null } | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string | null } | null;
};

async function views(db: UseCaseContext["db"], comments: readonly DocumentComment[]): Promise<CommentView[]> {
  const ids = [...new Set(comments.flatMap((c) => [c.authorId, c.resolvedBy]).filter((id): id is string => id !== null))];
  const names = new Map((await usersByIds(db, ids)).map((u) => [u.id, u.name]));
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? null } : null);
  // A reply shows whether its thread is resolved: the first comment carries it.
  const firsts = new Map(comments.filter((c) => c.replyTo === null).map((c) => [c.id, c]));
  return comments.map(({ authorId, resolvedBy, createdAt, resolvedAt, ...c }) => {
    const first = firsts.get(threadOf(c));
    return {
      ...c,
      threadId: threadOf(c),
      author: person(authorId),
      createdAt: createdAt.toISOString(),
      resolvedAt: (first?.resolvedAt ?? resolvedAt)?.toISOString() ?? null,
      resolvedBy: person(first?.resolvedBy ?? resolvedBy),
    };
  });
}

/** Every comment on a document, threads in the order started, each followed by its answers. */
export async function listComments(ctx: Ctx & { deliverableId: string }): Promise<CommentView[]> {
  await readableDeliverable(ctx, ctx.deliverableId);
  const threads = threadsOf(await commentsOf(ctx.db, [ctx.deliverableId]));
  return views(
    ctx.db,
    threads.flatMap((t) => [t.first, ...t.replies]),
  );
}

/**
 * A comment on a section of a version, optionally on a passage quoted from it, or an answer in a
 * thread (which takes the thread's version and section, whatever was sent). The version must exist,
 * the section be the template's and the quote be found in that version's section.
 */
export async function addComment({
  db,
  actor,
  now,
  deliverableId,
  input,
}: UseCaseContext & { deliverableId: string; input: CommentInput }) {
  const { doc, initiative } = await readableDeliverable({ db, actor }, deliverableId);
  if (!(await mayComment({ db, actor }, deliverableId, initiative.organisationId))) {
    throw forbidden("only the team and the reviewers asked comment on a document");
  }
  let where = { version: input.version, sectionId: input.sectionId, quote: input.quote ?? null, replyTo: null as string | null };
  if (input.replyTo) {
    const answered = await findComment(db, input.replyTo);
    if (!answered || answered.deliverableId !== deliverableId) throw notFound("comment");
    const first = answered.replyTo ? await findComment(db, answered.replyTo) : answered;
    if (!first) throw notFound("comment");
    where = { version: first.version, sectionId: first.sectionId, quote: null, replyTo: first.id };
  } else {
    const version = (await versionsOf(db, [deliverableId])).find((v) => v.version === input.version);
    if (!version) throw notFound("deliverable version");
    const template = deliverableType(methodV12, doc.typeId)?.template ?? [];
    const field = (path: string, code: string, message: string) =>
      new DomainError("VALIDATION_FAILED", message, { fields: [{ path: [path], code, message }] });
    if (!template.some((s) => s.id === input.sectionId))
      throw field("sectionId", "unknown_section", "not a section of this document's template");
    const sectionText = (version.sections as Record<string, string>)[input.sectionId] ?? "";
    if (input.quote !== undefined && !quoteInSection(input.quote, sectionText)) {
      throw field("quote", "quote_not_in_section", "the quoted passage is not in that section of that version");
    }
  }
  return db.transaction(async (tx) => {
    const comment = await insertComment(tx, { deliverableId, ...where, text: input.text, authorId: actor.userId, createdAt: now });
    await recordAudit(
      tx,
      actor,
      {
        action: "deliverable.comment",
        entityType: "deliverable",
        entityId: deliverableId,
        organisationId: initiative.organisationId,
        after: comment,
      },
      now,
    );
    const [view] = await views(tx, [comment]);
    if (!view) throw new Error("a comment just written has no view");
    return view;
  });
}

/** Who may resolve a thread: the team, or whoever started it. */
const mayResolve = (actor: Actor, organisationId: string, first: DocumentComment) =>
  can(actor, { action: "initiative:work", organisationId }) || first.authorId === actor.userId;

/**
 * Resolves the thread a comment belongs to. Resolving a resolved thread changes nothing and is no
 * error (two people pressing at once both see it resolved); the record names the first.
 */
export async function resolveComment({ db, actor, now, commentId }: UseCaseContext & { commentId: string }) {
  const comment = await findComment(db, commentId);
  if (!comment) throw notFound("comment");
  const { initiative } = await readableDeliverable({ db, actor }, comment.deliverableId);
  const first = comment.replyTo ? await findComment(db, comment.replyTo) : comment;
  if (!first) throw notFound("comment");
  if (!mayResolve(actor, initiative.organisationId, first)) throw forbidden("only the team or whoever started the thread resolves it");
  return db.transaction(async (tx) => {
    const resolved = await resolveThread(tx, first.id, actor.userId, now);
    if (resolved) {
      await recordAudit(
        tx,
        actor,
        {
          action: "deliverable.comment_resolved",
          entityType: "deliverable",
          entityId: comment.deliverableId,
          organisationId: initiative.organisationId,
          before: { commentId: first.id, resolvedAt: null },
          after: { commentId: first.id, resolvedAt: now, resolvedBy: actor.userId },
        },
        now,
      );
    }
    const [view] = await views(tx, [resolved ?? ((await findComment(tx, first.id)) as DocumentComment)]);
    if (!view) throw new Error("a resolved comment has no view");
    return view;
  });
}
