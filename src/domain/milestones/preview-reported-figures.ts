import { currentFrozenForecast } from "../forecast-versions/frozen-forecast.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { timelineText, volumesText } from "./reported-figures.ts";

/**
 * What a decision now would tell the förvaltningsgrupp about the flows: the timeline and volumes
 * computed from the flows as they stand, shown on the decision form before anyone decides.
 */
export async function previewReportedFigures({ db, actor, now, initiativeId }: UseCaseContext & { initiativeId: string }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const figures = await currentFrozenForecast(db, initiative.id, { now });
  return { timeline: timelineText(figures.plan), volumes: volumesText(figures) };
}
