import type { FlowPriority } from "../../../domain/prioritisation/priority-score.ts";
import { format } from "../../../i18n/index.ts";
import {
  Form,
  FormErrorSummary,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { formatNumber, tacticsFormContext } from "../tactics/tactic-parts.tsx";
import { flowPriorityHref, prioritiesHref } from "./priorities-page.tsx";

/** The judgement form's fields as typed. */
export type FlowPriorityFormValues = {
  processChange: string;
  serviceImprovement: string;
  priorityOverride: string;
  priorityMotivation: string;
};

export const flowPriorityFormValues = (p: FlowPriority, locale: PageContext["locale"]): FlowPriorityFormValues => ({
  processChange: String(p.criteria.find((c) => c.key === "processChange")?.value ?? ""),
  serviceImprovement: String(p.criteria.find((c) => c.key === "serviceImprovement")?.value ?? ""),
  priorityOverride: p.override === null ? "" : formatNumber(locale, p.override, 2),
  priorityMotivation: p.motivation,
});

/** One flow's judgements on the method's criteria and the team's own score with its motivation. */
export function FlowPriorityPage({
  ctx: pageCtx,
  initiative,
  flow,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  flow: FlowPriority;
  values?: FlowPriorityFormValues | undefined;
  errors?: FormErrors | undefined;
}) {
  const ctx = tacticsFormContext(pageCtx);
  const t = ctx.m.tactics.priorities;
  const typed = values ?? flowPriorityFormValues(flow, ctx.locale);
  const title = format(t.flowTitle, { name: flow.name });
  const scale = (labels: readonly string[]) => [
    { value: "", label: t.notJudgedOption },
    ...labels.map((label, i) => ({ value: String(i + 1), label })),
  ];
  const labels = {
    processChange: t.criteria.processChange,
    serviceImprovement: t.criteria.serviceImprovement,
    priorityOverride: t.overrideLabel,
    priorityMotivation: t.motivationLabel,
  };
  return (
    <Layout ctx={ctx} title={title}>
      <Paragraph>
        <Link href={prioritiesHref(initiative.id)}>{t.back}</Link>
      </Paragraph>
      <PageHeading lead={t.flowLead}>{title}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <Form ctx={ctx} action={flowPriorityHref(initiative.id, flow.flowId)}>
        <SelectField
          ctx={ctx}
          name="processChange"
          label={labels.processChange}
          hint={t.pointsRule.processChange}
          value={typed.processChange}
          errors={errors}
          options={scale(t.processChangeOptions)}
        />
        <SelectField
          ctx={ctx}
          name="serviceImprovement"
          label={labels.serviceImprovement}
          hint={t.pointsRule.serviceImprovement}
          value={typed.serviceImprovement}
          errors={errors}
          options={scale(t.serviceImprovementOptions)}
        />
        <TextField
          ctx={ctx}
          name="priorityOverride"
          label={labels.priorityOverride}
          hint={t.overrideHint}
          value={typed.priorityOverride}
          errors={errors}
          width="short"
        />
        <TextArea
          ctx={ctx}
          name="priorityMotivation"
          label={labels.priorityMotivation}
          hint={t.motivationHint}
          value={typed.priorityMotivation}
          errors={errors}
          rows={4}
        />
        <div className="actions">
          <SubmitButton>{t.save}</SubmitButton>
        </div>
      </Form>
    </Layout>
  );
}
