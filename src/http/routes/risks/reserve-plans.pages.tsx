import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { parseNumber } from "../../../domain/flows/import/import-values.ts";
import { ReservePlanInput } from "../../../domain/risks/reserve-plan-input.ts";
import {
  createReservePlan,
  deleteReservePlan,
  getReservePlan,
  listReservePlans,
  updateReservePlan,
} from "../../../domain/risks/reserve-plans.ts";
import { forbidden } from "../../../domain/shared/domain-error.ts";
import { ReservePlanDeletePage, ReservePlanPage } from "../../../ui/pages/risks/reserve-plan-page.tsx";
import type { ReservePlanFormValues } from "../../../ui/pages/risks/reserve-plan-parts.tsx";
import { ReservePlansPage } from "../../../ui/pages/risks/reserve-plans-page.tsx";
import { reservePlansHref } from "../../../ui/pages/value/value-hrefs.ts";
import type { AppScope } from "../../app-scope.ts";
import { type FormValues, normaliseText, str } from "../../form.ts";
import { redirect } from "../../page-route.ts";
import { ReservePlanParams } from "./reserve-plans.schema.ts";

const InitiativeParams = z.object({ initiativeId: z.uuid() });

const readPlan = (values: FormValues): ReservePlanFormValues => ({
  flowId: str(values, "flowId"),
  outage: str(values, "outage"),
  duration: str(values, "duration"),
  fallbackAfterHours: str(values, "fallbackAfterHours").trim(),
  fallback: normaliseText(str(values, "fallback")),
  decidedBy: str(values, "decidedBy"),
});

const planInput = (shown: ReservePlanFormValues) => {
  const hours = shown.fallbackAfterHours === "" ? null : parseNumber(shown.fallbackAfterHours);
  return {
    ...shown,
    flowId: shown.flowId || null,
    outage: shown.outage || undefined,
    duration: shown.duration || undefined,
    // What is no number stays text, so the schema names the field.
    fallbackAfterHours: hours === null ? null : hours.ok ? hours.value : shown.fallbackAfterHours,
  };
};

const planForm = { read: readPlan, schema: ReservePlanInput, input: planInput };

/** The reserve operation's pages: the plans per flow with the form to add one, one plan, removing it. */
export function reservePlansPages({ page, db }: AppScope) {
  const list = ({ actor, params }: { actor: Actor; params: { initiativeId: string } }) =>
    listReservePlans({ db, actor, initiativeId: params.initiativeId });
  /** One plan with its initiative and flows, for the team only: anyone else is refused before a form is read. */
  const onePlan = async ({ actor, params }: { actor: Actor; params: { planId: string } }) => {
    const { plan, canManage } = await getReservePlan({ db, actor, planId: params.planId });
    if (!canManage) throw forbidden("not in the team");
    const { initiative, flows } = await listReservePlans({ db, actor, initiativeId: plan.initiativeId });
    return { initiative, flows, plan };
  };

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/reserve-plans",
    access: "session",
    params: InitiativeParams,
    load: list,
    render:
      ({ loaded }) =>
      (ctx) => <ReservePlansPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/reserve-plans",
    access: "session",
    params: InitiativeParams,
    load: async (input) => {
      const loaded = await list(input);
      if (!loaded.canManage) throw forbidden("not in the team");
      return loaded;
    },
    form: planForm,
    render:
      ({ loaded, form }) =>
      (ctx) => <ReservePlansPage ctx={ctx} {...loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data }) => {
      await createReservePlan({ db, actor, now, initiativeId: params.initiativeId, input: data });
      return redirect(reservePlansHref(params.initiativeId), m.reservePlans.added);
    },
  });

  page({
    method: "GET",
    url: "/reserve-plans/:planId",
    access: "session",
    params: ReservePlanParams,
    load: onePlan,
    render:
      ({ loaded }) =>
      (ctx) => <ReservePlanPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: "/reserve-plans/:planId",
    access: "session",
    params: ReservePlanParams,
    load: onePlan,
    form: planForm,
    render:
      ({ loaded, form }) =>
      (ctx) => <ReservePlanPage ctx={ctx} {...loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data, loaded }) => {
      await updateReservePlan({ db, actor, now, planId: params.planId, input: data });
      return redirect(reservePlansHref(loaded.initiative.id), m.reservePlans.saved);
    },
  });

  page({
    method: "GET",
    url: "/reserve-plans/:planId/delete",
    access: "session",
    params: ReservePlanParams,
    load: onePlan,
    render:
      ({ loaded }) =>
      (ctx) => <ReservePlanDeletePage ctx={ctx} plan={loaded.plan} flows={loaded.flows} />,
  });

  page({
    method: "POST",
    url: "/reserve-plans/:planId/delete",
    access: "session",
    params: ReservePlanParams,
    load: onePlan,
    handle: async ({ actor, now, m, params, loaded }) => {
      await deleteReservePlan({ db, actor, now, planId: params.planId });
      return redirect(reservePlansHref(loaded.initiative.id), m.reservePlans.removed);
    },
  });
}
