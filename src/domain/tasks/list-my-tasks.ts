import { openCommentsOfInitiatives } from "../../db/repositories/comment-repository.ts";
import {
  decisionsOfInitiatives,
  deliverableStatesOf,
  followUpsOf,
  initiativesWithGroups,
  plansOf,
  preparationsOfInitiatives,
  sectionsInReviewOf,
} from "../../db/repositories/follow-up-repository.ts";
import { measuredBenefitsOf, reviewableRisksOf } from "../../db/repositories/reminder-repository.ts";
import { reviewsOfInitiatives } from "../../db/repositories/review-repository.ts";
import { membershipsAmong } from "../../db/repositories/user-repository.ts";
import { listCommunications } from "../communications/communications-inbox.ts";
import { stockholmDay } from "../follow-up/follow-up-rules.ts";
import { threadsOf } from "../reviews/comment-threads.ts";
import { approvers } from "../reviews/review-rules.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { type Task, tasksFor } from "./my-tasks.ts";

/**
 * What waits for the actor across the initiatives of every organisation they belong to, read in a
 * fixed handful of queries however many initiatives there are. Unordered: titles are in the
 * reader's language, so the edge orders them (byDueDateThenTitle).
 */
export async function listMyTasks({ db, actor, now }: UseCaseContext): Promise<Task[]> {
  const initiatives = await initiativesWithGroups(db, [...actor.memberships.keys()]);
  const ids = initiatives.map((i) => i.id);
  const [decisions, deliverables, inReview, preparations, followUps, plans, unread, risks, benefits, reviews, comments] = await Promise.all(
    [
      decisionsOfInitiatives(db, ids),
      deliverableStatesOf(db, ids),
      sectionsInReviewOf(db, ids),
      preparationsOfInitiatives(db, ids),
      followUpsOf(db, ids),
      plansOf(db, ids),
      listCommunications({ db, actor, unreadOnly: true }),
      reviewableRisksOf(db, ids),
      measuredBenefitsOf(db, ids),
      reviewsOfInitiatives(db, ids),
      openCommentsOfInitiatives(db, ids),
    ],
  );
  // A copy is the actor's to read when they may mark it read for its recipient (the förvaltningsgrupp
  // its own, members their organisation's): the administrator sees the förvaltningsgrupp's inbox but
  // does not read for it.
  const mine = unread
    .filter((c) => c.canMarkRead)
    .map((c) => ({
      id: c.id,
      recipient: c.recipient.kind === "forvaltningsgrupp" ? "forvaltningsgrupp" : (c.recipient.organisationId ?? ""),
      initiativeId: c.initiativeId,
      initiativeName: c.initiativeName,
      subject: c.subject,
      audience: c.audience,
    }));
  const reviewerMemberships = await membershipsAmong(
    db,
    initiatives.map((i) => i.organisationId),
    approvers(reviews),
  );
  return tasksFor(actor, {
    today: stockholmDay(now),
    initiatives,
    decisions,
    deliverables,
    sectionsInReview: inReview.map((r) => ({ deliverableId: r.deliverableId, sections: r.sections as Record<string, string> })),
    preparations,
    followUps,
    plans,
    communications: mine,
    risks,
    benefits,
    reviews,
    reviewerMemberships,
    threads: [...new Set(comments.map((c) => c.deliverableId))].map((deliverableId) => ({
      deliverableId,
      threads: threadsOf(comments.filter((c) => c.deliverableId === deliverableId)),
    })),
  });
}
