import { nextMeasurementDue } from "../benefits/measurement-due.ts";
import { type RiskStatus, reviewOverdue } from "../risks/risk-score.ts";

/**
 * What the risk register and the nyttorealiseringsplan ask people to do (issue 12): follow up a
 * risk whose review day has passed and that is not closed (its owner, else the projektledare),
 * and measure a benefit whose measurement is due (who measures it, else its nyttoägare, else the
 * projektledare). The same rule feeds My tasks and the reminder round's mail.
 */

export type ReviewableRisk = {
  id: string;
  initiativeId: string;
  title: string;
  ownerUserId: string | null;
  status: RiskStatus;
  reviewDate: string | null;
};

export type MeasuredBenefit = {
  id: string;
  initiativeId: string;
  name: string;
  metric: string;
  frequencyMonths: number | null;
  baselineDate: string;
  /** The latest measurement's date, null when none is recorded. */
  latestMeasurement: string | null;
  measuredByUserId: string | null;
  ownerUserId: string | null;
};

export type ValueDue =
  | { about: "risk"; id: string; initiativeId: string; title: string; dueDate: string; responsible: string | null }
  | { about: "benefit"; id: string; initiativeId: string; name: string; metric: string; dueDate: string; responsible: string | null };

/** The page where the follow-up is done. */
export const riskTaskHref = (riskId: string) => `/risks/${riskId}`;
export const benefitTaskHref = (benefitId: string) => `/benefits/${benefitId}`;

/**
 * Every risk review overdue and every benefit measurement due on `today` (a Stockholm day), with
 * the member responsible: null when no member is named and the initiative has no projektledare.
 */
export function valueDue(s: {
  today: string;
  initiatives: readonly { id: string; projectManagerId: string | null }[];
  risks: readonly ReviewableRisk[];
  benefits: readonly MeasuredBenefit[];
}): ValueDue[] {
  const manager = new Map(s.initiatives.map((i) => [i.id, i.projectManagerId]));
  const due: ValueDue[] = [];
  for (const r of s.risks) {
    if (!manager.has(r.initiativeId) || !r.reviewDate || !reviewOverdue(r, s.today)) continue;
    due.push({
      about: "risk",
      id: r.id,
      initiativeId: r.initiativeId,
      title: r.title,
      dueDate: r.reviewDate,
      responsible: r.ownerUserId ?? manager.get(r.initiativeId) ?? null,
    });
  }
  for (const b of s.benefits) {
    if (!manager.has(b.initiativeId)) continue;
    const dueDate = nextMeasurementDue(b);
    if (dueDate === null || dueDate > s.today) continue;
    due.push({
      about: "benefit",
      id: b.id,
      initiativeId: b.initiativeId,
      name: b.name,
      metric: b.metric,
      dueDate,
      responsible: b.measuredByUserId ?? b.ownerUserId ?? manager.get(b.initiativeId) ?? null,
    });
  }
  return due;
}

/** Names the subject and its due day, so a moved review date or a new measurement is a new reminder. */
export const valueSubjectKey = (d: ValueDue) => `${d.about}:${d.id}:${d.dueDate}`;
