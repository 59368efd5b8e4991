import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { FlowPriorityInput } from "../../../domain/flows/flow-input.ts";
import { getFlowSettings, updateFlowSettings } from "../../../domain/flows/flow-settings.ts";
import { FlowSettingsInput, PriorityWeightsInput, REACH_FORM_YEARS } from "../../../domain/flows/flow-settings-input.ts";
import { reachYears } from "../../../domain/flows/reach-years.ts";
import { stockholmDay } from "../../../domain/follow-up/follow-up-rules.ts";
import { RECIPIENT_TYPES } from "../../../domain/forecast/reach-curve.ts";
import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { flowPriorities, setFlowPriority } from "../../../domain/prioritisation/flow-priorities.ts";
import { PRIORITY_CRITERIA } from "../../../domain/prioritisation/priority-score.ts";
import type { FieldIssue } from "../../../domain/shared/domain-error.ts";
import { forbidden, notFound } from "../../../domain/shared/domain-error.ts";
import { formNumber } from "../../../domain/shared/swedish-number.ts";
import { format } from "../../../i18n/index.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import { type FlowPriorityFormValues, FlowPriorityPage } from "../../../ui/pages/flow-planning/flow-priority-page.tsx";
import { FlowSettingsPage, type ReachFormValues, reachField } from "../../../ui/pages/flow-planning/flow-settings-page.tsx";
import { PrioritiesPage, prioritiesHref, type WeightsFormValues, weightField } from "../../../ui/pages/flow-planning/priorities-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { firstPerField, normaliseText, str } from "../../form.ts";
import { redirect } from "../../page-route.ts";

const InitiativeParams = z.object({ initiativeId: z.uuid() });
const FlowParams = InitiativeParams.extend({ flowId: z.uuid() });

/** The weights form's errors on its fields; "all zero" on the first weight, where the summary links. */
const weightErrors = (issues: FieldIssue[]): FormErrors =>
  firstPerField(
    issues.map((i) => ({
      field: weightField(typeof i.path[1] === "string" ? i.path[1] : PRIORITY_CRITERIA[0]),
      code: i.code,
    })),
  );

/** The reach form speaks per cent: a share outside 0–1 is a per cent outside 0–100. */
const reachErrors = (issues: FieldIssue[]): FormErrors =>
  firstPerField(
    issues.map((i) => ({
      field: i.path.length >= 2 ? reachField(String(i.path.at(-2)), String(i.path.at(-1))) : "form",
      code: i.code === "share_range" ? "percent_range" : i.code,
    })),
  );

/** The priorities page, each flow's judgement, and the reach per recipient type, for the initiative's team to write. */
export function flowPlanningPages({ page, db }: AppScope) {
  const loadPriorities = ({ actor, params }: { actor: Actor; params: { initiativeId: string } }) =>
    flowPriorities({ db, actor, initiativeId: params.initiativeId });
  const teamOnly = async <T extends { canManage: boolean }>(loaded: Promise<T>) => {
    const l = await loaded;
    if (!l.canManage) throw forbidden("not in the team");
    return l;
  };

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/flows/priorities",
    access: "session",
    params: InitiativeParams,
    load: loadPriorities,
    render:
      ({ loaded }) =>
      (ctx) => <PrioritiesPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/flows/priorities/weights",
    access: "session",
    params: InitiativeParams,
    load: (input) => teamOnly(loadPriorities(input)),
    form: {
      read: (values): WeightsFormValues => ({
        volume: str(values, weightField("volume")),
        processChange: str(values, weightField("processChange")),
        serviceImprovement: str(values, weightField("serviceImprovement")),
      }),
      schema: z.object({ priorityWeights: PriorityWeightsInput }),
      input: (shown) => ({
        priorityWeights: Object.fromEntries(PRIORITY_CRITERIA.map((k) => [k, formNumber(shown[k]) ?? 0])),
      }),
      issues: weightErrors,
    },
    render:
      ({ loaded, form }) =>
      (ctx) => <PrioritiesPage ctx={ctx} {...loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data }) => {
      await updateFlowSettings({
        db,
        actor,
        now,
        initiativeId: params.initiativeId,
        change: (current) => ({ ...current, priorityWeights: data.priorityWeights }),
      });
      return redirect(prioritiesHref(params.initiativeId), m.tactics.priorities.weightsSaved);
    },
  });

  const loadFlow = async (input: { actor: Actor; params: { initiativeId: string; flowId: string } }) => {
    const { initiative, flows } = await teamOnly(loadPriorities(input));
    const flow = flows.find((f) => f.flowId === input.params.flowId);
    if (!flow) throw notFound("flow");
    return { initiative, flow };
  };

  const readJudgement = (values: Record<string, string | string[] | undefined>): FlowPriorityFormValues => ({
    processChange: str(values, "processChange"),
    serviceImprovement: str(values, "serviceImprovement"),
    priorityOverride: str(values, "priorityOverride"),
    priorityMotivation: normaliseText(str(values, "priorityMotivation")),
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/flows/priorities/:flowId",
    access: "session",
    params: FlowParams,
    load: loadFlow,
    render:
      ({ loaded }) =>
      (ctx) => <FlowPriorityPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/flows/priorities/:flowId",
    access: "session",
    params: FlowParams,
    load: loadFlow,
    form: {
      read: readJudgement,
      schema: FlowPriorityInput,
      input: (shown) => ({
        processChange: formNumber(shown.processChange) ?? null,
        serviceImprovement: formNumber(shown.serviceImprovement) ?? null,
        priorityOverride: formNumber(shown.priorityOverride) ?? null,
        priorityMotivation: shown.priorityMotivation,
      }),
    },
    render:
      ({ loaded, form }) =>
      (ctx) => <FlowPriorityPage ctx={ctx} {...loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data, loaded }) => {
      await setFlowPriority({ db, actor, now, flowId: params.flowId, input: data });
      return redirect(prioritiesHref(params.initiativeId), format(m.tactics.priorities.saved, { name: loaded.flow.name }));
    },
  });

  const loadSettings = async ({ actor, params, now }: { actor: Actor; params: { initiativeId: string }; now: Date }) => {
    const initiative = await readableInitiative({ db, actor }, params.initiativeId);
    const settings = await getFlowSettings({ db, actor, initiativeId: initiative.id });
    const first = Number(stockholmDay(now).slice(0, 4));
    const shown = new Set(Array.from({ length: REACH_FORM_YEARS }, (_, i) => String(first + i)));
    const otherYears = [
      ...new Set(Object.values(settings.reachOverrides).flatMap((years) => Object.keys(years ?? {}).filter((y) => !shown.has(y)))),
    ].sort();
    return {
      initiative,
      first,
      shown,
      years: reachYears(first, REACH_FORM_YEARS, settings.reachOverrides),
      otherYears,
      canManage: settings.canManage,
    };
  };

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/flow-settings",
    access: "session",
    params: InitiativeParams,
    load: loadSettings,
    render:
      ({ loaded }) =>
      (ctx) => <FlowSettingsPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/flow-settings",
    access: "session",
    params: InitiativeParams,
    load: (input) => teamOnly(loadSettings(input)),
    form: {
      read: (values, loaded): ReachFormValues =>
        Object.fromEntries(
          RECIPIENT_TYPES.flatMap((type) => [...loaded.shown].map((y) => [reachField(type, y), str(values, reachField(type, y))])),
        ),
      schema: FlowSettingsInput.shape.reachOverrides,
      input: (shown, _values, loaded) =>
        Object.fromEntries(
          RECIPIENT_TYPES.map((type) => [
            type,
            Object.fromEntries(
              [...loaded.shown].flatMap((y) => {
                const typed = formNumber(shown[reachField(type, y)] ?? "");
                return typed === undefined ? [] : [[y, typeof typed === "number" ? typed / 100 : typed]];
              }),
            ),
          ]),
        ),
      issues: reachErrors,
    },
    render:
      ({ loaded, form }) =>
      (ctx) => <FlowSettingsPage ctx={ctx} {...loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data, loaded }) => {
      await updateFlowSettings({
        db,
        actor,
        now,
        initiativeId: params.initiativeId,
        // The form's years are replaced; own shares for other years are kept as they are stored now.
        change: (current) => ({
          ...current,
          reachOverrides: Object.fromEntries(
            RECIPIENT_TYPES.flatMap((type) => {
              const kept = Object.entries(current.reachOverrides[type] ?? {}).filter(([y]) => !loaded.shown.has(y));
              const years = { ...Object.fromEntries(kept), ...(data[type] ?? {}) };
              return Object.keys(years).length ? [[type, years]] : [];
            }),
          ),
        }),
      });
      return redirect(`/initiatives/${params.initiativeId}/flow-settings`, m.tactics.reach.saved);
    },
  });
}
