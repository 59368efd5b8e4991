import { getCondition, listConditions, markConditionMet } from "../../../domain/follow-up/conditions.ts";
import { MarkConditionMetInput, MilestonePlanInput } from "../../../domain/follow-up/follow-up-input.ts";
import { planMilestone } from "../../../domain/follow-up/plan-milestone.ts";
import { listMyTasks } from "../../../domain/tasks/list-my-tasks.ts";
import { titledTasks } from "../../../domain/tasks/titled-tasks.ts";
import { messagesFor } from "../../../i18n/index.ts";
import type { AppScope } from "../../app-scope.ts";
import { InitiativeParams } from "../initiatives/initiatives.schema.ts";
import { MilestoneParams } from "../milestones/milestones.schema.ts";
import { ConditionList, ConditionParams, ConditionView, MilestonePlan, MyTasks } from "./tasks.schema.ts";

export function tasksApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/me/tasks",
    summary: "What waits for the caller across their initiatives, each with a link to the page where it is done",
    tag: "tasks",
    access: "authenticated",
    response: { status: 200, schema: MyTasks },
    handler: async ({ actor, now }) => ({
      tasks: titledTasks(messagesFor(actor.locale), await listMyTasks({ db, actor, now })).map((t) => ({
        kind: t.kind,
        initiativeId: t.initiativeId,
        title: t.title,
        dueDate: t.dueDate,
        href: t.href,
      })),
    }),
  });

  api({
    method: "GET",
    url: "/api/v1/initiatives/:initiativeId/conditions",
    summary: "Every condition set by the initiative's decisions, with whether it still applies, is overdue, or was met",
    tag: "milestones",
    access: "authenticated",
    params: InitiativeParams,
    response: { status: 200, schema: ConditionList },
    handler: async ({ actor, params, now }) => ({
      conditions: await listConditions({ db, actor, now, initiativeId: params.initiativeId }),
    }),
  });

  api({
    method: "GET",
    url: "/api/v1/decisions/:decisionId/conditions/:conditionIndex",
    summary: "One condition of a decision (its index in the decision's conditions) with its follow-up",
    tag: "milestones",
    access: "authenticated",
    params: ConditionParams,
    response: { status: 200, schema: ConditionView },
    handler: async ({ actor, params, now }) =>
      (await getCondition({ db, actor, now, decisionId: params.decisionId, conditionIndex: params.conditionIndex })).condition,
  });

  api({
    method: "POST",
    url: "/api/v1/decisions/:decisionId/conditions/:conditionIndex/met",
    summary: "Mark a current condition met, with a note on how (its owner, or the projektledare); once",
    tag: "milestones",
    access: "authenticated",
    params: ConditionParams,
    body: MarkConditionMetInput,
    conflict:
      "CONDITION_ALREADY_MET when it was marked met already; CONDITION_NOT_CURRENT when a later decision superseded the one that set it",
    response: { status: 200, schema: ConditionView },
    handler: async ({ actor, params, body, now }) =>
      markConditionMet({ db, actor, now, decisionId: params.decisionId, conditionIndex: params.conditionIndex, note: body.note }),
  });

  api({
    method: "PUT",
    url: "/api/v1/initiatives/:initiativeId/milestones/:numeral/plan",
    summary: "Set the day the milestone's decision is planned for (null removes it); reminders and 'decision overdue' go by it",
    tag: "milestones",
    access: "authenticated",
    params: MilestoneParams,
    body: MilestonePlanInput,
    response: { status: 200, schema: MilestonePlan },
    handler: async ({ actor, params, body, now }) =>
      planMilestone({ db, actor, now, initiativeId: params.initiativeId, numeral: params.numeral, plannedOn: body.plannedOn }),
  });
}
