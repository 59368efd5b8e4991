import { listInitiativesOf } from "../../db/repositories/initiative-repository.ts";
import { listOrganisations } from "../../db/repositories/organisation-repository.ts";
import {
  closeRoundRow,
  findRound,
  findRoundByName,
  insertRound,
  listRoundRows,
  previousSubmissions,
  type RoundRow,
  type SubmissionRow,
  submissionCounts,
  submissionsOfRound,
} from "../../db/repositories/reporting-repository.ts";
import type { Actor } from "../access/actor.ts";
import { authorize, can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { stockholmDay } from "../follow-up/follow-up-rules.ts";
import { initiativeStatuses } from "../initiatives/read-initiatives.ts";
import { DomainError, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { CreateRoundInput } from "./reporting-input.ts";
import { compareReports, type ReportComparison, type ReportSnapshot } from "./reporting-snapshot.ts";

/**
 * Reporting rounds (issue 14): the förvaltningsgrupp opens a round with a deadline, every
 * organisation with an active initiative submits its report to it, and the round shows who has
 * and who has not, each report against the one before it. A projektledare reads a round too, but
 * only her own organisations' initiatives in it.
 */

type Ctx = Pick<UseCaseContext, "db" | "actor">;

export type RoundView = {
  id: string;
  name: string;
  deadline: string;
  remindDaysBefore: number;
  remindDaysAfter: number;
  open: boolean;
  closedAt: string | null;
  createdAt: string;
};

export const roundView = (r: RoundRow): RoundView => ({
  id: r.id,
  name: r.name,
  deadline: r.deadline,
  remindDaysBefore: r.remindDaysBefore,
  remindDaysAfter: r.remindDaysAfter,
  open: r.closedAt === null,
  closedAt: r.closedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/** Opens a round: a name no other round has, a deadline not before today in Stockholm. */
export async function createRound({ db, actor, now, input }: UseCaseContext & { input: CreateRoundInput }): Promise<RoundView> {
  authorize(actor, { action: "reporting:manage" });
  if (input.deadline < stockholmDay(now)) {
    throw new DomainError("VALIDATION_FAILED", "the deadline has passed", {
      fields: [{ path: ["deadline"], code: "deadline_past", message: "the deadline is before today" }],
    });
  }
  if (await findRoundByName(db, input.name)) throw roundNameTaken();
  return db.transaction(async (tx) => {
    const row = await insertRound(tx, { ...input, createdAt: now, createdBy: actor.userId });
    const view = roundView(row);
    await recordAudit(tx, actor, { action: "reporting_round.create", entityType: "reporting_round", entityId: row.id, after: view }, now);
    return view;
  });
}

const roundNameTaken = () =>
  new DomainError("ALREADY_EXISTS", "a round of that name exists", {
    fields: [{ path: ["name"], code: "round_name_taken", message: "another round has this name" }],
  });

/** Closes a round: it takes no more submissions, and its reminders stop. Closing a closed round changes nothing. */
export async function closeRound({ db, actor, now, roundId }: UseCaseContext & { roundId: string }): Promise<RoundView> {
  authorize(actor, { action: "reporting:manage" });
  return db.transaction(async (tx) => {
    const closed = await closeRoundRow(tx, roundId, now);
    if (closed) {
      await recordAudit(
        tx,
        actor,
        { action: "reporting_round.close", entityType: "reporting_round", entityId: roundId, after: { closedAt: now.toISOString() } },
        now,
      );
      return roundView(closed);
    }
    const round = await findRound(tx, roundId);
    if (!round) throw notFound("round");
    return roundView(round);
  });
}

/** The organisations whose initiatives the actor sees in a round: every one for the förvaltningsgrupp, else where she is projektledare. */
const roundScope = (actor: Actor): string[] | null =>
  can(actor, { action: "reporting:manage" })
    ? null
    : [...actor.memberships].filter(([, roles]) => roles.includes("projektledare")).map(([id]) => id);

/** Every round, the latest deadline first; the förvaltningsgrupp sees how many have submitted to each. */
export async function listRounds({ db, actor }: Ctx): Promise<(RoundView & { submitted: number | null })[]> {
  authorize(actor, { action: "reporting:read-round" });
  const rows = await listRoundRows(db);
  const counts = can(actor, { action: "reporting:manage" }) ? await submissionCounts(db) : null;
  return rows.map((r) => ({ ...roundView(r), submitted: counts ? (counts.get(r.id) ?? 0) : null }));
}

export type SubmissionSummary = { id: string; submittedAt: string; submittedByName: string; comment: string };

export type RoundInitiative = {
  initiativeId: string;
  name: string;
  status: "submitted" | "missing";
  submission: SubmissionSummary | null;
  /** Against the initiative's report to the round before (the latest opened before this one it reported to); null without one. */
  comparison: ReportComparison | null;
};

export type RoundOrganisation = {
  organisationId: string;
  name: string;
  kind: string;
  submitted: number;
  missing: number;
  initiatives: RoundInitiative[];
};

export type RoundDetail = RoundView & {
  counts: { organisations: number; initiatives: number; submitted: number; missing: number };
  organisations: RoundOrganisation[];
  permissions: { close: boolean };
};

const submissionSummary = (s: SubmissionRow): SubmissionSummary => ({
  id: s.id,
  submittedAt: s.submittedAt.toISOString(),
  submittedByName: s.submittedByName,
  comment: s.comment,
});

/**
 * A round with who has submitted and who is missing, per organisation: every initiative that is not
 * completed (the status read model), and any that submitted before it completed. Set-based: the
 * same few queries whatever the number of organisations.
 */
export async function getRound({ db, actor, now, roundId }: UseCaseContext & { roundId: string }): Promise<RoundDetail> {
  authorize(actor, { action: "reporting:read-round" });
  const round = await findRound(db, roundId);
  if (!round) throw notFound("round");
  const scope = roundScope(actor);
  const initiatives = await listInitiativesOf(db, scope);
  const statuses = await initiativeStatuses(db, scope === null ? "all" : { organisationIds: scope }, now);
  const submissions = new Map(
    (await submissionsOfRound(db, round.id, scope === null ? undefined : initiatives.map((i) => i.id))).map((s) => [s.initiativeId, s]),
  );
  const inRound = initiatives.filter((i) => submissions.has(i.id) || statuses.get(i.id)?.completed === false);
  const previous = await previousSubmissions(db, round.createdAt, [...submissions.keys()]);
  const organisations = await listOrganisations(db, [...new Set(inRound.map((i) => i.organisationId))]);

  const byOrganisation: RoundOrganisation[] = organisations.map((o) => {
    const own = inRound
      .filter((i) => i.organisationId === o.id)
      .map((i): RoundInitiative => {
        const submission = submissions.get(i.id);
        const before = previous.get(i.id);
        return {
          initiativeId: i.id,
          name: i.name,
          status: submission ? "submitted" : "missing",
          submission: submission ? submissionSummary(submission) : null,
          comparison:
            submission && before
              ? compareReports(
                  { roundName: before.roundName, submittedAt: before.submittedAt, snapshot: before.snapshot as ReportSnapshot },
                  submission.snapshot as ReportSnapshot,
                )
              : null,
        };
      });
    const submitted = own.filter((i) => i.status === "submitted").length;
    return { organisationId: o.id, name: o.name, kind: o.kind, submitted, missing: own.length - submitted, initiatives: own };
  });
  const submitted = byOrganisation.reduce((n, o) => n + o.submitted, 0);
  return {
    ...roundView(round),
    counts: { organisations: byOrganisation.length, initiatives: inRound.length, submitted, missing: inRound.length - submitted },
    organisations: byOrganisation,
    permissions: { close: can(actor, { action: "reporting:manage" }) && round.closedAt === null },
  };
}

/** The rounds as the förvaltningsgrupp's page lists them (the page is hers alone: a projektledare reports from her initiative). */
export async function roundsToManage(ctx: Ctx) {
  authorize(ctx.actor, { action: "reporting:manage" });
  return listRounds(ctx);
}

/** A round as the förvaltningsgrupp's page shows it. */
export async function roundToManage(ctx: UseCaseContext & { roundId: string }) {
  authorize(ctx.actor, { action: "reporting:manage" });
  return getRound(ctx);
}
