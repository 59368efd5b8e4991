import type { NationalPicture } from "../../db/repositories/national-seed-repository.ts";
import type { OrganisationKind } from "../../domain/access/roles.ts";
import { recipientsFor } from "../../domain/communications/recipients.ts";
import type { ConnectionTactic, FlowStatus, RecipientType } from "../../domain/flows/flow-input.ts";
import { EVEN_SEASONALITY } from "../../domain/flows/flow-input.ts";
import { DEFAULT_FORECAST_MONTHS } from "../../domain/flows/initiative-forecast.ts";
import { type Forecast, forecast } from "../../domain/forecast/forecast.ts";
import type { ForecastFlow } from "../../domain/forecast/forecast-input.ts";
import { BASELINE_MILESTONES } from "../../domain/forecast-versions/freeze-baseline.ts";
import type { PlanFlow } from "../../domain/forecast-versions/plan.ts";
import type { Reported } from "../../domain/milestones/basis-snapshot.ts";
import { composeCommunications } from "../../domain/milestones/communications.ts";
import type { Condition, DeliverableState, Outcome } from "../../domain/milestones/milestone-rules.ts";
import { reportedFlow, reportSnapshot } from "../../domain/reporting/reporting-snapshot.ts";
import { milestoneByNumeral } from "../../method/lookup.ts";
import type { MilestoneNumeral } from "../../method/types.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import type { Random } from "./random.ts";

/*
 * What the national picture reports (issue 14): the baseline each initiative's latest decision at
 * II–V froze and the förvaltningsgrupp's message that decision sent, re-forecasts made since, and
 * two reporting rounds with their submissions — built from the picture's flows and decisions as
 * decide-milestone, save-reforecast and submit-report build them (the same pure functions), so the
 * inbox, the national plan and the rounds read them as they read what users did.
 *
 * Plans move: each flow's production date slips and its volume drifts between what was reported
 * then and what is planned now, in proportion to how long ago it was reported, so the national plan
 * shows baseline, re-forecast and current apart and a round compares with the one before.
 *
 * Only the latest baseline of each initiative is frozen: that is the one the national plan reads,
 * and every earlier one (a 60-month forecast per flow each) would add hundreds of megabytes the
 * portfolio never shows.
 */

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const addDays = (day: string, days: number) => isoDay(dayTime(day) + days * DAY_MS);
const monthOf = (day: string) => day.slice(0, 7) as Forecast["from"];
const at = (day: string, hour = 10) => new Date(dayTime(day) + hour * 3_600_000);

type FlowInsert = NationalPicture["flows"][number];
type DecisionInsert = NationalPicture["decisions"][number];

/** One initiative as the reports read it. */
export type ReportingInitiative = {
  id: string;
  name: string;
  stage: number;
  plannedGoLive: string | null;
  org: { id: string; name: string; kind: Exclude<OrganisationKind, "privat">; pl: { id: string; name: string; email: string } };
};

/** How a flow's plan moved: days its production date slipped, and its volume then against now. */
type Drift = { slipDays: number; volumeThen: number };

/** The flow as it was planned on `day`: earlier dates and another volume, more so the longer ago. */
function planAt(flow: FlowInsert, drift: Drift, day: string, today: string): PlanFlow {
  const age = Math.min(1, Math.max(0, (dayTime(today) - dayTime(day)) / (365 * DAY_MS)));
  const slip = Math.round(drift.slipDays * age);
  const earlier = (d: string | null | undefined) => (d ? addDays(d, -slip) : null);
  const production = earlier(flow.plannedProductionDate);
  const live = flow.status === "i_produktion" || flow.status === "avvecklad";
  // A flow in production now was still on its way then, if it went live after that day.
  const status: FlowStatus = live && production && production > day ? "i_test" : (flow.status as FlowStatus);
  return {
    id: flow.id as string,
    name: flow.name,
    recipientType: flow.recipientType as RecipientType,
    annualVolume: Math.max(1, Math.round(flow.annualVolume + (drift.volumeThen - flow.annualVolume) * age)),
    seasonality: (flow.seasonality as number[] | undefined) ?? [...EVEN_SEASONALITY],
    costPerLetterSek: Number(flow.costPerLetterSek ?? 0),
    tactic: (flow.tactic ?? null) as ConnectionTactic | null,
    status,
    plannedTestDate: earlier(flow.plannedTestDate),
    plannedProductionDate: production,
  };
}

const forecastFlowOfPlan = (p: PlanFlow): ForecastFlow => ({
  id: p.id,
  recipientType: p.recipientType,
  annualVolume: p.annualVolume,
  seasonality: p.seasonality as unknown as ForecastFlow["seasonality"],
  status: p.status,
  ...(p.plannedTestDate ? { plannedTestDate: p.plannedTestDate } : {}),
  ...(p.plannedProductionDate ? { plannedProductionDate: p.plannedProductionDate } : {}),
});

const forecastOf = (plan: readonly PlanFlow[], from: Forecast["from"]) =>
  forecast({ flows: plan.map(forecastFlowOfPlan), from, months: DEFAULT_FORECAST_MONTHS, reach: {} });

/**
 * The rounds the picture reports in: one closed half a year ago, and one still open whose deadline
 * passed a few days ago — the förvaltningsgrupp chasing the reports still missing, the portfolio
 * flagging them, late reports still arriving.
 */
export function roundsOf(today: string): { name: string; openedOn: string; deadline: string; closedOn: string | null }[] {
  const half = (day: string) => `Halvårsrapport ${day.slice(0, 4)}-${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`;
  const earlierDeadline = addDays(today, -180);
  const deadline = addDays(today, -5);
  return [
    {
      name: half(earlierDeadline),
      openedOn: addDays(earlierDeadline, -35),
      deadline: earlierDeadline,
      closedOn: addDays(earlierDeadline, 30),
    },
    { name: half(deadline), openedOn: addDays(deadline, -35), deadline, closedOn: null },
  ];
}

/** The round's reminders as run-reminders sends them: a week before the deadline and three days after. */
const REMIND_DAYS_BEFORE = 7;
const REMIND_DAYS_AFTER = 3;

const REFORECAST_REASONS = [
  "Ny tidplan efter byte av leverantör av verksamhetssystemet.",
  "Volymerna reviderade efter helårsutfallet.",
  "Produktionsstarten flyttad: integrationen via förmedlaren blev klar senare.",
  "Fler utskick tillkom när verksamheten gick igenom sina processer.",
];

/**
 * Adds to `picture` the baselines, re-forecasts, communications and reporting rounds of its
 * initiatives. `rounds` already in the database (by name) are reported in, not made again.
 */
export function buildReports(
  picture: NationalPicture,
  random: Random,
  {
    initiatives,
    today,
    forvaltningsgruppId,
    existingRounds,
  }: {
    initiatives: readonly ReportingInitiative[];
    today: string;
    /** The förvaltningsgrupp's account when the picture made it: it has read its older messages and opened the rounds. */
    forvaltningsgruppId: string | null;
    existingRounds: ReadonlyMap<string, { id: string; createdAt: Date }>;
  },
): void {
  const flowsBy = groupBy(picture.flows, (f) => f.initiativeId);
  const decisionsBy = groupBy(picture.decisions, (d) => d.initiativeId);
  const docsBy = deliverableStatesBy(picture);
  const drifts = new Map<string, Drift>(
    picture.flows.map((f) => [
      f.id as string,
      { slipDays: random.chance(0.6) ? random.int(15, 150) : 0, volumeThen: Math.round(f.annualVolume * (0.8 + random.next() * 0.35)) },
    ]),
  );
  const plansAt = (initiativeId: string, day: string) =>
    (flowsBy.get(initiativeId) ?? []).map((f) => planAt(f, drifts.get(f.id as string) as Drift, day, today));

  for (const initiative of initiatives) {
    const latest = latestBaselineDecision(decisionsBy.get(initiative.id) ?? []);
    if (!latest) continue;
    const plan = plansAt(initiative.id, latest.decidedOn);
    const baseline = { forecast: forecastOf(plan, monthOf(latest.decidedOn)), plan, reach: {} };
    const createdAt = latest.createdAt as Date;
    picture.forecastVersions.push({
      id: random.uuid(),
      initiativeId: initiative.id,
      kind: "baseline",
      milestone: latest.numeral,
      decisionId: latest.id as string,
      reason: null,
      createdAt,
      createdBy: initiative.org.pl.id,
      createdByName: latest.decidedByName,
      forecast: baseline.forecast,
      plan: baseline.plan,
      reach: {},
    });
    sendCommunications(picture, random, {
      initiative,
      decision: latest,
      baseline,
      docs: docsBy.get(initiative.id) ?? [],
      today,
      forvaltningsgruppId,
    });

    // Now and then the plan was re-forecast since: with the flows as they stand today.
    const since = Math.round((dayTime(today) - dayTime(latest.decidedOn)) / DAY_MS);
    if (since > 20 && random.chance(0.35)) {
      const day = addDays(latest.decidedOn, random.int(10, since - 5));
      const now = plansAt(initiative.id, day);
      picture.forecastVersions.push({
        id: random.uuid(),
        initiativeId: initiative.id,
        kind: "reforecast",
        milestone: null,
        decisionId: null,
        reason: random.pick(REFORECAST_REASONS),
        createdAt: at(day, 13),
        createdBy: initiative.org.pl.id,
        createdByName: initiative.org.pl.name,
        forecast: forecastOf(now, monthOf(day)),
        plan: now,
        reach: {},
      });
    }
  }

  roundsOf(today).forEach((round, r) => {
    const existing = existingRounds.get(round.name.toLowerCase());
    const roundId = existing?.id ?? random.uuid();
    const openedAt = existing?.createdAt ?? at(round.openedOn, 9);
    if (!existing)
      picture.reportingRounds.push({
        id: roundId,
        name: round.name,
        deadline: round.deadline,
        remindDaysBefore: REMIND_DAYS_BEFORE,
        remindDaysAfter: REMIND_DAYS_AFTER,
        closedAt: round.closedOn ? at(round.closedOn, 16) : null,
        createdAt: openedAt,
        createdBy: forvaltningsgruppId,
      });
    // The closed round was answered by most; the open one by about half so far, some after the deadline.
    const share = r === 0 ? 0.85 : 0.5;
    const lastDay = round.closedOn ? round.deadline : today;
    const reminders = [
      { kind: "before" as const, on: addDays(round.deadline, -REMIND_DAYS_BEFORE) },
      { kind: "after" as const, on: addDays(round.deadline, REMIND_DAYS_AFTER) },
    ].filter((x) => x.on <= today);
    for (const initiative of initiatives) {
      const decisions = (decisionsBy.get(initiative.id) ?? []).filter((d) => d.decidedOn <= lastDay);
      const created = (flowsBy.get(initiative.id)?.[0]?.createdAt as Date | undefined) ?? openedAt;
      if (initiative.stage >= 8 || created > openedAt) continue;
      const submits = random.chance(share);
      const day = addDays(round.openedOn, random.int(1, Math.max(1, Math.round((dayTime(lastDay) - dayTime(round.openedOn)) / DAY_MS))));
      // Whoever had not reported by a reminder's day was reminded, once (a round added to is left as it is).
      for (const reminder of existing ? [] : reminders) {
        if (submits && day <= reminder.on) continue;
        picture.reportingReminders.push({ roundId, initiativeId: initiative.id, kind: reminder.kind, sentAt: at(reminder.on, 7) });
      }
      if (!submits) continue;
      const plan = plansAt(initiative.id, day);
      const snapshot = reportSnapshot({
        initiative: { id: initiative.id, name: initiative.name },
        organisation: { id: initiative.org.id, name: initiative.org.name, kind: initiative.org.kind },
        status: undefined,
        flows: plan.map(reportedFlow),
        forecast: forecastOf(plan, monthOf(isoDay(openedAt.getTime()))),
        benefits: [],
      });
      const passed = decisions.filter((d) => d.outcome === "go" || d.outcome === "go_with_conditions").length;
      const last = decisions.reduce<DecisionInsert | null>((l, d) => (!l || d.decidedOn >= l.decidedOn ? d : l), null);
      picture.reportingSubmissions.push({
        id: random.uuid(),
        roundId,
        initiativeId: initiative.id,
        organisationId: initiative.org.id,
        comment: random.chance(0.4) ? "Tidplanen gäller; volymerna är uppdaterade efter senaste utfallet." : "",
        snapshot: {
          ...snapshot,
          phase: { current: Math.min(8, passed + 1), completed: false },
          lastDecision: last ? { numeral: last.numeral as MilestoneNumeral, outcome: last.outcome, decidedOn: last.decidedOn } : null,
        },
        submittedAt: at(day, 11),
        submittedBy: initiative.org.pl.id,
        submittedByName: initiative.org.pl.name,
      });
    }
  });
}

/** The initiative's most recent decision at II–V, whatever its outcome: the one whose baseline counts. */
function latestBaselineDecision(decisions: readonly DecisionInsert[]): DecisionInsert | null {
  return decisions
    .filter((d) => (BASELINE_MILESTONES as readonly string[]).includes(d.numeral))
    .reduce<DecisionInsert | null>((l, d) => (!l || d.decidedOn > l.decidedOn ? d : l), null);
}

/** The messages the decision sent, as decide-milestone composes them, the förvaltningsgrupp's read when older than a month. */
function sendCommunications(
  picture: NationalPicture,
  random: Random,
  {
    initiative,
    decision,
    baseline,
    docs,
    today,
    forvaltningsgruppId,
  }: {
    initiative: ReportingInitiative;
    decision: DecisionInsert;
    baseline: { forecast: Forecast; plan: PlanFlow[] };
    docs: readonly DeliverableState[];
    today: string;
    forvaltningsgruppId: string | null;
  },
) {
  const milestone = milestoneByNumeral(methodV12, decision.numeral as MilestoneNumeral);
  if (!milestone) return;
  const reported: Reported = { timeline: null, messageVolumePerYear: null, volumeNote: null, note: null };
  const drafts = composeCommunications({
    milestone,
    organisationName: initiative.org.name,
    initiativeName: initiative.name,
    plannedGoLive: initiative.plannedGoLive,
    outcome: decision.outcome as Outcome,
    conditions: (decision.conditions ?? []) as Condition[],
    decidedOn: decision.decidedOn,
    decidedByName: decision.decidedByName,
    incompleteBasisReason: null,
    reported,
    deliverables: docs,
    contact: { name: initiative.org.pl.name, email: initiative.org.pl.email },
    figures: baseline,
    benefits: null,
  });
  const sender = { organisationId: initiative.org.id, name: initiative.org.name };
  const read = addDays(decision.decidedOn, 30) < today;
  for (const draft of drafts) {
    const id = random.uuid();
    picture.communications.push({
      id,
      decisionId: decision.id as string,
      initiativeId: initiative.id,
      organisationId: initiative.org.id,
      audience: draft.audience,
      subject: draft.subject,
      body: draft.body,
      items: draft.items,
      createdAt: decision.createdAt as Date,
    });
    for (const r of recipientsFor(draft.audience, sender, [])) {
      const readByFg = r.kind === "forvaltningsgrupp" && read;
      picture.communicationRecipients.push({
        id: random.uuid(),
        communicationId: id,
        ...r,
        readAt: readByFg ? at(addDays(decision.decidedOn, random.int(1, 20)), 14) : null,
        readBy: readByFg ? forvaltningsgruppId : null,
      });
    }
  }
}

/** Each initiative's documents as a decision reads them: the latest version's state. */
function deliverableStatesBy(picture: NationalPicture): Map<string, DeliverableState[]> {
  const versions = new Map(picture.deliverableVersions.map((v) => [v.deliverableId, v]));
  const out = new Map<string, DeliverableState[]>();
  for (const d of picture.deliverables) {
    const v = versions.get(d.id as string);
    if (!v) continue;
    const state: DeliverableState = {
      id: d.id as string,
      typeId: d.typeId,
      title: d.title,
      latest: { version: v.version, status: v.status as DeliverableState["latest"]["status"], contentHash: v.contentHash },
      approved: v.status === "faststalld" ? { version: v.version, contentHash: v.contentHash } : null,
    };
    out.set(d.initiativeId, [...(out.get(d.initiativeId) ?? []), state]);
  }
  return out;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
