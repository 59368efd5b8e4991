import type { Database } from "../../db/database.ts";
import {
  type BenefitRow,
  benefitsOf,
  deleteBenefitRow,
  deleteMeasurementRow,
  findBenefit,
  insertBenefit,
  insertMeasurements,
  type MeasurementRow,
  measurementsOf,
  measurementsOfBenefits,
  updateBenefitRow,
} from "../../db/repositories/benefit-repository.ts";
import { actualsOfInitiative } from "../../db/repositories/flow-actual-repository.ts";
import { flowsOf } from "../../db/repositories/flow-repository.ts";
import { membersOfOrganisation } from "../../db/repositories/user-repository.ts";
import { can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Beneficiary, BenefitCategory } from "../business-case/business-case-input.ts";
import { readableInitiative, workableInitiative } from "../initiatives/read-initiatives.ts";
import { DomainError, type FieldIssue, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { type BenefitEvaluation, evaluateBenefit } from "./benefit-evaluation.ts";
import { type BenefitInput, benefitDateIssues, type GapAnalysisInput, type MeasurementInput, measurementIssues } from "./benefit-input.ts";
import { derivedMeasurements, type FlowActualMonth } from "./derived-measurements.ts";

/**
 * The nyttorealiseringsplan (issue 12): each benefit with its owner, how it is realised, its metric,
 * baseline and target, how often and by whom it is measured, and its measurements: entered, imported,
 * or, for a volume-driven benefit, derived from its flows' actuals on every read (never stored, so
 * they follow the actuals). Read by every member, kept by the initiative's team, every write audited.
 */

type Ctx = Pick<UseCaseContext, "db" | "actor">;

export type BenefitView = ReturnType<typeof benefitView>;

/** A benefit as the API answers it and the audit records it; the table's checks hold the codes to the input's. */
export function benefitView(b: BenefitRow) {
  return {
    id: b.id,
    initiativeId: b.initiativeId,
    name: b.name,
    description: b.description,
    category: b.category as BenefitCategory | null,
    beneficiary: b.beneficiary as Beneficiary | null,
    metric: b.metric,
    unit: b.unit,
    baselineValue: b.baselineValue,
    baselineDate: b.baselineDate,
    targetValue: b.targetValue,
    targetDate: b.targetDate,
    owner: b.owner,
    ownerUserId: b.ownerUserId,
    howRealised: b.howRealised,
    frequency: b.frequencyMonths,
    measuredBy: b.measuredBy,
    measuredByUserId: b.measuredByUserId,
    derivedFromFlowIds: [...b.derivedFromFlowIds],
    gapCause: b.gapCause,
    proposedActions: b.proposedActions,
    responsibleUnit: b.responsibleUnit,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

/** A measurement as shown: a stored one has its id; a derived one names the flows it adds up instead. */
export type MeasurementView =
  | { id: string; date: string; value: number; note: string; source: "manual" | "import"; flowIds: null }
  | { id: null; date: string; value: number; note: string; source: "actuals"; flowIds: string[] };

const storedView = (m: MeasurementRow): MeasurementView => ({
  id: m.id,
  date: m.date,
  value: m.value,
  note: m.note,
  // The table also allows "actuals", which this code never stores (they are derived on read).
  source: m.source === "import" ? "import" : "manual",
  flowIds: null,
});

/**
 * Stored and derived measurements in date order; on one day the derived come first, so what a person
 * entered that day counts as the latest.
 */
export function mergedMeasurements(benefit: BenefitRow, stored: readonly MeasurementRow[], actuals: readonly FlowActualMonth[]) {
  const derived: MeasurementView[] = derivedMeasurements(benefit, actuals).map((d) => ({
    id: null,
    date: d.date,
    value: d.value,
    note: "",
    source: "actuals",
    flowIds: d.flowIds,
  }));
  const entered = [...stored].sort((a, b) => a.date.localeCompare(b.date)).map(storedView);
  return [...derived, ...entered].sort((a, b) => a.date.localeCompare(b.date));
}

export type BenefitSummary = BenefitView & { evaluation: BenefitEvaluation; measurementCount: number };

const summary = (b: BenefitRow, measurements: readonly MeasurementView[]): BenefitSummary => ({
  ...benefitView(b),
  evaluation: evaluateBenefit(b, measurements),
  measurementCount: measurements.length,
});

const canWork = (actor: Ctx["actor"], organisationId: string) => can(actor, { action: "initiative:work", organisationId });

/** The initiative's flows as choices for a volume-driven benefit. */
const flowChoices = async (db: Database, initiativeId: string) =>
  (await flowsOf(db, initiativeId)).map((f) => ({ id: f.id, name: f.name }));

/** The organisation's members, as the team chooses owners and measurers among them (nobody else is shown the list). */
const memberChoices = async (db: Database, organisationId: string, canManage: boolean) =>
  canManage ? (await membersOfOrganisation(db, organisationId)).map((m) => ({ userId: m.userId, name: m.name })) : [];

/**
 * Every benefit of the initiative evaluated against its target with its stored and derived
 * measurements. Reads only; the caller has checked access (the documents' tables read it too).
 */
export async function evaluatedBenefitsOf(db: Database, initiativeId: string): Promise<BenefitSummary[]> {
  const rows = await benefitsOf(db, initiativeId);
  const stored = await measurementsOfBenefits(
    db,
    rows.map((b) => b.id),
  );
  const actuals = rows.some((b) => b.derivedFromFlowIds.length) ? await actualsOfInitiative(db, initiativeId) : [];
  return rows.map((b) =>
    summary(
      b,
      mergedMeasurements(
        b,
        stored.filter((m) => m.benefitId === b.id),
        actuals,
      ),
    ),
  );
}

/** The plan: every benefit evaluated against its target with its stored and derived measurements. */
export async function listBenefits(ctx: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative(ctx, ctx.initiativeId);
  const benefits = await evaluatedBenefitsOf(ctx.db, initiative.id);
  const canManage = canWork(ctx.actor, initiative.organisationId);
  return {
    initiative: { id: initiative.id, name: initiative.name, organisationId: initiative.organisationId },
    benefits,
    flows: await flowChoices(ctx.db, initiative.id),
    members: await memberChoices(ctx.db, initiative.organisationId, canManage),
    canManage,
  };
}

/** The evaluation of the contract: per benefit its target, the latest measurement and the gap (actual − target). */
export async function evaluateBenefits(ctx: Ctx & { initiativeId: string }) {
  const { benefits } = await listBenefits(ctx);
  return {
    benefits: benefits.map((b) => ({
      benefitId: b.id,
      name: b.name,
      unit: b.unit,
      baseline: b.baselineValue,
      ...b.evaluation,
    })),
  };
}

/** One benefit with every measurement, for its page and the API. */
export async function getBenefit(ctx: Ctx & { benefitId: string }) {
  const row = await findBenefit(ctx.db, ctx.benefitId);
  if (!row) throw notFound("benefit");
  const initiative = await readableInitiative(ctx, row.initiativeId);
  const actuals = row.derivedFromFlowIds.length ? await actualsOfInitiative(ctx.db, initiative.id) : [];
  const measurements = mergedMeasurements(row, await measurementsOf(ctx.db, row.id), actuals);
  const canManage = canWork(ctx.actor, initiative.organisationId);
  return {
    initiative: { id: initiative.id, name: initiative.name, organisationId: initiative.organisationId },
    benefit: summary(row, measurements),
    measurements,
    flows: await flowChoices(ctx.db, initiative.id),
    members: await memberChoices(ctx.db, initiative.organisationId, canManage),
    canManage,
  };
}

const refuse = (fields: FieldIssue[], what: string) => new DomainError("VALIDATION_FAILED", what, { fields });

/**
 * What the input names must be the initiative's own: owners and measurers among the organisation's
 * members (who keep their id, and their name as the text), flows among the initiative's flows.
 */
async function resolved(db: Database, initiative: { id: string; organisationId: string }, input: BenefitInput) {
  const issues: FieldIssue[] = [...benefitDateIssues(input)];
  const members = input.ownerUserId || input.measuredByUserId ? await membersOfOrganisation(db, initiative.organisationId) : [];
  const member = (userId: string | null, path: string) => {
    if (!userId) return null;
    const found = members.find((m) => m.userId === userId);
    if (!found) issues.push({ path: [path], code: "not_member", message: "not a member of the organisation" });
    return found ?? null;
  };
  const owner = member(input.ownerUserId, "ownerUserId");
  const measurer = member(input.measuredByUserId, "measuredByUserId");
  if (input.derivedFromFlowIds.length) {
    const flows = new Set((await flowsOf(db, initiative.id)).map((f) => f.id));
    input.derivedFromFlowIds.forEach((id, i) => {
      if (!flows.has(id)) issues.push({ path: ["derivedFromFlowIds", i], code: "unknown_flow", message: "not a flow of the initiative" });
    });
  }
  if (issues.length) throw refuse(issues, "the benefit is not valid");
  const { frequency, ...rest } = input;
  return {
    ...rest,
    frequencyMonths: frequency,
    owner: owner ? owner.name : input.owner,
    measuredBy: measurer ? measurer.name : input.measuredBy,
  };
}

export async function createBenefit({
  db,
  actor,
  now,
  initiativeId,
  input,
}: UseCaseContext & { initiativeId: string; input: BenefitInput }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  const values = await resolved(db, initiative, input);
  return db.transaction(async (tx) => {
    const row = await insertBenefit(tx, {
      ...values,
      initiativeId: initiative.id,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
    });
    const view = benefitView(row);
    await recordAudit(
      tx,
      actor,
      { action: "benefit.create", entityType: "benefit", entityId: row.id, organisationId: initiative.organisationId, after: view },
      now,
    );
    return view;
  });
}

/** Replaces a benefit's fields under its row lock, so of two changes at once each is audited against what it replaced. */
export async function updateBenefit({ db, actor, now, benefitId, input }: UseCaseContext & { benefitId: string; input: BenefitInput }) {
  const found = await findBenefit(db, benefitId);
  if (!found) throw notFound("benefit");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  const values = await resolved(db, initiative, input);
  return db.transaction(async (tx) => {
    const before = await findBenefit(tx, benefitId, { lock: true });
    const row = before && (await updateBenefitRow(tx, initiative.id, benefitId, { ...values, updatedAt: now }));
    if (!before || !row) throw notFound("benefit");
    const view = benefitView(row);
    await recordAudit(
      tx,
      actor,
      {
        action: "benefit.update",
        entityType: "benefit",
        entityId: benefitId,
        organisationId: initiative.organisationId,
        before: benefitView(before),
        after: view,
      },
      now,
    );
    return view;
  });
}

/** Writes only the gap analysis (cause, proposed actions, responsible unit) under the benefit's row lock. */
export async function updateGapAnalysis({
  db,
  actor,
  now,
  benefitId,
  input,
}: UseCaseContext & { benefitId: string; input: GapAnalysisInput }) {
  const found = await findBenefit(db, benefitId);
  if (!found) throw notFound("benefit");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  return db.transaction(async (tx) => {
    const before = await findBenefit(tx, benefitId, { lock: true });
    const row = before && (await updateBenefitRow(tx, initiative.id, benefitId, { ...input, updatedAt: now }));
    if (!before || !row) throw notFound("benefit");
    const view = benefitView(row);
    await recordAudit(
      tx,
      actor,
      {
        action: "benefit.update",
        entityType: "benefit",
        entityId: benefitId,
        organisationId: initiative.organisationId,
        before: benefitView(before),
        after: view,
      },
      now,
    );
    return view;
  });
}

export async function deleteBenefit({ db, actor, now, benefitId }: UseCaseContext & { benefitId: string }) {
  const found = await findBenefit(db, benefitId);
  if (!found) throw notFound("benefit");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  await db.transaction(async (tx) => {
    const removed = await deleteBenefitRow(tx, initiative.id, benefitId);
    if (!removed) throw notFound("benefit");
    await recordAudit(
      tx,
      actor,
      {
        action: "benefit.delete",
        entityType: "benefit",
        entityId: benefitId,
        organisationId: initiative.organisationId,
        before: benefitView(removed),
      },
      now,
    );
  });
}

/**
 * Stores measurements of a benefit, entered or imported, in one transaction: all of them or, when any
 * is dated before the baseline (read under the benefit's row lock, so a baseline changed meanwhile
 * is the one checked against), none. `path` places each row's issues (an import's row, or the form).
 */
export async function recordMeasurements({
  db,
  actor,
  now,
  benefitId,
  measurements,
  source,
  issuePath,
}: UseCaseContext & {
  benefitId: string;
  measurements: readonly MeasurementInput[];
  source: "manual" | "import";
  issuePath: (index: number) => (string | number)[];
}) {
  const found = await findBenefit(db, benefitId);
  if (!found) throw notFound("benefit");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  return db.transaction(async (tx) => {
    const benefit = await findBenefit(tx, benefitId, { lock: true });
    if (!benefit || benefit.initiativeId !== initiative.id) throw notFound("benefit");
    const issues = measurements.flatMap((m, i) => measurementIssues(benefit, m, issuePath(i)));
    if (issues.length) throw refuse(issues, "measurements before the benefit's baseline date");
    const rows = await insertMeasurements(
      tx,
      measurements.map((m) => ({ benefitId, date: m.date, value: m.value, note: m.note, source, createdAt: now, createdBy: actor.userId })),
    );
    const views = rows.map(storedView);
    await recordAudit(
      tx,
      actor,
      {
        action: source === "import" ? "benefit_measurement.import" : "benefit_measurement.create",
        entityType: "benefit",
        entityId: benefitId,
        organisationId: initiative.organisationId,
        after: { measurements: views },
      },
      now,
    );
    return { benefit: benefitView(benefit), measurements: views };
  });
}

export async function recordMeasurement(ctx: UseCaseContext & { benefitId: string; input: MeasurementInput }) {
  const { measurements } = await recordMeasurements({ ...ctx, measurements: [ctx.input], source: "manual", issuePath: () => [] });
  const [stored] = measurements;
  if (!stored) throw new Error("a recorded measurement returned nothing");
  return stored;
}

export async function deleteMeasurement({
  db,
  actor,
  now,
  benefitId,
  measurementId,
}: UseCaseContext & { benefitId: string; measurementId: string }) {
  const found = await findBenefit(db, benefitId);
  if (!found) throw notFound("benefit");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  return db.transaction(async (tx) => {
    const removed = await deleteMeasurementRow(tx, benefitId, measurementId);
    if (!removed) throw notFound("measurement");
    await recordAudit(
      tx,
      actor,
      {
        action: "benefit_measurement.delete",
        entityType: "benefit",
        entityId: benefitId,
        organisationId: initiative.organisationId,
        before: storedView(removed),
      },
      now,
    );
    return storedView(removed);
  });
}

/**
 * What a measurement import is checked against: the benefit's baseline date. Only the team gets it,
 * so nobody else has a file read at all.
 */
export async function measurementImportContext({ db, actor }: Ctx, benefitId: string) {
  const found = await findBenefit(db, benefitId);
  if (!found) throw notFound("benefit");
  await workableInitiative({ db, actor }, found.initiativeId);
  return { benefit: benefitView(found), context: { baselineDate: found.baselineDate } };
}
