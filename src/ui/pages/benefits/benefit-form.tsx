import type { BenefitView } from "../../../domain/benefits/benefit-plan.ts";
import { BENEFICIARIES, BENEFIT_CATEGORIES } from "../../../domain/business-case/business-case-input.ts";
import type { Locale } from "../../../i18n/index.ts";
import { ChoiceGroup, Paragraph, SelectField, TextArea, TextField } from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

const intl: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

/** A benefit's value as the locale writes it, with the four decimals the table keeps at most: 12 000 and 11,5 in Swedish. */
export const formatValue = (locale: Locale, n: number) => new Intl.NumberFormat(intl[locale], { maximumFractionDigits: 4 }).format(n);

/** The benefits area's own field errors on top of the shared ones, for the pages of this area. */
export const benefitsFormContext = (ctx: PageContext): PageContext => ({
  ...ctx,
  m: { ...ctx.m, fieldErrors: { ...ctx.m.fieldErrors, ...ctx.m.benefits.fieldErrors } },
});

export type Choices = {
  flows: readonly { id: string; name: string }[];
  members: readonly { userId: string; name: string }[];
};

/** The benefit's form as typed, so a turned-down form comes back as it was sent. */
export type BenefitFormValues = {
  name: string;
  description: string;
  category: string;
  beneficiary: string;
  metric: string;
  unit: string;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  owner: string;
  ownerUserId: string;
  howRealised: string;
  frequency: string;
  measuredBy: string;
  measuredByUserId: string;
  derivedFromFlowIds: string[];
};

export const EMPTY_BENEFIT: BenefitFormValues = {
  name: "",
  description: "",
  category: "",
  beneficiary: "",
  metric: "",
  unit: "",
  baselineValue: "",
  baselineDate: "",
  targetValue: "",
  targetDate: "",
  owner: "",
  ownerUserId: "",
  howRealised: "",
  frequency: "",
  measuredBy: "",
  measuredByUserId: "",
  derivedFromFlowIds: [],
};

export const benefitFormValues = (b: BenefitView, locale: Locale): BenefitFormValues => ({
  name: b.name,
  description: b.description,
  category: b.category ?? "",
  beneficiary: b.beneficiary ?? "",
  metric: b.metric,
  unit: b.unit,
  baselineValue: formatValue(locale, b.baselineValue),
  baselineDate: b.baselineDate,
  targetValue: formatValue(locale, b.targetValue),
  targetDate: b.targetDate,
  // A member's name is theirs to change; the text field holds only a name typed for someone outside.
  owner: b.ownerUserId ? "" : b.owner,
  ownerUserId: b.ownerUserId ?? "",
  howRealised: b.howRealised,
  frequency: b.frequency === null ? "" : String(b.frequency),
  measuredBy: b.measuredByUserId ? "" : b.measuredBy,
  measuredByUserId: b.measuredByUserId ?? "",
  derivedFromFlowIds: [...b.derivedFromFlowIds],
});

export type MeasurementFormValues = { date: string; value: string; note: string };
export const EMPTY_MEASUREMENT: MeasurementFormValues = { date: "", value: "", note: "" };

export type GapFormValues = { gapCause: string; proposedActions: string; responsibleUnit: string };

export function benefitFieldLabels(ctx: PageContext) {
  const f = ctx.m.benefits.fields;
  return {
    name: f.name,
    description: f.description,
    category: f.category,
    beneficiary: f.beneficiary,
    metric: f.metric,
    unit: f.unit,
    baselineValue: f.baselineValue,
    baselineDate: f.baselineDate,
    targetValue: f.targetValue,
    targetDate: f.targetDate,
    owner: f.ownerText,
    ownerUserId: f.ownerUserId,
    howRealised: f.howRealised,
    frequency: f.frequency,
    measuredBy: f.measuredBy,
    measuredByUserId: f.measuredByUserId,
    derivedFromFlowIds: f.derivedFromFlowIds,
    date: f.date,
    value: f.value,
    note: f.note,
    gapCause: f.gapCause,
    proposedActions: f.proposedActions,
    responsibleUnit: f.responsibleUnit,
  };
}

/** The fields of a benefit's plan, for adding one and for changing it. */
export function BenefitFields({
  ctx,
  values,
  errors,
  choices,
}: {
  ctx: PageContext;
  values: BenefitFormValues;
  errors: FormErrors | undefined;
  choices: Choices;
}) {
  const t = ctx.m.benefits;
  const f = t.fields;
  const members = [{ value: "", label: f.nobody }, ...choices.members.map((m) => ({ value: m.userId, label: m.name }))];
  return (
    <>
      <TextField ctx={ctx} name="name" label={f.name} hint={f.nameHint} value={values.name} errors={errors} />
      <TextArea ctx={ctx} name="description" label={f.description} value={values.description} errors={errors} rows={3} />
      <SelectField
        ctx={ctx}
        name="category"
        label={f.category}
        value={values.category}
        errors={errors}
        options={[{ value: "", label: f.notChosen }, ...BENEFIT_CATEGORIES.map((c) => ({ value: c, label: t.categories[c] }))]}
      />
      <SelectField
        ctx={ctx}
        name="beneficiary"
        label={f.beneficiary}
        value={values.beneficiary}
        errors={errors}
        options={[{ value: "", label: f.notChosen }, ...BENEFICIARIES.map((c) => ({ value: c, label: t.beneficiaries[c] }))]}
      />
      <TextField ctx={ctx} name="metric" label={f.metric} hint={f.metricHint} value={values.metric} errors={errors} />
      <TextField ctx={ctx} name="unit" label={f.unit} hint={f.unitHint} value={values.unit} errors={errors} width="short" />
      <TextField
        ctx={ctx}
        name="baselineValue"
        label={f.baselineValue}
        hint={f.numberHint}
        value={values.baselineValue}
        errors={errors}
        width="short"
      />
      <TextField
        ctx={ctx}
        name="baselineDate"
        label={f.baselineDate}
        hint={f.dateHint}
        value={values.baselineDate}
        errors={errors}
        width="short"
      />
      <TextField
        ctx={ctx}
        name="targetValue"
        label={f.targetValue}
        hint={f.numberHint}
        value={values.targetValue}
        errors={errors}
        width="short"
      />
      <TextField
        ctx={ctx}
        name="targetDate"
        label={f.targetDate}
        hint={f.dateHint}
        value={values.targetDate}
        errors={errors}
        width="short"
      />
      <SelectField
        ctx={ctx}
        name="ownerUserId"
        label={f.ownerUserId}
        hint={f.ownerHint}
        value={values.ownerUserId}
        errors={errors}
        options={members}
      />
      <TextField ctx={ctx} name="owner" label={f.ownerText} value={values.owner} errors={errors} />
      <TextArea ctx={ctx} name="howRealised" label={f.howRealised} value={values.howRealised} errors={errors} rows={3} />
      <TextField
        ctx={ctx}
        name="frequency"
        label={f.frequency}
        hint={f.frequencyHint}
        value={values.frequency}
        errors={errors}
        width="short"
      />
      <SelectField
        ctx={ctx}
        name="measuredByUserId"
        label={f.measuredByUserId}
        value={values.measuredByUserId}
        errors={errors}
        options={members}
      />
      <TextField ctx={ctx} name="measuredBy" label={f.measuredBy} value={values.measuredBy} errors={errors} />
      {choices.flows.length ? (
        <ChoiceGroup
          ctx={ctx}
          name="derivedFromFlowIds"
          legend={f.derivedFromFlowIds}
          hint={f.derivedHint}
          errors={errors}
          type="checkbox"
          options={choices.flows.map((fl) => ({ value: fl.id, label: fl.name }))}
          selected={values.derivedFromFlowIds}
        />
      ) : (
        <Paragraph>{f.noFlows}</Paragraph>
      )}
    </>
  );
}
