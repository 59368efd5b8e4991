import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { ActualsInput } from "../../../domain/actuals/actuals-input.ts";
import { getFlowActuals, putFlowActuals } from "../../../domain/actuals/flow-actuals.ts";
import { getFlow, listFlows } from "../../../domain/flows/list-flows.ts";
import { CompareQuery, ReforecastInput } from "../../../domain/forecast-versions/forecast-version-input.ts";
import { compareForecastVersions, listForecastVersions } from "../../../domain/forecast-versions/read-forecast-versions.ts";
import { saveReforecast } from "../../../domain/forecast-versions/save-reforecast.ts";
import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { forbidden } from "../../../domain/shared/domain-error.ts";
import { formNumber } from "../../../domain/shared/swedish-number.ts";
import { format } from "../../../i18n/index.ts";
import { type ActualsFormValues, ActualsPage } from "../../../ui/pages/forecast-versions/actuals-page.tsx";
import { ComparePage } from "../../../ui/pages/forecast-versions/compare-page.tsx";
import { flowActualsHref, monthName, versionsHref } from "../../../ui/pages/forecast-versions/forecast-version-parts.tsx";
import { VersionsPage } from "../../../ui/pages/forecast-versions/versions-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { firstPerField, str } from "../../form.ts";
import { redirect } from "../../page-route.ts";

const InitiativeParams = z.object({ initiativeId: z.uuid() });
const FlowParams = z.object({ flowId: z.uuid() });
/** The compare page opens without a choice too: then it shows only the form. */
const ComparePageQuery = z.object({ a: z.uuid({ error: "invalid_id" }).optional(), b: CompareQuery.shape.b });

/** The pages of forecast versions, their comparison, and a flow's actuals (issue 11). */
export function forecastVersionsPages({ page, db }: AppScope) {
  const loadVersions = async ({ actor, params }: { actor: Actor; params: { initiativeId: string } }) => {
    const initiative = await readableInitiative({ db, actor }, params.initiativeId);
    const [{ versions, canSave }, { flows }] = await Promise.all([
      listForecastVersions({ db, actor, initiativeId: initiative.id }),
      listFlows({ db, actor, initiativeId: initiative.id }),
    ]);
    return {
      initiative: { id: initiative.id, name: initiative.name },
      versions,
      canSave,
      flows: flows.map((f) => ({ id: f.id, name: f.name })),
    };
  };

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/forecast/versions",
    access: "session",
    params: InitiativeParams,
    load: loadVersions,
    render:
      ({ loaded }) =>
      (ctx) => <VersionsPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/forecast/versions",
    access: "session",
    params: InitiativeParams,
    // Only the team hears what was wrong with the form; anyone else is refused before it is read.
    load: async (input) => {
      const loaded = await loadVersions(input);
      if (!loaded.canSave) throw forbidden("not in the team");
      return loaded;
    },
    form: { read: (values) => ({ reason: str(values, "reason") }), schema: ReforecastInput },
    render:
      ({ loaded, form }) =>
      (ctx) => <VersionsPage ctx={ctx} {...loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data }) => {
      await saveReforecast({ db, actor, now, initiativeId: params.initiativeId, input: data });
      return redirect(versionsHref(params.initiativeId), m.forecastVersions.versions.saved);
    },
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/forecast/compare",
    access: "session",
    params: InitiativeParams,
    query: ComparePageQuery,
    load: async ({ actor, now, params, query }) => {
      const { initiative, versions } = await loadVersions({ actor, params });
      const comparison = query.a
        ? await compareForecastVersions({ db, actor, now, initiativeId: initiative.id, a: query.a, b: query.b })
        : null;
      return { initiative, versions, comparison, a: query.a, b: query.b };
    },
    render:
      ({ loaded }) =>
      (ctx) => <ComparePage ctx={ctx} {...loaded} />,
  });

  const loadActuals = async ({ actor, params }: { actor: Actor; params: { flowId: string } }) => {
    const flow = await getFlow({ db, actor, flowId: params.flowId });
    const initiative = await readableInitiative({ db, actor }, flow.initiativeId);
    const actuals = await getFlowActuals({ db, actor, flowId: flow.id });
    const { versions } = await listForecastVersions({ db, actor, initiativeId: initiative.id });
    const baseline = versions.find((v) => v.id === actuals.baselineId) ?? null;
    return {
      initiative: { id: initiative.id, name: initiative.name },
      flow: { id: flow.id, name: flow.name },
      months: actuals.months,
      baseline,
      canEdit: actuals.canEdit,
    };
  };

  page({
    method: "GET",
    url: "/flows/:flowId/actuals",
    access: "session",
    params: FlowParams,
    load: loadActuals,
    render:
      ({ loaded }) =>
      (ctx) => <ActualsPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: "/flows/:flowId/actuals",
    access: "session",
    params: FlowParams,
    load: async (input) => {
      const loaded = await loadActuals(input);
      if (!loaded.canEdit) throw forbidden("not in the team");
      return loaded;
    },
    form: {
      read: (values): ActualsFormValues => ({
        month: str(values, "month").trim(),
        digital: str(values, "digital").trim(),
        paper: str(values, "paper").trim(),
      }),
      schema: ActualsInput,
      input: (v) => [{ month: v.month, digital: formNumber(v.digital), paper: formNumber(v.paper) }],
      // The form is one month of the API's list: [0, "digital"] is the field "digital".
      issues: (issues) => firstPerField(issues.map((i) => ({ field: String(i.path[1] ?? "month"), code: i.code }))),
    },
    render:
      ({ loaded, form }) =>
      (ctx) => <ActualsPage ctx={ctx} {...loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, locale, params, data }) => {
      await putFlowActuals({ db, actor, now, flowId: params.flowId, input: data });
      const month = data[0]?.month;
      return redirect(
        flowActualsHref(params.flowId),
        format(m.forecastVersions.actuals.saved, { month: month ? monthName(locale, month) : "" }),
      );
    },
  });
}
