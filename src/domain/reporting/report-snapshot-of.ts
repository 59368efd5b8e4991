import type { Database } from "../../db/database.ts";
import { findOrganisationById } from "../../db/repositories/organisation-repository.ts";
import { evaluatedBenefitsOf } from "../benefits/benefit-plan.ts";
import { currentForecastMonth, DEFAULT_FORECAST_MONTHS, forecastFlowOf, forecastInputsOf } from "../flows/initiative-forecast.ts";
import { forecast } from "../forecast/forecast.ts";
import { initiativeStatuses } from "../initiatives/read-initiatives.ts";
import { type ReportSnapshot, reportedFlow, reportSnapshot } from "./reporting-snapshot.ts";

/**
 * What the initiative would report in the round now: the preview the projektledare reviews and the
 * snapshot frozen when she submits (the same function, so what she saw is what is stored). The
 * forecast runs 60 months from the month the round was opened (Stockholm), so every organisation's
 * numbers in a round cover the same months. Reads in sequence: it runs inside the submission's
 * transaction, where one connection runs one query at a time. The caller has checked access.
 */
export async function reportSnapshotOf(
  db: Database,
  initiative: { id: string; name: string; organisationId: string },
  round: { createdAt: Date },
  now: Date,
): Promise<ReportSnapshot> {
  const organisation = await findOrganisationById(db, initiative.organisationId);
  const statuses = await initiativeStatuses(db, { initiativeIds: [initiative.id] }, now);
  const { flows, reach } = await forecastInputsOf(db, initiative.id);
  const benefits = await evaluatedBenefitsOf(db, initiative.id);
  const computed = forecast({
    flows: flows.map(forecastFlowOf),
    from: currentForecastMonth(round.createdAt),
    months: DEFAULT_FORECAST_MONTHS,
    reach,
  });
  return reportSnapshot({
    initiative,
    organisation: { id: initiative.organisationId, name: organisation?.name ?? "", kind: organisation?.kind ?? "" },
    status: statuses.get(initiative.id),
    flows: flows.map(reportedFlow),
    forecast: computed,
    benefits,
  });
}
