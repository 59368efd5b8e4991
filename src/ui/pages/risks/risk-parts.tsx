import type { RiskView } from "../../../domain/risks/risk-register.ts";
import { RISK_CATEGORIES, RISK_STATUSES, SCALE } from "../../../domain/risks/risk-score.ts";
import { SelectField, TextArea, TextField } from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

/** The risk form as typed, so a turned-down form comes back as it was sent. */
export type RiskFormValues = {
  title: string;
  description: string;
  category: string;
  probability: string;
  consequence: string;
  ownerUserId: string;
  owner: string;
  mitigation: string;
  status: string;
  reviewDate: string;
};

export const EMPTY_RISK: RiskFormValues = {
  title: "",
  description: "",
  category: "",
  probability: "",
  consequence: "",
  ownerUserId: "",
  owner: "",
  mitigation: "",
  status: "identifierad",
  reviewDate: "",
};

export const riskFormValues = (r: RiskView): RiskFormValues => ({
  title: r.title,
  description: r.description,
  category: r.category,
  probability: String(r.probability),
  consequence: String(r.consequence),
  ownerUserId: r.ownerUserId ?? "",
  // A member's name is shown by the choice; the text field is for someone outside.
  owner: r.ownerUserId ? "" : r.owner,
  mitigation: r.mitigation,
  status: r.status,
  reviewDate: r.reviewDate ?? "",
});

export function riskFieldLabels(ctx: PageContext) {
  const f = ctx.m.risks.fields;
  return {
    title: f.title,
    description: f.description,
    category: f.category,
    probability: f.probability,
    consequence: f.consequence,
    ownerUserId: f.ownerUserId,
    owner: f.owner,
    mitigation: f.mitigation,
    status: f.status,
    reviewDate: f.reviewDate,
  };
}

export type MemberChoice = { userId: string; name: string };

/** The fields of a risk, for registering one and for changing it. */
export function RiskFields({
  ctx,
  values,
  errors,
  members,
}: {
  ctx: PageContext;
  values: RiskFormValues;
  errors: FormErrors | undefined;
  members: readonly MemberChoice[];
}) {
  const t = ctx.m.risks;
  const f = t.fields;
  const scale = SCALE.map((n) => ({ value: String(n), label: String(n) }));
  return (
    <>
      <TextField ctx={ctx} name="title" label={f.title} hint={f.titleHint} value={values.title} errors={errors} />
      <TextArea ctx={ctx} name="description" label={f.description} value={values.description} errors={errors} rows={3} />
      <SelectField
        ctx={ctx}
        name="category"
        label={f.category}
        value={values.category}
        errors={errors}
        options={[{ value: "", label: f.chooseCategory }, ...RISK_CATEGORIES.map((c) => ({ value: c, label: t.categories[c] }))]}
      />
      <SelectField
        ctx={ctx}
        name="probability"
        label={f.probability}
        hint={f.probabilityHint}
        value={values.probability}
        errors={errors}
        options={[{ value: "", label: "–" }, ...scale]}
      />
      <SelectField
        ctx={ctx}
        name="consequence"
        label={f.consequence}
        hint={f.consequenceHint}
        value={values.consequence}
        errors={errors}
        options={[{ value: "", label: "–" }, ...scale]}
      />
      <SelectField
        ctx={ctx}
        name="ownerUserId"
        label={f.ownerUserId}
        hint={f.ownerUserIdHint}
        value={values.ownerUserId}
        errors={errors}
        options={[{ value: "", label: f.ownerNone }, ...members.map((m) => ({ value: m.userId, label: m.name }))]}
      />
      <TextField ctx={ctx} name="owner" label={f.owner} hint={f.ownerHint} value={values.owner} errors={errors} />
      <TextArea ctx={ctx} name="mitigation" label={f.mitigation} value={values.mitigation} errors={errors} rows={3} />
      <SelectField
        ctx={ctx}
        name="status"
        label={f.status}
        value={values.status}
        errors={errors}
        options={RISK_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))}
      />
      <TextField
        ctx={ctx}
        name="reviewDate"
        label={f.reviewDate}
        hint={f.reviewDateHint}
        value={values.reviewDate}
        errors={errors}
        width="short"
      />
    </>
  );
}
