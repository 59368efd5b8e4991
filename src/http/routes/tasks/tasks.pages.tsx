import { getCondition, markConditionMet } from "../../../domain/follow-up/conditions.ts";
import { MarkConditionMetInput } from "../../../domain/follow-up/follow-up-input.ts";
import { forbidden } from "../../../domain/shared/domain-error.ts";
import { conditionHref } from "../../../domain/tasks/my-tasks.ts";
import { ConditionPage } from "../../../ui/pages/tasks/condition-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { str } from "../../form.ts";
import { redirect } from "../../page-route.ts";
import { ConditionParams } from "./tasks.schema.ts";

// The milestone's planned decision day is set on the milestone page, so its form's route is there
// (routes/milestones/milestones.pages.tsx), where a refused date shows that page again.
export function tasksPages({ page, db }: AppScope) {
  page({
    method: "GET",
    url: "/decisions/:decisionId/conditions/:conditionIndex",
    access: "session",
    params: ConditionParams,
    load: ({ actor, now, params }) => getCondition({ db, actor, now, ...params }),
    render:
      ({ loaded }) =>
      (ctx) => <ConditionPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: "/decisions/:decisionId/conditions/:conditionIndex",
    access: "session",
    params: ConditionParams,
    // Who may mark it is settled before the form's errors are shown: the page itself says so.
    load: async ({ actor, now, params }) => {
      const found = await getCondition({ db, actor, now, ...params });
      if (!found.condition.permissions.markMet && found.condition.current && !found.condition.met)
        throw forbidden("not the condition's owner");
      return found;
    },
    form: { read: (values) => ({ note: str(values, "note") }), schema: MarkConditionMetInput },
    render:
      ({ loaded, form }) =>
      (ctx) => <ConditionPage ctx={ctx} {...loaded} {...(form ? { note: form.values.note, errors: form.errors } : {})} />,
    handle: async ({ actor, now, m, params, data }) => {
      await markConditionMet({ db, actor, now, ...params, note: data.note });
      return redirect(conditionHref(params.decisionId, params.conditionIndex), m.conditions.markedMet);
    },
    // Met meanwhile, or no longer binding: the page shows how it stands now.
    refused: (e, { m, params }) =>
      e.code === "CONDITION_ALREADY_MET" || e.code === "CONDITION_NOT_CURRENT"
        ? redirect(
            conditionHref(params.decisionId, params.conditionIndex),
            e.code === "CONDITION_ALREADY_MET" ? m.conditions.alreadyMet : m.conditions.notCurrent,
          )
        : undefined,
  });
}
