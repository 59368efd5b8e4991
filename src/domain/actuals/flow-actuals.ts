import type { Database } from "../../db/database.ts";
import { actualsOf, actualsOfInitiative, upsertActuals } from "../../db/repositories/flow-actual-repository.ts";
import { findFlow } from "../../db/repositories/flow-repository.ts";
import { latestBaseline } from "../../db/repositories/forecast-version-repository.ts";
import { isSystemActor } from "../access/actor.ts";
import { can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { currentForecastMonth } from "../flows/initiative-forecast.ts";
import { type ActualMonth, sumByMonth, variance } from "../forecast/variance.ts";
import { frozenOf } from "../forecast-versions/version-view.ts";
import { readableInitiative, workableInitiative } from "../initiatives/read-initiatives.ts";
import { DomainError, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { type ActualsInput, futureMonthIssues } from "./actuals-input.ts";

/**
 * Actual volumes per flow and month, entered by the team, against the latest baseline (issue 11).
 * These are the organisation's own figures of what was sent; the emulator's test series
 * (domain/volumes) is a different thing and never mixed in.
 */

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/** A flow's actuals with the latest baseline's figures for the flow and the variance, month by month. */
async function flowActualsView(db: Database, initiativeId: string, flowId: string) {
  const actuals = (await actualsOf(db, flowId)) as ActualMonth[];
  const baseline = await latestBaseline(db, initiativeId);
  const planned = baseline ? (frozenOf(baseline).forecast.flows.find((f) => f.flowId === flowId)?.months ?? []) : null;
  return { flowId, baselineId: baseline?.id ?? null, months: variance(actuals, planned) };
}

export async function getFlowActuals({ db, actor, flowId }: Ctx & { flowId: string }) {
  const flow = await findFlow(db, flowId);
  if (!flow) throw notFound("flow");
  const initiative = await readableInitiative({ db, actor }, flow.initiativeId);
  return {
    ...(await flowActualsView(db, initiative.id, flowId)),
    canEdit: can(actor, { action: "initiative:work", organisationId: initiative.organisationId }),
  };
}

/**
 * Writes the given months of a flow's actuals; the flow's other months stay as they were. Under the
 * flow's row lock, so two teams entering months at once are each audited against what they replaced.
 * A month after this one (in Stockholm) is refused: it has not been sent yet.
 */
export async function putFlowActuals({ db, actor, now, flowId, input }: UseCaseContext & { flowId: string; input: ActualsInput }) {
  const found = await findFlow(db, flowId);
  if (!found) throw notFound("flow");
  const initiative = await workableInitiative({ db, actor }, found.initiativeId);
  const future = futureMonthIssues(input, currentForecastMonth(now));
  if (future.length) throw new DomainError("VALIDATION_FAILED", "actuals for months that have not begun", { fields: future });
  return db.transaction(async (tx) => {
    const flow = await findFlow(tx, flowId, { lock: true });
    if (!flow || flow.initiativeId !== initiative.id) throw notFound("flow");
    const months = new Set<string>(input.map((e) => e.month));
    const before = (await actualsOf(tx, flowId)).filter((a) => months.has(a.month));
    await upsertActuals(tx, flowId, input, { userId: isSystemActor(actor) ? null : actor.userId, at: now });
    await recordAudit(
      tx,
      actor,
      {
        action: "flow_actuals.update",
        entityType: "message_flow",
        entityId: flowId,
        organisationId: initiative.organisationId,
        before: { months: before },
        after: { months: [...input].sort((a, b) => a.month.localeCompare(b.month)) },
      },
      now,
    );
    return flowActualsView(tx, initiative.id, flowId);
  });
}

/** The initiative's actuals, all flows added up per month, against the latest baseline's totals. */
export async function getInitiativeActuals({ db, actor, initiativeId }: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const rows = (await actualsOfInitiative(db, initiative.id)) as (ActualMonth & { flowId: string })[];
  const baseline = await latestBaseline(db, initiative.id);
  return {
    initiativeId: initiative.id,
    baselineId: baseline?.id ?? null,
    months: variance(sumByMonth(rows), baseline ? frozenOf(baseline).forecast.months : null),
  };
}
