import { findForecastVersion, versionsOf } from "../../db/repositories/forecast-version-repository.ts";
import { can } from "../access/policy.ts";
import { compare } from "../forecast/compare.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { CompareQuery } from "./forecast-version-input.ts";
import { currentFrozenForecast } from "./frozen-forecast.ts";
import { frozenOf, frozenVersionView, versionView } from "./version-view.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/** The initiative's forecast versions, newest first, for every member; `canSave` for its team. */
export async function listForecastVersions({ db, actor, initiativeId }: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const versions = (await versionsOf(db, initiative.id)).map(versionView);
  return { versions, canSave: can(actor, { action: "initiative:work", organisationId: initiative.organisationId }) };
}

/** One frozen version of the initiative; another initiative's version does not exist here. */
export async function getForecastVersion({ db, actor, initiativeId, versionId }: Ctx & { initiativeId: string; versionId: string }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const row = await findForecastVersion(db, initiative.id, versionId);
  if (!row) throw notFound("forecast version");
  return frozenVersionView(row);
}

/**
 * Two versions month by month, with b − a. "current" as b is the live forecast over the same months
 * as version a, so a baseline is compared with what the flows say now over the period it froze.
 */
export async function compareForecastVersions({
  db,
  actor,
  now,
  initiativeId,
  a,
  b,
}: UseCaseContext & { initiativeId: string } & CompareQuery) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const left = await findForecastVersion(db, initiative.id, a);
  if (!left) throw notFound("forecast version");
  const leftForecast = frozenOf(left).forecast;
  const leftView = versionView({ ...left, from: leftForecast.from });
  if (b === "current") {
    const live = await currentFrozenForecast(db, initiative.id, { now, from: leftForecast.from, months: leftForecast.months.length });
    return {
      a: leftView,
      b: { id: "current" as const, kind: "current" as const, from: live.forecast.from },
      ...compare(leftForecast, live.forecast),
    };
  }
  const right = await findForecastVersion(db, initiative.id, b);
  if (!right) throw notFound("forecast version");
  const rightForecast = frozenOf(right).forecast;
  return { a: leftView, b: versionView({ ...right, from: rightForecast.from }), ...compare(leftForecast, rightForecast) };
}
