import { format, messagesFor } from "../../i18n/index.ts";
import type { Forecast } from "../forecast/forecast.ts";
import type { PlanFlow } from "../forecast-versions/plan.ts";

/**
 * What the förvaltningsgrupp is told at milestones II–V about the flows (issue 11), computed from the
 * plan and forecast the decision froze as its baseline rather than typed on the form: the timeline
 * (each flow's planned test and production) and the volumes (digital messages per calendar year for
 * the next five years, with the total volume beside them). In Swedish, as the communication is.
 */

export type PlanFigures = { plan: readonly PlanFlow[]; forecast: Forecast };
export type YearVolume = { year: number; firstMonth: string; lastMonth: string; months: number; volume: number; digital: number };

const t = messagesFor("sv").forecastVersions.reported;
const number = new Intl.NumberFormat("sv-SE");
const monthName = (month: string) =>
  new Intl.DateTimeFormat("sv-SE", { month: "short", timeZone: "UTC" }).format(new Date(`${month}-15T12:00:00Z`)).replace(".", "");

/** Reported years: the forecast's calendar years, the first five of them, each with the months it covers. */
export function volumesPerYear(forecast: Pick<Forecast, "months">, years = 5): YearVolume[] {
  const byYear = new Map<number, YearVolume>();
  for (const m of forecast.months) {
    const year = Number(m.month.slice(0, 4));
    const entry = byYear.get(year) ?? { year, firstMonth: m.month, lastMonth: m.month, months: 0, volume: 0, digital: 0 };
    entry.lastMonth = m.month;
    entry.months += 1;
    entry.volume += m.volume;
    entry.digital += m.digital;
    byYear.set(year, entry);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year).slice(0, years);
}

/** A flow that is being wound down is not part of the plan ahead. */
const planned = (plan: readonly PlanFlow[]) => plan.filter((f) => f.status !== "avvecklad");

export function timelineText(plan: readonly PlanFlow[]): string {
  const flows = planned(plan);
  if (!flows.length) return t.noFlows;
  return flows
    .map((f) =>
      format(t.flowTimeline, {
        name: f.name,
        test: f.plannedTestDate ?? t.notPlanned,
        production: f.plannedProductionDate ?? t.notPlanned,
      }),
    )
    .join("; ");
}

export function volumesText({ plan, forecast }: PlanFigures): string {
  const years = volumesPerYear(forecast);
  if (!planned(plan).length || !years.length) return t.noFlows;
  const parts = years.map((y) =>
    format(y.months === 12 ? t.year : y.months === 1 ? t.oneMonth : t.partYear, {
      year: y.year,
      first: monthName(y.firstMonth),
      last: monthName(y.lastMonth),
      digital: number.format(y.digital),
      volume: number.format(y.volume),
    }),
  );
  return `${t.volumesIntro} ${parts.join("; ")}`;
}
