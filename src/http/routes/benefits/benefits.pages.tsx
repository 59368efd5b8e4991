import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { BenefitInput, GapAnalysisInput, MeasurementInput } from "../../../domain/benefits/benefit-input.ts";
import {
  createBenefit,
  deleteBenefit,
  deleteMeasurement,
  getBenefit,
  listBenefits,
  recordMeasurement,
  updateBenefit,
  updateGapAnalysis,
} from "../../../domain/benefits/benefit-plan.ts";
import { parseNumber } from "../../../domain/flows/import/import-values.ts";
import type { FieldIssue } from "../../../domain/shared/domain-error.ts";
import { forbidden } from "../../../domain/shared/domain-error.ts";
import { format } from "../../../i18n/index.ts";
import { svBenefits } from "../../../i18n/sv/benefits.ts";
import type { BenefitFormValues, GapFormValues, MeasurementFormValues } from "../../../ui/pages/benefits/benefit-form.tsx";
import { BenefitDeletePage, BenefitPage, type BenefitPageForm } from "../../../ui/pages/benefits/benefit-page.tsx";
import { BenefitsPage, NewBenefitPage } from "../../../ui/pages/benefits/benefits-page.tsx";
import { benefitHref, benefitsHref } from "../../../ui/pages/value/value-hrefs.ts";
import type { AppScope } from "../../app-scope.ts";
import { type FormValues, list, normaliseText, str, toFormErrors } from "../../form.ts";
import { type PageView, redirect } from "../../page-route.ts";

const InitiativeParams = z.object({ initiativeId: z.uuid() });
const BenefitParams = z.object({ benefitId: z.uuid() });
const MeasurementParams = BenefitParams.extend({ measurementId: z.uuid() });

/**
 * A number as people type it in a Swedish form ("12 000", "11,50"), read by the import's parser;
 * empty is "not given", and anything else stays text so the schema names the field.
 */
const formNumber = (value: string): number | string | undefined => {
  if (value.trim() === "") return undefined;
  const read = parseNumber(value);
  return read.ok ? read.value : value;
};

const readBenefit = (values: FormValues): BenefitFormValues => ({
  name: str(values, "name"),
  description: normaliseText(str(values, "description")),
  category: str(values, "category"),
  beneficiary: str(values, "beneficiary"),
  metric: str(values, "metric"),
  unit: str(values, "unit"),
  baselineValue: str(values, "baselineValue"),
  baselineDate: str(values, "baselineDate").trim(),
  targetValue: str(values, "targetValue"),
  targetDate: str(values, "targetDate").trim(),
  owner: str(values, "owner"),
  ownerUserId: str(values, "ownerUserId"),
  howRealised: normaliseText(str(values, "howRealised")),
  frequency: str(values, "frequency"),
  measuredBy: str(values, "measuredBy"),
  measuredByUserId: str(values, "measuredByUserId"),
  derivedFromFlowIds: list(values, "derivedFromFlowIds"),
});

const benefitInput = (shown: BenefitFormValues) => ({
  ...shown,
  category: shown.category || null,
  beneficiary: shown.beneficiary || null,
  baselineValue: formNumber(shown.baselineValue),
  targetValue: formNumber(shown.targetValue),
  frequency: formNumber(shown.frequency) ?? null,
  ownerUserId: shown.ownerUserId || null,
  measuredByUserId: shown.measuredByUserId || null,
});

const readMeasurement = (values: FormValues): MeasurementFormValues => ({
  date: str(values, "date").trim(),
  value: str(values, "value"),
  note: str(values, "note"),
});

const readGap = (values: FormValues): GapFormValues => ({
  gapCause: normaliseText(str(values, "gapCause")),
  proposedActions: normaliseText(str(values, "proposedActions")),
  responsibleUnit: str(values, "responsibleUnit"),
});

const AREA_CODES = new Set(Object.keys(svBenefits.benefits.fieldErrors));
/** zod's codes that only this area explains arrive as "invalid" with the code as message: give them back their code. */
const issues = (found: FieldIssue[]) =>
  toFormErrors(found.map((i) => (i.code === "invalid" && AREA_CODES.has(i.message) ? { ...i, code: i.message } : i)));

type Loaded = Awaited<ReturnType<typeof getBenefit>>;

/** The nyttorealiseringsplan's pages: the plan, adding a benefit, and each benefit with its trend and forms. */
export function benefitsPages({ page, db }: AppScope) {
  const loadPlan = ({ actor, params }: { actor: Actor; params: { initiativeId: string } }) =>
    listBenefits({ db, actor, initiativeId: params.initiativeId });
  const loadForTeam = async (input: { actor: Actor; params: { initiativeId: string } }) => {
    const loaded = await loadPlan(input);
    if (!loaded.canManage) throw forbidden("not in the team");
    return loaded;
  };

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/benefits",
    access: "session",
    params: InitiativeParams,
    load: loadPlan,
    render:
      ({ loaded }) =>
      (ctx) => <BenefitsPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/benefits/new",
    access: "session",
    params: InitiativeParams,
    load: loadForTeam,
    render:
      ({ loaded }) =>
      (ctx) => <NewBenefitPage ctx={ctx} initiative={loaded.initiative} choices={loaded} />,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/benefits/new",
    access: "session",
    params: InitiativeParams,
    // Only the team hears what was wrong with the form; anyone else is refused before it is read.
    load: loadForTeam,
    form: { read: readBenefit, schema: BenefitInput, input: benefitInput, issues },
    render:
      ({ loaded, form }) =>
      (ctx) => <NewBenefitPage ctx={ctx} initiative={loaded.initiative} choices={loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, params, data }) => {
      const added = await createBenefit({ db, actor, now, initiativeId: params.initiativeId, input: data });
      return redirect(benefitHref(added.id), format(m.benefits.added, { name: added.name }));
    },
  });

  const loadBenefit = ({ actor, params }: { actor: Actor; params: { benefitId: string } }) =>
    getBenefit({ db, actor, benefitId: params.benefitId });
  const loadBenefitForTeam = async (input: { actor: Actor; params: { benefitId: string } }) => {
    const loaded = await loadBenefit(input);
    if (!loaded.canManage) throw forbidden("not in the team");
    return loaded;
  };
  const view =
    (loaded: Loaded, form?: BenefitPageForm): PageView =>
    (ctx) => <BenefitPage ctx={ctx} {...loaded} choices={loaded} form={form} />;

  page({
    method: "GET",
    url: "/benefits/:benefitId",
    access: "session",
    params: BenefitParams,
    load: loadBenefit,
    render: ({ loaded }) => view(loaded),
  });

  page({
    method: "POST",
    url: "/benefits/:benefitId",
    access: "session",
    params: BenefitParams,
    load: loadBenefitForTeam,
    form: {
      read: readBenefit,
      schema: BenefitInput,
      // The gap analysis has a form of its own: this one keeps it as it is.
      input: (shown, _values, loaded) => ({
        ...benefitInput(shown),
        gapCause: loaded.benefit.gapCause,
        proposedActions: loaded.benefit.proposedActions,
        responsibleUnit: loaded.benefit.responsibleUnit,
      }),
      issues,
    },
    render: ({ loaded, form }) => view(loaded, form && { kind: "benefit", ...form }),
    handle: async ({ actor, now, m, params, data }) => {
      const saved = await updateBenefit({ db, actor, now, benefitId: params.benefitId, input: data });
      return redirect(benefitHref(saved.id), format(m.benefits.saved, { name: saved.name }));
    },
  });

  page({
    method: "POST",
    url: "/benefits/:benefitId/measurements",
    access: "session",
    params: BenefitParams,
    load: loadBenefitForTeam,
    form: {
      read: readMeasurement,
      schema: MeasurementInput,
      input: (shown) => ({ ...shown, value: formNumber(shown.value) }),
      issues,
    },
    render: ({ loaded, form }) => view(loaded, form && { kind: "measurement", ...form }),
    handle: async ({ actor, now, m, params, data }) => {
      await recordMeasurement({ db, actor, now, benefitId: params.benefitId, input: data });
      return redirect(benefitHref(params.benefitId), format(m.benefits.recorded, { date: data.date }));
    },
  });

  page({
    method: "POST",
    url: "/benefits/:benefitId/measurements/:measurementId/delete",
    access: "session",
    params: MeasurementParams,
    load: loadBenefitForTeam,
    handle: async ({ actor, now, m, params }) => {
      const removed = await deleteMeasurement({ db, actor, now, benefitId: params.benefitId, measurementId: params.measurementId });
      return redirect(benefitHref(params.benefitId), format(m.benefits.measurementRemoved, { date: removed.date }));
    },
  });

  page({
    method: "POST",
    url: "/benefits/:benefitId/gap-analysis",
    access: "session",
    params: BenefitParams,
    load: loadBenefitForTeam,
    form: { read: readGap, schema: GapAnalysisInput, issues },
    render: ({ loaded, form }) => view(loaded, form && { kind: "gap", ...form }),
    handle: async ({ actor, now, m, params, data }) => {
      const saved = await updateGapAnalysis({ db, actor, now, benefitId: params.benefitId, input: data });
      return redirect(benefitHref(saved.id), format(m.benefits.gapSaved, { name: saved.name }));
    },
  });

  page({
    method: "GET",
    url: "/benefits/:benefitId/delete",
    access: "session",
    params: BenefitParams,
    load: loadBenefitForTeam,
    render:
      ({ loaded }) =>
      (ctx) => <BenefitDeletePage ctx={ctx} benefit={loaded.benefit} />,
  });

  page({
    method: "POST",
    url: "/benefits/:benefitId/delete",
    access: "session",
    params: BenefitParams,
    load: loadBenefitForTeam,
    handle: async ({ actor, now, m, params, loaded }) => {
      await deleteBenefit({ db, actor, now, benefitId: params.benefitId });
      return redirect(benefitsHref(loaded.initiative.id), format(m.benefits.removed, { name: loaded.benefit.name }));
    },
  });
}
