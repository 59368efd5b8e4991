import { authorize } from "../../../domain/access/policy.ts";
import { getCondition, markConditionMet } from "../../../domain/follow-up/conditions.ts";
import { MarkConditionMetInput, MilestonePlanInput } from "../../../domain/follow-up/follow-up-input.ts";
import { planMilestone } from "../../../domain/follow-up/plan-milestone.ts";
import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { milestoneOrThrow } from "../../../domain/milestones/decide-milestone.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { messagesFor } from "../../../i18n/index.ts";
import { ConditionPage } from "../../../ui/pages/tasks/condition-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { setFlash } from "../../cookies.ts";
import { formValues, parseForm, str } from "../../form.ts";
import { pathId, pathValue } from "../../path-id.ts";
import { requireSession, sendPage } from "../../render.ts";
import { ConditionParams } from "./tasks.schema.ts";

type ConditionRoute = { Params: { decisionId: string; conditionIndex: string } };
type MilestoneRoute = { Params: { initiativeId: string; numeral: string } };

export function tasksPages({ app, db }: AppScope) {
  app.get<ConditionRoute>("/decisions/:decisionId/conditions/:conditionIndex", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const params = pathValue(ConditionParams, request.params);
    const found = await getCondition({ db, actor: auth.actor, now: request.now, ...params });
    return sendPage(request, reply, (ctx) => <ConditionPage ctx={ctx} {...found} />);
  });

  app.post<ConditionRoute>("/decisions/:decisionId/conditions/:conditionIndex", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const params = pathValue(ConditionParams, request.params);
    const here = `/decisions/${params.decisionId}/conditions/${params.conditionIndex}`;
    const t = messagesFor(request.locale).conditions;
    const values = formValues(request.body);
    const parsed = parseForm(MarkConditionMetInput, values);
    if (!parsed.ok) {
      // Who may mark it is settled before the form's errors are shown: the page itself says so.
      const found = await getCondition({ db, actor: auth.actor, now: request.now, ...params });
      if (!found.condition.permissions.markMet && found.condition.current && !found.condition.met)
        throw new DomainError("FORBIDDEN", "not the condition's owner");
      return sendPage(
        request,
        reply,
        (ctx) => <ConditionPage ctx={ctx} {...found} note={str(values, "note")} errors={parsed.errors} />,
        400,
      );
    }
    try {
      await markConditionMet({ db, actor: auth.actor, now: request.now, ...params, note: parsed.data.note });
      setFlash(request, reply, t.markedMet);
    } catch (e) {
      // Met meanwhile, or no longer binding: the page shows how it stands now.
      if (!(e instanceof DomainError) || (e.code !== "CONDITION_ALREADY_MET" && e.code !== "CONDITION_NOT_CURRENT")) throw e;
      setFlash(request, reply, e.code === "CONDITION_ALREADY_MET" ? t.alreadyMet : t.notCurrent);
    }
    return reply.redirect(here, 303);
  });

  app.post<MilestoneRoute>("/initiatives/:initiativeId/milestones/:numeral/plan", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const initiative = await readableInitiative({ db, actor: auth.actor }, pathId(request.params.initiativeId));
    authorize(auth.actor, { action: "initiative:work", organisationId: initiative.organisationId });
    const milestone = milestoneOrThrow(request.params.numeral);
    const back = `/initiatives/${initiative.id}/milestones/${milestone.numeral}`;
    const raw = str(formValues(request.body), "plannedOn").trim();
    const parsed = MilestonePlanInput.safeParse({ plannedOn: raw === "" ? null : raw });
    if (!parsed.success) {
      throw new DomainError("VALIDATION_FAILED", "not a date", { fields: [{ path: ["plannedOn"], code: "date", message: "not a date" }] });
    }
    const saved = await planMilestone({
      db,
      actor: auth.actor,
      now: request.now,
      initiativeId: initiative.id,
      numeral: milestone.numeral,
      plannedOn: parsed.data.plannedOn,
    });
    const t = messagesFor(request.locale).plans;
    setFlash(request, reply, saved.plannedOn ? t.saved : t.cleared);
    return reply.redirect(`${back}#plan`, 303);
  });
}
