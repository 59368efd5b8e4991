import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { createFlow } from "../../../domain/flows/create-flow.ts";
import { deleteFlow } from "../../../domain/flows/delete-flow.ts";
import { DEFAULT_COST_PER_LETTER_SEK, FlowInput } from "../../../domain/flows/flow-input.ts";
import { flowWithInitiative, initiativeFlows } from "../../../domain/flows/flow-pages.ts";
import { currentForecastMonth, DEFAULT_FORECAST_MONTHS, initiativeForecast } from "../../../domain/flows/initiative-forecast.ts";
import { PRIORITY_FIELDS, updateFlow } from "../../../domain/flows/update-flow.ts";
import { MAX_FORECAST_MONTHS, yearMonth } from "../../../domain/forecast/forecast-input.ts";
import { connectionPlan } from "../../../domain/plan/connection-plan.ts";
import { forbidden } from "../../../domain/shared/domain-error.ts";
import { fieldIssues } from "../../../domain/shared/zod-issues.ts";
import { format } from "../../../i18n/index.ts";
import { FlowDeletePage } from "../../../ui/pages/flows/flow-delete-page.tsx";
import { FlowFormPage } from "../../../ui/pages/flows/flow-form-page.tsx";
import { FlowListPage } from "../../../ui/pages/flows/flow-list-page.tsx";
import { flowHref, flowsHref } from "../../../ui/pages/flows/flow-parts.tsx";
import { ForecastPage } from "../../../ui/pages/flows/forecast-page.tsx";
import { PlanPage } from "../../../ui/pages/flows/plan-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { toFormErrors } from "../../form.ts";
import { redirect, show } from "../../page-route.ts";
import { flowFormErrors, flowFormInput, flowFormOf, newFlowForm, readFlowForm } from "./flow-form.ts";
import { FlowParams } from "./flows.schema.ts";

const InitiativeParams = z.object({ initiativeId: z.uuid() });

/** The period form's query as typed: checked on the page, so a wrong month is an error beside its field. */
const PeriodQuery = z.object({ from: z.string().optional(), months: z.string().optional() });
/** The page shows at least a year: a shorter chart says little. The API answers from one month. */
const MIN_PAGE_MONTHS = 12;
const PagePeriod = z.object({
  from: yearMonth.optional(),
  months: z.coerce
    .number({ error: "forecast_months" })
    .int({ error: "forecast_months" })
    .min(MIN_PAGE_MONTHS, { error: "forecast_months" })
    .max(MAX_FORECAST_MONTHS, { error: "forecast_months" })
    .optional(),
});

/**
 * The flow register's pages (list, register, show and change, remove), the volume forecast and the
 * connection plan. They call the use cases the API calls with the same FlowInput, so a form and
 * the API accept and refuse the same flows.
 */
export function flowsPages({ page, db, config }: AppScope) {
  const scale = config.INFORMATION_SECURITY_SCALE;
  const teamOnly = async <L extends { canManage: boolean }>(loaded: Promise<L>) => {
    const l = await loaded;
    // Only the team hears what was wrong with a form; anyone else is refused before it is read.
    if (!l.canManage) throw forbidden("not in the team");
    return l;
  };
  const flowsOf = ({ actor, params }: { actor: Actor; params: { initiativeId: string } }) =>
    initiativeFlows({ db, actor, initiativeId: params.initiativeId });
  const flowOf = ({ actor, params }: { actor: Actor; params: { flowId: string } }) =>
    flowWithInitiative({ db, actor, flowId: params.flowId });
  const form = { read: readFlowForm, input: flowFormInput, schema: FlowInput, issues: flowFormErrors };

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/flows",
    access: "session",
    params: InitiativeParams,
    load: flowsOf,
    render:
      ({ loaded }) =>
      (ctx) => <FlowListPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/flows/new",
    access: "session",
    params: InitiativeParams,
    load: (input) => teamOnly(flowsOf(input)),
    render:
      ({ loaded, locale }) =>
      (ctx) => (
        <FlowFormPage
          ctx={ctx}
          initiative={loaded.initiative}
          canManage
          values={newFlowForm(locale, DEFAULT_COST_PER_LETTER_SEK)}
          scale={scale}
        />
      ),
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/flows/new",
    access: "session",
    params: InitiativeParams,
    load: (input) => teamOnly(flowsOf(input)),
    form,
    render:
      ({ loaded, form: typed }) =>
      (ctx) => (
        <FlowFormPage
          ctx={ctx}
          initiative={loaded.initiative}
          canManage
          values={typed?.values ?? readFlowForm({})}
          errors={typed?.errors}
          scale={scale}
        />
      ),
    handle: async ({ actor, now, m, params, data }) => {
      const created = await createFlow({ db, actor, now, initiativeId: params.initiativeId, input: data });
      return redirect(flowsHref(params.initiativeId), format(m.flows.created, { name: created.name }));
    },
  });

  page({
    method: "GET",
    url: "/flows/:flowId",
    access: "session",
    params: FlowParams,
    load: flowOf,
    render:
      ({ loaded, locale }) =>
      (ctx) => <FlowFormPage ctx={ctx} {...loaded} values={flowFormOf(locale, loaded.flow)} scale={scale} />,
  });

  page({
    method: "POST",
    url: "/flows/:flowId",
    access: "session",
    params: FlowParams,
    load: (input) => teamOnly(flowOf(input)),
    form,
    render:
      ({ loaded, form: typed, locale }) =>
      (ctx) => (
        <FlowFormPage
          ctx={ctx}
          {...loaded}
          values={typed?.values ?? flowFormOf(locale, loaded.flow)}
          errors={typed?.errors}
          scale={scale}
        />
      ),
    handle: async ({ actor, now, m, params, data }) => {
      await updateFlow({ db, actor, now, flowId: params.flowId, input: data, keep: PRIORITY_FIELDS });
      return redirect(flowHref(params.flowId), m.flows.updated);
    },
  });

  page({
    method: "GET",
    url: "/flows/:flowId/delete",
    access: "session",
    params: FlowParams,
    load: (input) => teamOnly(flowOf(input)),
    render:
      ({ loaded }) =>
      (ctx) => <FlowDeletePage ctx={ctx} flow={loaded.flow} />,
  });

  page({
    method: "POST",
    url: "/flows/:flowId/delete",
    access: "session",
    params: FlowParams,
    load: (input) => teamOnly(flowOf(input)),
    handle: async ({ actor, now, m, params, loaded }) => {
      await deleteFlow({ db, actor, now, flowId: params.flowId });
      return redirect(flowsHref(loaded.initiative.id), format(m.flows.deleted, { name: loaded.flow.name }));
    },
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/forecast",
    access: "session",
    params: InitiativeParams,
    query: PeriodQuery,
    load: flowsOf,
    handle: async ({ actor, now, params, query, loaded }) => {
      const typed = { from: query.from?.trim() ?? "", months: query.months?.trim() ?? "" };
      const period = PagePeriod.safeParse({ from: typed.from || undefined, months: typed.months || undefined });
      if (!period.success) {
        const errors = toFormErrors(fieldIssues(period.error));
        return show((ctx) => <ForecastPage ctx={ctx} {...loaded} forecast={null} period={typed} errors={errors} />, 400);
      }
      const from = period.data.from ?? currentForecastMonth(now);
      const months = period.data.months ?? DEFAULT_FORECAST_MONTHS;
      const forecast = await initiativeForecast({ db, actor, now, initiativeId: params.initiativeId, from, months });
      return show((ctx) => <ForecastPage ctx={ctx} {...loaded} forecast={forecast} period={{ from, months: String(months) }} />);
    },
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/plan",
    access: "session",
    params: InitiativeParams,
    load: ({ actor, params }) => connectionPlan({ db, actor, initiativeId: params.initiativeId }),
    render:
      ({ loaded }) =>
      (ctx) => <PlanPage ctx={ctx} {...loaded} />,
  });
}
