import { RESERVE_DURATIONS, RESERVE_OUTAGES, type ReserveDuration, type ReserveOutage } from "../../../domain/risks/reserve-plan-input.ts";
import type { ReservePlanView } from "../../../domain/risks/reserve-plans.ts";
import { format } from "../../../i18n/index.ts";
import { SelectField, TextArea, TextField } from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

export const reservePlanHref = (planId: string) => `/reserve-plans/${planId}`;
export const deleteReservePlanHref = (planId: string) => `${reservePlanHref(planId)}/delete`;

/** The plan's form as typed, so a turned-down form comes back as it was sent. */
export type ReservePlanFormValues = {
  flowId: string;
  outage: string;
  duration: string;
  fallbackAfterHours: string;
  fallback: string;
  decidedBy: string;
};

export const EMPTY_RESERVE_PLAN: ReservePlanFormValues = {
  flowId: "",
  outage: "",
  duration: "",
  fallbackAfterHours: "",
  fallback: "",
  decidedBy: "",
};

export const reservePlanFormValues = (p: ReservePlanView): ReservePlanFormValues => ({
  flowId: p.flowId ?? "",
  outage: p.outage,
  duration: p.duration,
  fallbackAfterHours: p.fallbackAfterHours === null ? "" : String(p.fallbackAfterHours),
  fallback: p.fallback,
  decidedBy: p.decidedBy,
});

export function reservePlanFieldLabels(ctx: PageContext) {
  const f = ctx.m.reservePlans.fields;
  return {
    flowId: f.flowId,
    outage: f.outage,
    duration: f.duration,
    fallbackAfterHours: f.fallbackAfterHours,
    fallback: f.fallback,
    decidedBy: f.decidedBy,
  };
}

/** "Mina meddelanden, kort avbrott": the situation a plan answers, in words. */
export const situationText = (ctx: PageContext, s: { outage: ReserveOutage; duration: ReserveDuration }) =>
  format(ctx.m.reservePlans.situation, {
    outage: ctx.m.reservePlans.outages[s.outage],
    duration: ctx.m.reservePlans.durations[s.duration],
  });

/** The flow a plan is for, by name; "Alla flöden" for a plan without one. */
export const flowName = (ctx: PageContext, flows: readonly { id: string; name: string }[], flowId: string | null) =>
  flowId === null ? ctx.m.reservePlans.allFlows : (flows.find((f) => f.id === flowId)?.name ?? ctx.m.reservePlans.notGiven);

/** The fields of a plan, for adding one and for changing it. */
export function ReservePlanFields({
  ctx,
  values,
  errors,
  flows,
}: {
  ctx: PageContext;
  values: ReservePlanFormValues;
  errors: FormErrors | undefined;
  flows: readonly { id: string; name: string }[];
}) {
  const t = ctx.m.reservePlans;
  const f = t.fields;
  return (
    <>
      <SelectField
        ctx={ctx}
        name="flowId"
        label={f.flowId}
        value={values.flowId}
        errors={errors}
        options={[{ value: "", label: t.allFlows }, ...flows.map((fl) => ({ value: fl.id, label: fl.name }))]}
      />
      <SelectField
        ctx={ctx}
        name="outage"
        label={f.outage}
        value={values.outage}
        errors={errors}
        options={[{ value: "", label: "–" }, ...RESERVE_OUTAGES.map((o) => ({ value: o, label: t.outages[o] }))]}
      />
      <SelectField
        ctx={ctx}
        name="duration"
        label={f.duration}
        value={values.duration}
        errors={errors}
        options={[{ value: "", label: "–" }, ...RESERVE_DURATIONS.map((d) => ({ value: d, label: t.durations[d] }))]}
      />
      <TextArea ctx={ctx} name="fallback" label={f.fallback} hint={f.fallbackHint} value={values.fallback} errors={errors} rows={3} />
      <TextField
        ctx={ctx}
        name="fallbackAfterHours"
        label={f.fallbackAfterHours}
        hint={f.fallbackAfterHoursHint}
        value={values.fallbackAfterHours}
        errors={errors}
        width="short"
      />
      <TextField ctx={ctx} name="decidedBy" label={f.decidedBy} hint={f.decidedByHint} value={values.decidedBy} errors={errors} />
    </>
  );
}
