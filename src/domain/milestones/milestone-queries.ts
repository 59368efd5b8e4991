import { communicationsOfDecisions } from "../../db/repositories/communication-repository.ts";
import { decisionsOf } from "../../db/repositories/decision-repository.ts";
import { deliverableStates } from "../../db/repositories/deliverable-repository.ts";
import { preparationsOf } from "../../db/repositories/preparation-repository.ts";
import { INFORM_AUDIENCES, type InformAudience } from "../../method/types.ts";
import { answersByCommunication } from "../communications/answer-communication.ts";
import { recipientView } from "../communications/recipient-view.ts";
import { decisionView } from "../initiatives/initiative-views.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { type BasisSnapshot, basisChangedSince } from "./basis-snapshot.ts";
import { currentDecisions, outcomesOf } from "./current-decisions.ts";
import { milestoneOrThrow } from "./decide-milestone.ts";
import { decisionMatchesHash } from "./decision-hash.ts";
import { assessReadiness } from "./milestone-rules.ts";
import { prepareDecisionPoints } from "./prepare-decision-points.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

const audienceOrder = (audience: string) => INFORM_AUDIENCES.indexOf(audience as InformAudience);

export async function getReadiness(ctx: Ctx & { initiativeId: string; numeral: string }) {
  const initiative = await readableInitiative(ctx, ctx.initiativeId);
  const milestone = milestoneOrThrow(ctx.numeral);
  const [docs, preparations, decisions] = await Promise.all([
    deliverableStates(ctx.db, initiative.id),
    preparationsOf(ctx.db, initiative.id),
    decisionsOf(ctx.db, initiative.id),
  ]);
  const readiness = assessReadiness({
    milestone,
    deliverables: docs,
    preparedDecisionPointIds: new Set(preparations.map((p) => p.decisionPointId)),
    currentOutcomes: outcomesOf(currentDecisions(decisions)),
  });
  return {
    ...readiness,
    preparations: preparations
      .filter((p) => milestone.decisionPoints.some((d) => d.id === p.decisionPointId))
      .map((p) => ({
        decisionPointId: p.decisionPointId,
        proposal: p.proposal,
        preparedAt: p.preparedAt.toISOString(),
        preparedByName: p.preparedByName,
      })),
  };
}

/** All decisions on a milestone, newest first, with the communications each created; superseded ones stay visible. */
export async function listDecisions(ctx: Ctx & { initiativeId: string; numeral: string }) {
  const initiative = await readableInitiative(ctx, ctx.initiativeId);
  const milestone = milestoneOrThrow(ctx.numeral);
  const [all, docs] = await Promise.all([decisionsOf(ctx.db, initiative.id), deliverableStates(ctx.db, initiative.id)]);
  const current = currentDecisions(all).get(milestone.numeral);
  const mine = all.filter((d) => d.numeral === milestone.numeral);
  const comms = await communicationsOfDecisions(
    ctx.db,
    mine.map((d) => d.id),
  );
  const answers = await answersByCommunication(
    ctx.db,
    comms.map((c) => c.id),
  );
  return mine.map((d) => ({
    ...decisionView(d),
    current: d.id === current?.id,
    basisChangedAfterDecision: basisChangedSince(d.basisSnapshot as BasisSnapshot, docs),
    decisionMatchesHash: decisionMatchesHash(d),
    communications: comms
      .filter((c) => c.decisionId === d.id)
      // In the method's order of audiences: they are written at one moment.
      .sort((a, b) => audienceOrder(a.audience) - audienceOrder(b.audience))
      .map((c) => ({
        id: c.id,
        audience: c.audience,
        subject: c.subject,
        body: c.body,
        items: c.items as { key: string; label: string; value: string }[],
        recipients: c.recipients.map(recipientView),
        /** The förvaltningsgrupp's answers to this message (issue 14). */
        answers: answers.get(c.id) ?? [],
      })),
  }));
}

/** The team's proposal for a decision point: what makes it "prepared" (beredd) for the decider. */
export async function prepareDecisionPoint({
  db,
  actor,
  now,
  initiativeId,
  numeral,
  decisionPointId,
  proposal,
}: UseCaseContext & { initiativeId: string; numeral: string; decisionPointId: string; proposal: string }) {
  // One point is the milestone form with one proposal: the same checks, the same write and audit.
  await prepareDecisionPoints({ db, actor, now, initiativeId, numeral, proposals: [{ decisionPointId, proposal }] });
  return { decisionPointId, proposal, preparedAt: now.toISOString() };
}
