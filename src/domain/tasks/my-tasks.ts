import type { DecisionRow } from "../../db/repositories/decision-repository.ts";
import { deliverableType, milestoneByNumeral } from "../../method/lookup.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import type { Actor } from "../access/actor.ts";
import { can, mayDecide } from "../access/policy.ts";
import { approvalBlockers, checkStatusChange, isBlocked, versionAuthors } from "../deliverables/deliverable-status.ts";
import { type CurrentCondition, currentConditions, type FollowUp, milestoneAhead } from "../follow-up/follow-up-rules.ts";
import { benefitTaskHref, type MeasuredBenefit, type ReviewableRisk, riskTaskHref, valueDue } from "../follow-up/value-reminders.ts";
import { currentDecisions, outcomesOf } from "../milestones/current-decisions.ts";
import type { Condition, DeliverableState, Outcome } from "../milestones/milestone-rules.ts";
import { assessReadiness } from "../milestones/milestone-rules.ts";
import { type CommentThread, openThreadsFor } from "../reviews/comment-threads.ts";
import { approvalsOfText, approvers, hasNamedReviewers, membershipKey, pendingReviewers, type Review } from "../reviews/review-rules.ts";

/**
 * What can wait for a person, in the order the start page shows the groups. Documented in the
 * OpenAPI schema of GET /api/v1/me/tasks; a new kind is added at the end, never renamed.
 */
export const TASK_KINDS = [
  "decide_milestone",
  "approve_document",
  "condition_due",
  "prepare_decision_point",
  "review_document",
  "read_communication",
  "review_risk",
  "measure_benefit",
  "answer_comments",
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** What a task is about, for its title in the reader's language: a document, a milestone, a decision point, a condition, a message. */
export type TaskSubject =
  | { kind: "approve_document" | "review_document"; documentTitle: string }
  | { kind: "decide_milestone"; numeral: string }
  | { kind: "prepare_decision_point"; numeral: string; decisionPointNumber: number; decisionPointId: string }
  | { kind: "condition_due"; numeral: string; text: string; overdue: boolean }
  | { kind: "read_communication"; subject: string; audience: string }
  | { kind: "review_risk"; title: string }
  | { kind: "measure_benefit"; name: string }
  | { kind: "answer_comments"; documentTitle: string; count: number };

export type Task = {
  kind: TaskKind;
  /** Null for a message the actor receives as a samverkanspart: the initiative is not theirs to read. */
  initiativeId: string | null;
  initiativeName: string;
  subject: TaskSubject;
  /** "YYYY-MM-DD" or null: a condition's due date, a milestone's planned decision day. */
  dueDate: string | null;
  /** The page where the action is taken. */
  href: string;
};

export type TaskInitiative = {
  id: string;
  organisationId: string;
  name: string;
  projectManagerId: string | null;
  steeringGroup: readonly string[];
  /** The organisation's rule that nobody fastställer a text they wrote (organisations.requires_second_approver). */
  requiresSecondApprover: boolean;
};

export type TaskSources = {
  today: string;
  initiatives: readonly TaskInitiative[];
  decisions: readonly DecisionRow[];
  deliverables: readonly (DeliverableState & {
    initiativeId: string;
    /** Who answers for the document; with the latest version's authors, whom its open comments wait for. */
    ownerId?: string | null;
    latestAuthors: { createdBy: string | null; lastEditedBy: string | null };
  })[];
  /** Requests for review of these deliverables with each named reviewer's answer. */
  reviews?: readonly Review[];
  /**
   * Which reviewers are members of which organisation now ("organisationId:userId", membershipKey):
   * an approval counts only from a member. Without it, no approval counts.
   */
  reviewerMemberships?: ReadonlySet<string>;
  /** The comment threads on these deliverables, by deliverable. */
  threads?: readonly { deliverableId: string; threads: readonly CommentThread[] }[];
  /** The text of each version för granskning, by deliverable. */
  sectionsInReview: readonly { deliverableId: string; sections: Readonly<Record<string, string>> }[];
  preparations: readonly { initiativeId: string; decisionPointId: string }[];
  followUps: readonly FollowUp[];
  plans: readonly { initiativeId: string; numeral: string; plannedOn: string }[];
  /**
   * Unread copies of communications the actor reads for, one per message and recipient; `recipient`
   * is whom the copy is for ("forvaltningsgrupp" or an organisation's id).
   */
  communications: readonly {
    id: string;
    recipient: string;
    initiativeId: string | null;
    initiativeName: string;
    subject: string;
    /** Whom the method addresses (own_organisation, other_stakeholders …): one decision may send an organisation several. */
    audience: string;
  }[];
  /** Open risks with a review day, of the initiatives given. */
  risks: readonly ReviewableRisk[];
  /** Benefits with a measurement frequency, of the initiatives given. */
  benefits: readonly MeasuredBenefit[];
};

/**
 * Whom a condition waits for: the member chosen as its owner; for a condition without one (an
 * owner outside the organisation, or a decision recorded before owners were chosen) the
 * initiative's projektledare, or when none is named, whoever may manage the initiative. Names are
 * never matched: two people may share one, and a name typed in a meeting is no account.
 */
export function conditionWaitsFor(actor: Actor, condition: Pick<Condition, "ownerUserId">, initiative: TaskInitiative): boolean {
  if (condition.ownerUserId) return condition.ownerUserId === actor.userId;
  if (initiative.projectManagerId) return initiative.projectManagerId === actor.userId;
  return can(actor, { action: "initiative:manage", organisationId: initiative.organisationId });
}

/** Who prepares decision points: the initiative's projektledare, or when none is named, whoever may manage it. */
const prepares = (actor: Actor, initiative: TaskInitiative) =>
  initiative.projectManagerId
    ? initiative.projectManagerId === actor.userId
    : can(actor, { action: "initiative:manage", organisationId: initiative.organisationId });

const mayApprove = (actor: Actor, organisationId: string) =>
  checkStatusChange("for_granskning", "faststalld", actor.memberships.get(organisationId) ?? []).ok;

/**
 * Earliest first, undated last; on the same day an initiative's tasks together, then by title:
 * the order of GET /api/v1/me/tasks. (By title alone, "Bered beslutspunkt 1" of one initiative
 * sat between two of another's.)
 */
export function byDueDateThenTitle<T extends { dueDate: string | null; initiativeName: string; title: string }>(a: T, b: T): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.initiativeName.localeCompare(b.initiativeName, "sv") || a.title.localeCompare(b.title, "sv", { numeric: true });
}

/**
 * Everything that waits for the actor across the initiatives given (those of their organisations):
 * documents för granskning to fastställa (who may, when nothing blocks it) or to review (the rest
 * of the team who did not write it), the next milestone's unprepared decision points (for who prepares) and the milestone
 * itself once ready (for who decides it), current conditions not yet met that wait for them, and
 * unread communications addressed to them.
 */
export function tasksFor(actor: Actor, s: TaskSources): Task[] {
  const tasks: Task[] = [];
  for (const initiative of s.initiatives) {
    const base = { initiativeId: initiative.id, initiativeName: initiative.name };
    const docs = s.deliverables.filter((d) => d.initiativeId === initiative.id);
    const decisions = s.decisions.filter((d) => d.initiativeId === initiative.id);
    const outcomes = outcomesOf(currentDecisions(decisions));
    const ahead = milestoneAhead(outcomes);
    const planned = (numeral: string) => s.plans.find((p) => p.initiativeId === initiative.id && p.numeral === numeral)?.plannedOn ?? null;
    const milestone = ahead ? milestoneByNumeral(methodV12, ahead) : null;

    const team = can(actor, { action: "initiative:work", organisationId: initiative.organisationId });
    const approver = mayApprove(actor, initiative.organisationId);
    for (const d of docs) {
      // A document the next decision rests on is due when that decision is planned.
      const due = milestone?.basis.some((b) => b.deliverableTypeId === d.typeId) ? planned(milestone.numeral) : null;
      const authors = versionAuthors(d.latestAuthors);
      const threads = s.threads?.find((t) => t.deliverableId === d.id)?.threads ?? [];
      const answersFor = d.ownerId === actor.userId || authors.includes(actor.userId) ? openThreadsFor(threads, actor.userId) : [];
      if (answersFor.length) {
        tasks.push({
          ...base,
          kind: "answer_comments",
          subject: { kind: "answer_comments", documentTitle: d.title, count: answersFor.length },
          dueDate: due,
          href: `/deliverables/${d.id}#comments`,
        });
      }
      if (d.latest.status === "faststalld") continue;
      const reviews = (s.reviews ?? []).filter((r) => r.deliverableId === d.id);
      const inReview = d.latest.status === "for_granskning";
      // The task offers what the document page lets the person do: fastställa only when nothing
      // blocks it (a required section unwritten, or their own text where a second person must look
      // and no reviewer has approved it).
      const blockers = approvalBlockers({
        template: deliverableType(methodV12, d.typeId)?.template ?? [],
        version: { sections: s.sectionsInReview.find((r) => r.deliverableId === d.id)?.sections ?? {}, ...d.latestAuthors },
        actorId: actor.userId,
        requiresSecondApprover: initiative.requiresSecondApprover,
        reviewApprovals: approvalsOfText(
          reviews,
          { ...d.latest, ...d.latestAuthors },
          new Set(approvers(reviews).filter((id) => s.reviewerMemberships?.has(membershipKey(initiative.organisationId, id)))),
        ),
      });
      // Named reviewers replace the team-wide review: then only those asked and still to answer are waited for.
      const reviewer = hasNamedReviewers(reviews, d.latest.version)
        ? pendingReviewers(reviews, d.latest.version).includes(actor.userId)
        : inReview && team && !authors.includes(actor.userId);
      if (inReview && approver && !isBlocked(blockers)) {
        tasks.push({
          ...base,
          kind: "approve_document",
          subject: { kind: "approve_document", documentTitle: d.title },
          dueDate: due,
          href: `/deliverables/${d.id}`,
        });
      } else if (reviewer) {
        tasks.push({
          ...base,
          kind: "review_document",
          subject: { kind: "review_document", documentTitle: d.title },
          dueDate: due,
          href: `/deliverables/${d.id}`,
        });
      }
    }

    if (milestone) {
      const prepared = new Set(s.preparations.filter((p) => p.initiativeId === initiative.id).map((p) => p.decisionPointId));
      const milestoneHref = `/initiatives/${initiative.id}/milestones/${milestone.numeral}`;
      if (prepares(actor, initiative)) {
        milestone.decisionPoints.forEach((dp, i) => {
          if (prepared.has(dp.id)) return;
          tasks.push({
            ...base,
            kind: "prepare_decision_point",
            subject: { kind: "prepare_decision_point", numeral: milestone.numeral, decisionPointNumber: i + 1, decisionPointId: dp.id },
            dueDate: planned(milestone.numeral),
            href: `${milestoneHref}#dp-${dp.id}`,
          });
        });
      }
      if (mayDecide(actor, milestone.decidedBy.role, initiative)) {
        const readiness = assessReadiness({ milestone, deliverables: docs, preparedDecisionPointIds: prepared, currentOutcomes: outcomes });
        if (readiness.ready) {
          tasks.push({
            ...base,
            kind: "decide_milestone",
            subject: { kind: "decide_milestone", numeral: milestone.numeral },
            dueDate: planned(milestone.numeral),
            href: `${milestoneHref}/decide`,
          });
        }
      }
    }

    const conditions: CurrentCondition[] = currentConditions(
      decisions.map((d) => ({ ...d, outcome: d.outcome as Outcome, conditions: d.conditions as Condition[] })),
      s.followUps,
      s.today,
    );
    for (const c of conditions.filter((x) => !x.met && conditionWaitsFor(actor, x, initiative))) {
      tasks.push({
        ...base,
        kind: "condition_due",
        subject: { kind: "condition_due", numeral: c.numeral, text: c.text, overdue: c.overdue },
        dueDate: c.dueDate,
        href: conditionHref(c.decisionId, c.index),
      });
    }
  }
  // A risk to follow up or a benefit to measure waits for its member, else the projektledare, else
  // (with none named) whoever may manage the initiative: as a condition does.
  for (const d of valueDue(s)) {
    const initiative = s.initiatives.find((i) => i.id === d.initiativeId);
    if (!initiative || !conditionWaitsFor(actor, { ownerUserId: d.responsible }, initiative)) continue;
    const base = { initiativeId: initiative.id, initiativeName: initiative.name, dueDate: d.dueDate };
    tasks.push(
      d.about === "risk"
        ? { ...base, kind: "review_risk", subject: { kind: "review_risk", title: d.title }, href: riskTaskHref(d.id) }
        : { ...base, kind: "measure_benefit", subject: { kind: "measure_benefit", name: d.name }, href: benefitTaskHref(d.id) },
    );
  }
  for (const c of s.communications) {
    tasks.push({
      kind: "read_communication",
      initiativeId: c.initiativeId,
      initiativeName: c.initiativeName,
      subject: { kind: "read_communication", subject: c.subject, audience: c.audience },
      dueDate: null,
      href: `/inbox#${communicationAnchor(c.id, c.recipient)}`,
    });
  }
  return tasks;
}

/** The inbox card of one recipient's copy of a message: a message reaches the reader once per recipient they read for. */
export const communicationAnchor = (communicationId: string, recipient: string) => `communication-${communicationId}-${recipient}`;

/** The page where a condition is followed up. */
export const conditionHref = (decisionId: string, index: number) => `/decisions/${decisionId}/conditions/${index}`;
