import {
  findRound,
  findSubmission,
  findSubmissionOf,
  insertSubmission,
  openRounds,
  type SubmissionRow,
  submissionsOfInitiative,
} from "../../db/repositories/reporting-repository.ts";
import { authorize, can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import { contentHash } from "../shared/content-hash.ts";
import { DomainError, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { reportSnapshotOf } from "./report-snapshot-of.ts";
import type { SubmissionInput } from "./reporting-input.ts";
import { type RoundView, roundView } from "./reporting-rounds.ts";
import type { ReportSnapshot } from "./reporting-snapshot.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

export type SubmissionView = {
  id: string;
  roundId: string;
  initiativeId: string;
  organisationId: string;
  comment: string;
  submittedAt: string;
  submittedByName: string;
  snapshot: ReportSnapshot;
};

const submissionView = (s: SubmissionRow): SubmissionView => ({
  id: s.id,
  roundId: s.roundId,
  initiativeId: s.initiativeId,
  organisationId: s.organisationId,
  comment: s.comment,
  submittedAt: s.submittedAt.toISOString(),
  submittedByName: s.submittedByName,
  snapshot: s.snapshot as ReportSnapshot,
});

const alreadySubmitted = () => new DomainError("ALREADY_EXISTS", "the initiative has submitted its report to this round already");

/**
 * The projektledare submits the initiative's report to an open round: its snapshot is taken and
 * frozen now, with her comment. Once per initiative and round: of two at once the unique key keeps
 * the first, and the other is told so (409). The round is held against closing while it is written.
 */
export async function submitReport({
  db,
  actor,
  now,
  roundId,
  input,
}: UseCaseContext & { roundId: string; input: SubmissionInput }): Promise<SubmissionView> {
  const initiative = await readableInitiative({ db, actor }, input.initiativeId);
  authorize(actor, { action: "reporting:submit", organisationId: initiative.organisationId });
  return db.transaction(async (tx) => {
    const round = await findRound(tx, roundId, { lock: "share" });
    if (!round) throw notFound("round");
    if (round.closedAt) throw new DomainError("ROUND_CLOSED", "the round is closed: it takes no more submissions");
    if (await findSubmissionOf(tx, round.id, initiative.id)) throw alreadySubmitted();
    const snapshot = await reportSnapshotOf(tx, initiative, round, now);
    const row = await insertSubmission(tx, {
      roundId: round.id,
      initiativeId: initiative.id,
      organisationId: initiative.organisationId,
      comment: input.comment,
      snapshot,
      submittedAt: now,
      submittedBy: actor.userId,
      submittedByName: actor.name,
    });
    if (!row) throw alreadySubmitted();
    await recordAudit(
      tx,
      actor,
      {
        action: "reporting_submission.create",
        entityType: "reporting_submission",
        entityId: row.id,
        organisationId: initiative.organisationId,
        // The snapshot by its hash: the audit says what was frozen without copying five years of months.
        after: { roundId: round.id, initiativeId: initiative.id, comment: input.comment, snapshotSha256: contentHash(snapshot) },
      },
      now,
    );
    return submissionView(row);
  });
}

/** A frozen submission, for the förvaltningsgrupp and the members of its organisation. */
export async function getSubmission({ db, actor, roundId, submissionId }: Ctx & { roundId: string; submissionId: string }) {
  const row = await findSubmission(db, submissionId);
  if (!row || row.roundId !== roundId) throw notFound("submission");
  // An outsider learns nothing of it; the administrator, who sees the organisation, is told she may not.
  authorize(actor, { action: "reporting:read-submission", organisationId: row.organisationId });
  const round = await findRound(db, row.roundId);
  return { ...submissionView(row), roundName: round?.name ?? "", deadline: round?.deadline ?? "" };
}

/**
 * The initiative's reporting: the open rounds, each with its submission or, for the projektledare,
 * a preview of what she would submit (the snapshot as it would be frozen now); and its earlier
 * submissions. Every reader of the initiative sees the page; only the projektledare submits.
 */
export async function initiativeReporting({ db, actor, now, initiativeId }: UseCaseContext & { initiativeId: string }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const canSubmit = can(actor, { action: "reporting:submit", organisationId: initiative.organisationId });
  const submissions = await submissionsOfInitiative(db, initiative.id);
  const open: { round: RoundView; submissionId: string | null; preview: ReportSnapshot | null }[] = [];
  for (const round of await openRounds(db)) {
    const submitted = submissions.find((s) => s.roundId === round.id);
    open.push({
      round: roundView(round),
      submissionId: submitted?.id ?? null,
      preview: !submitted && canSubmit ? await reportSnapshotOf(db, initiative, round, now) : null,
    });
  }
  return {
    initiative: { id: initiative.id, name: initiative.name, organisationId: initiative.organisationId },
    canSubmit,
    open,
    submissions: submissions.map((s) => ({ ...s, submittedAt: s.submittedAt.toISOString() })),
  };
}
