import { randomUUID } from "node:crypto";
import type { Database } from "../../db/database.ts";
import { insertCommunications, partnersOf } from "../../db/repositories/communication-repository.ts";
import { decisionsOf, insertDecision } from "../../db/repositories/decision-repository.ts";
import { deliverableStates } from "../../db/repositories/deliverable-repository.ts";
import { lockInitiativeForDecision } from "../../db/repositories/initiative-repository.ts";
import { findOrganisationById } from "../../db/repositories/organisation-repository.ts";
import { preparationsOf } from "../../db/repositories/preparation-repository.ts";
import { emailsWithSystemRole, findUserById, membersOfOrganisation } from "../../db/repositories/user-repository.ts";
import { isMilestoneNumeral, milestoneByNumeral } from "../../method/lookup.ts";
import type { Milestone } from "../../method/types.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import { mayDecide } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { evaluatedBenefitsOf } from "../benefits/benefit-plan.ts";
import { recipientView } from "../communications/recipient-view.ts";
import { recipientsFor } from "../communications/recipients.ts";
import { freezeBaseline, freezesBaseline } from "../forecast-versions/freeze-baseline.ts";
import { decisionView } from "../initiatives/initiative-views.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import { queueMail } from "../mail/queue-mail.ts";
import { partnerView } from "../partners/partner-view.ts";
import { DomainError, type FieldIssue } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { buildBasisSnapshot } from "./basis-snapshot.ts";
import { composeCommunications } from "./communications.ts";
import { currentDecisions, outcomesOf } from "./current-decisions.ts";
import { decisionHash, decisionRecordOf } from "./decision-hash.ts";
import type { DecisionInput } from "./decision-input.ts";
import { assessReadiness, basisGaps, type Condition, passes, previousNumeral } from "./milestone-rules.ts";

export function milestoneOrThrow(numeral: string): Milestone {
  if (!isMilestoneNumeral(numeral))
    throw new DomainError("UNKNOWN_MILESTONE", `no milestone "${numeral}": use I, II, III, IV, V, VI, VII or VIII`);
  return milestoneByNumeral(methodV12, numeral);
}

/**
 * Every decision point answered exactly once, none invented. The timeline and volumes the method
 * requires are computed from the flows (issue 11), so they are not asked for.
 */
function checkAnswers(milestone: Milestone, input: DecisionInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set(milestone.decisionPoints.map((d) => d.id));
  input.decisionPoints.forEach((dp, i) => {
    if (!known.has(dp.id))
      issues.push({
        path: ["decisionPoints", i, "id"],
        code: "unknown_decision_point",
        message: `not a decision point of milestone ${milestone.numeral}`,
      });
    else if (input.decisionPoints.findIndex((x) => x.id === dp.id) !== i)
      issues.push({ path: ["decisionPoints", i, "id"], code: "duplicate", message: "answered twice" });
  });
  for (const dp of milestone.decisionPoints) {
    if (!input.decisionPoints.some((x) => x.id === dp.id)) {
      issues.push({
        path: ["decisionPoints", dp.id],
        code: "decision_point_unanswered",
        message: `decision point ${dp.id} needs an answer and a motivation`,
      });
    }
  }
  return issues;
}

/**
 * A condition's owner chosen among the organisation's members keeps their id and, in the frozen
 * record, their name as it is today, so the decision reads on its own however accounts change.
 */
async function withOwnerNames(tx: Database, organisationId: string, conditions: DecisionInput["conditions"]): Promise<Condition[]> {
  if (!conditions.some((c) => c.ownerUserId)) return conditions;
  const members = await membersOfOrganisation(tx, organisationId);
  const issues: FieldIssue[] = [];
  const named = conditions.map((c, i) => {
    if (!c.ownerUserId) return c;
    const member = members.find((m) => m.userId === c.ownerUserId);
    if (!member) issues.push({ path: ["conditions", i, "ownerUserId"], code: "not_member", message: "not a member of the organisation" });
    return { ...c, owner: member?.name ?? c.owner };
  });
  if (issues.length) throw new DomainError("VALIDATION_FAILED", "a condition's owner is not a member", { fields: issues });
  return named;
}

/**
 * Records a milestone decision: by someone holding the deciding role, in order, on a complete
 * basis (or with a written reason why not). The decision freezes a snapshot of its basis with a
 * SHA-256, and a SHA-256 of the decision itself; it supersedes the earlier decision on the
 * milestone only when the decider named it (`supersedes`), so of two people deciding at once one
 * wins and the other hears DECISION_CONFLICT; at milestones II–V it freezes the forecast and plan as
 * a baseline; it creates the communications the method requires — all in one transaction.
 */
export async function decideMilestone({
  db,
  actor,
  now,
  initiativeId,
  numeral,
  input,
}: UseCaseContext & { initiativeId: string; numeral: string; input: DecisionInput }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const milestone = milestoneOrThrow(numeral);
  if (!mayDecide(actor, milestone.decidedBy.role, initiative)) {
    throw new DomainError(
      "NOT_DECIDER",
      milestone.decidedBy.role === "verksamhetsagare"
        ? `milestone ${milestone.numeral} is decided by a verksamhetsägare of the organisation`
        : `milestone ${milestone.numeral} is decided by a member of the initiative's styrgrupp`,
    );
  }
  const issues = checkAnswers(milestone, input);
  if (issues.length) throw new DomainError("VALIDATION_FAILED", "the decision is not complete", { fields: issues });

  return db.transaction(async (tx) => {
    // One decision at a time per initiative, so order and supersession are decided on fresh data.
    await lockInitiativeForDecision(tx, initiativeId);
    // One connection runs one query at a time: inside a transaction, read in sequence.
    const docs = await deliverableStates(tx, initiativeId);
    const preparations = await preparationsOf(tx, initiativeId);
    const decisions = await decisionsOf(tx, initiativeId);
    const current = currentDecisions(decisions);
    const replaced = current.get(milestone.numeral) ?? null;
    if ((replaced?.id ?? null) !== input.supersedes) {
      throw new DomainError(
        "DECISION_CONFLICT",
        replaced
          ? `milestone ${milestone.numeral} has decision ${replaced.id} now (decided ${replaced.decidedOn} by ${replaced.decidedByName}); to supersede it, name it in supersedes`
          : `milestone ${milestone.numeral} has no current decision now; supersedes must be null`,
      );
    }
    const previous = previousNumeral(milestone.numeral);
    if (previous && !passes(current.get(previous)?.outcome)) {
      throw new DomainError(
        "MILESTONE_OUT_OF_ORDER",
        `milestone ${previous} must have a go decision before milestone ${milestone.numeral} is decided`,
      );
    }
    const readiness = assessReadiness({
      milestone,
      deliverables: docs,
      preparedDecisionPointIds: new Set(preparations.map((p) => p.decisionPointId)),
      currentOutcomes: outcomesOf(current),
    });
    const gaps = basisGaps(readiness);
    if (gaps.length && !input.incompleteBasisReason) {
      throw new DomainError("BASIS_INCOMPLETE", "the decision basis is incomplete; give incompleteBasisReason to decide anyway", {
        missing: gaps,
      });
    }

    const conditions = await withOwnerNames(tx, initiative.organisationId, input.conditions);
    const { snapshot, hash } = buildBasisSnapshot({
      methodVersion: methodV12.version,
      numeral: milestone.numeral,
      basisTypeIds: milestone.basis.map((b) => b.deliverableTypeId),
      deliverables: docs,
      preparations: preparations.map((p) => ({ decisionPointId: p.decisionPointId, proposal: p.proposal })),
      reported: input.reported,
    });
    const decision = {
      id: randomUUID(),
      initiativeId,
      numeral: milestone.numeral,
      outcome: input.outcome,
      decisionPoints: input.decisionPoints,
      conditions,
      decidedBy: actor.userId,
      decidedByName: actor.name,
      decidedOn: input.decidedOn,
      minutes: input.minutes ?? "",
      diarienummer: input.diarienummer,
      incompleteBasisReason: gaps.length ? input.incompleteBasisReason : null,
      reported: input.reported,
      basisSnapshot: snapshot,
      basisHash: hash,
      supersedesId: replaced?.id ?? null,
      createdAt: now,
    };
    const row = await insertDecision(tx, { ...decision, decisionHash: decisionHash(decisionRecordOf(decision)) });
    // At II–V the forecast and plan the decision was taken on are frozen with it, and reported from there.
    const baseline = freezesBaseline(milestone.numeral)
      ? await freezeBaseline(tx, { actor, now, initiativeId, decisionId: row.id, numeral: milestone.numeral })
      : null;

    const organisation = await findOrganisationById(tx, initiative.organisationId);
    const manager = initiative.projectManagerId ? await findUserById(tx, initiative.projectManagerId) : undefined;
    // At VIII the nyttoutvärderingsrapport goes to the förvaltningsgrupp with the benefits' outcome (method 10.2).
    const benefits = milestone.inform.forvaltningsgruppItems.some((i) => i.key === "nyttoutvardering")
      ? (await evaluatedBenefitsOf(tx, initiativeId)).map((b) => ({
          name: b.name,
          unit: b.unit,
          targetValue: b.targetValue,
          actual: b.evaluation.actual,
          gap: b.evaluation.gap,
          realisation: b.evaluation.realisation,
        }))
      : null;
    const drafts = composeCommunications({
      milestone,
      organisationName: organisation?.name ?? "",
      initiativeName: initiative.name,
      plannedGoLive: initiative.plannedGoLive,
      outcome: input.outcome,
      conditions,
      decidedOn: input.decidedOn,
      decidedByName: actor.name,
      incompleteBasisReason: row.incompleteBasisReason,
      reported: input.reported,
      deliverables: docs,
      contact: manager ? { name: manager.name, email: manager.email } : null,
      figures: baseline,
      benefits,
    });
    const partners = await partnersOf(tx, initiativeId);
    const sender = { organisationId: initiative.organisationId, name: organisation?.name ?? "" };
    const created = await insertCommunications(
      tx,
      drafts.map((d) => ({
        values: {
          decisionId: row.id,
          initiativeId,
          organisationId: initiative.organisationId,
          audience: d.audience,
          subject: d.subject,
          body: d.body,
          items: d.items,
          createdAt: now,
        },
        recipients: recipientsFor(d.audience, sender, partners.map(partnerView)),
      })),
    );
    // Mail: the förvaltningsgrupp is told its inbox has a message; an external party has only the mail.
    const fg = drafts.find((d) => d.audience === "forvaltningsgrupp");
    if (fg) {
      for (const to of await emailsWithSystemRole(tx, "forvaltningsgrupp"))
        await queueMail(tx, { to, subject: fg.subject, text: fg.body }, now);
    }
    for (const { communication, recipients } of created) {
      for (const r of recipients) {
        if (r.kind === "external" && r.email)
          await queueMail(tx, { to: r.email, subject: communication.subject, text: communication.body }, now);
      }
    }
    await recordAudit(
      tx,
      actor,
      {
        action: "milestone.decide",
        entityType: "milestone_decision",
        entityId: row.id,
        organisationId: initiative.organisationId,
        after: { ...decisionView(row), communications: created.map((c) => c.communication.id), baselineId: baseline?.id ?? null },
      },
      now,
    );
    return {
      ...decisionView(row),
      baselineId: baseline?.id ?? null,
      communications: created.map(({ communication: c, recipients }) => ({
        id: c.id,
        audience: c.audience,
        subject: c.subject,
        recipients: recipients.map(recipientView),
      })),
    };
  });
}
