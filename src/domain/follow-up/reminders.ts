import type { DecisionRow } from "../../db/repositories/decision-repository.ts";
import { milestoneByNumeral } from "../../method/lookup.ts";
import type { MilestoneNumeral } from "../../method/types.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import type { OrganisationRole } from "../access/roles.ts";
import { currentDecisions, outcomesOf } from "../milestones/current-decisions.ts";
import type { Condition, Outcome } from "../milestones/milestone-rules.ts";
import { addDays, currentConditions, type FollowUp, isOverdue, milestoneAhead } from "./follow-up-rules.ts";

export type ReminderKind = "ahead" | "overdue";

/** Which reminder a date calls for today: "overdue" once it has passed, "ahead" within `daysAhead` days, else none. */
export function reminderKind(dueDate: string, today: string, daysAhead: number): ReminderKind | null {
  if (isOverdue(dueDate, today)) return "overdue";
  return dueDate <= addDays(today, daysAhead) ? "ahead" : null;
}

export type Reminder = {
  /** Names the subject and its date, so a moved planned date is a new subject and is reminded of again. */
  subjectKey: string;
  kind: ReminderKind;
  recipients: readonly string[];
  initiative: { id: string; name: string };
  numeral: MilestoneNumeral;
  dueDate: string;
} & ({ about: "condition"; decisionId: string; index: number; text: string } | { about: "decision" });

export type ReminderSources = {
  today: string;
  daysAhead: number;
  initiatives: readonly {
    id: string;
    organisationId: string;
    name: string;
    projectManagerId: string | null;
    steeringGroup: readonly string[];
  }[];
  decisions: readonly DecisionRow[];
  followUps: readonly FollowUp[];
  plans: readonly { initiativeId: string; numeral: string; plannedOn: string }[];
  /** Roles per organisation of the people named in the styrgrupps. */
  rolesOf: (userId: string, organisationId: string) => readonly OrganisationRole[];
};

/**
 * The reminders due today: each current condition not yet met goes to its owner (the projektledare
 * when no member owns it), each planned decision on the milestone the initiative works towards
 * goes to the projektledare and those who decide it. The caller sends each (subject, kind) once.
 */
export function dueReminders(s: ReminderSources): Reminder[] {
  const reminders: Reminder[] = [];
  for (const initiative of s.initiatives) {
    const decisions = s.decisions.filter((d) => d.initiativeId === initiative.id);
    const ref = { id: initiative.id, name: initiative.name };
    const conditions = currentConditions(
      decisions.map((d) => ({ ...d, outcome: d.outcome as Outcome, conditions: d.conditions as Condition[] })),
      s.followUps,
      s.today,
    );
    for (const c of conditions.filter((x) => !x.met)) {
      const kind = reminderKind(c.dueDate, s.today, s.daysAhead);
      const owner = c.ownerUserId ?? initiative.projectManagerId;
      if (!kind || !owner) continue;
      reminders.push({
        subjectKey: `condition:${c.decisionId}:${c.index}:${c.dueDate}`,
        kind,
        recipients: [owner],
        initiative: ref,
        numeral: c.numeral as MilestoneNumeral,
        dueDate: c.dueDate,
        about: "condition",
        decisionId: c.decisionId,
        index: c.index,
        text: c.text,
      });
    }
    const ahead = milestoneAhead(outcomesOf(currentDecisions(decisions)));
    const plan = ahead ? s.plans.find((p) => p.initiativeId === initiative.id && p.numeral === ahead) : undefined;
    if (ahead && plan) {
      const kind = reminderKind(plan.plannedOn, s.today, s.daysAhead);
      const role = milestoneByNumeral(methodV12, ahead).decidedBy.role;
      const deciders = initiative.steeringGroup.filter((u) => s.rolesOf(u, initiative.organisationId).includes(role));
      const recipients = [...new Set([...(initiative.projectManagerId ? [initiative.projectManagerId] : []), ...deciders])];
      if (kind && recipients.length) {
        reminders.push({
          subjectKey: `decision:${initiative.id}:${ahead}:${plan.plannedOn}`,
          kind,
          recipients,
          initiative: ref,
          numeral: ahead,
          dueDate: plan.plannedOn,
          about: "decision",
        });
      }
    }
  }
  return reminders;
}
