import type { MilestoneNumeral, PhaseNumber } from "../../method/types.ts";
import type { OrganisationKind } from "../access/roles.ts";
import type { InitiativeStatus } from "../initiatives/initiative-status.ts";
import type { Outcome } from "../milestones/milestone-rules.ts";

/** What the förvaltningsgrupp is warned of, per initiative; the status flags and a report missing. */
export const PORTFOLIO_FLAGS = [
  "decisionOverdue",
  "startedAheadOfDecision",
  "decidedOnIncompleteBasis",
  "basisChangedAfterDecision",
  "conditionOverdue",
  "reportMissing",
] as const;
export type PortfolioFlag = (typeof PORTFOLIO_FLAGS)[number];

export type PortfolioRow = {
  initiativeId: string;
  organisationId: string;
  organisationName: string;
  organisationNumber: string;
  organisationKind: OrganisationKind;
  county: string | null;
  name: string;
  currentPhase: PhaseNumber;
  completed: boolean;
  lastDecision: { numeral: MilestoneNumeral; outcome: Outcome; decidedOn: string } | null;
  plannedTestDate: string | null;
  plannedProductionDate: string | null;
  tactics: string[];
  digitalNext12Months: number;
  flags: PortfolioFlag[];
  publishable: boolean;
  /** Sending through Mina meddelanden: a flow of it is in production. */
  inProduction: boolean;
};

/** What the portfolio shows of each initiative beside its status (db/repositories/portfolio-repository.ts reads it in one statement). */
export type PortfolioInitiativeFacts = {
  initiativeId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  organisationNumber: string;
  organisationKind: OrganisationKind;
  county: string | null;
  publishable: boolean;
  /** Whether one of its flows is in production (status i_produktion). */
  inProduction: boolean;
  plannedGoLive: string | null;
  /** The day it was started, in Stockholm. */
  createdOn: string;
  /** The earliest planned test and production day of its flows still in use (not avvecklade). */
  firstTestDate: string | null;
  firstProductionDate: string | null;
  tactics: string[];
  /** Open reporting rounds past their deadline that it has not reported to. */
  missingReports: number;
};

/** The facts a row is made of: the initiative's status, what the portfolio query adds, its forecast. */
export type PortfolioRowFacts = {
  status: InitiativeStatus;
  initiative: PortfolioInitiativeFacts;
  digitalNext12Months: number;
};

/** The decision taken last: the latest decision day, and of one day the later milestone. */
export function lastDecision(status: InitiativeStatus): PortfolioRow["lastDecision"] {
  let last: PortfolioRow["lastDecision"] = null;
  for (const m of status.milestones) {
    if (m.status === "not_decided" || m.decidedOn === null) continue;
    if (last === null || m.decidedOn >= last.decidedOn) last = { numeral: m.numeral, outcome: m.status, decidedOn: m.decidedOn };
  }
  return last;
}

export function portfolioFlags(status: InitiativeStatus, missingReports: number): PortfolioFlag[] {
  return PORTFOLIO_FLAGS.filter((flag) => (flag === "reportMissing" ? missingReports > 0 && !status.completed : status.flags[flag]));
}

/**
 * One row of the portfolio. Its production date is the first of its flows' (the day it starts sending
 * digitally), else the initiative's own planned go-live.
 */
export function portfolioRow({ status, initiative, digitalNext12Months }: PortfolioRowFacts): PortfolioRow {
  return {
    initiativeId: initiative.initiativeId,
    organisationId: initiative.organisationId,
    organisationName: initiative.organisationName,
    organisationNumber: initiative.organisationNumber,
    organisationKind: initiative.organisationKind,
    county: initiative.county,
    name: initiative.name,
    currentPhase: status.currentPhase,
    completed: status.completed,
    lastDecision: lastDecision(status),
    plannedTestDate: initiative.firstTestDate,
    plannedProductionDate: initiative.firstProductionDate ?? initiative.plannedGoLive,
    tactics: initiative.tactics,
    digitalNext12Months,
    flags: portfolioFlags(status, initiative.missingReports),
    publishable: initiative.publishable,
    inProduction: initiative.inProduction,
  };
}
