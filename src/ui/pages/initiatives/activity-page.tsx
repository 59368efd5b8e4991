import { ACTIVITY_STATUSES } from "../../../domain/initiatives/initiative-input.ts";
import { format } from "../../../i18n/index.ts";
import type { Activity, Phase } from "../../../method/types.ts";
import {
  ChoiceGroup,
  Form,
  FormErrorSummary,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  SubmitButton,
  TextArea,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { BackLink, initiativeHref, inLocale, phaseAnchor } from "./initiative-parts.tsx";

export type ActivityValues = { status: string; motivation: string };

/** One activity, one question: how far has it come, and (if it is left out) why. */
export function ActivityPage({
  ctx,
  initiative,
  phase,
  activity,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  phase: Phase;
  activity: Activity;
  values: ActivityValues;
  errors?: FormErrors | undefined;
}) {
  const { m } = ctx;
  const t = m.initiatives;
  const title = inLocale(ctx, activity.name);
  const back = `${initiativeHref(initiative.id)}#${phaseAnchor(phase.number)}`;
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={back} name={initiative.name} />
      <PageHeading lead={format(t.activity.lead, { number: phase.number, name: inLocale(ctx, phase.name) })}>{title}</PageHeading>
      {activity.description ? <Paragraph>{inLocale(ctx, activity.description)}</Paragraph> : null}
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ status: t.activity.status, motivation: t.activity.motivation }} />
      <Form ctx={ctx} action={`/initiatives/${initiative.id}/activities/${activity.id}`}>
        <ChoiceGroup
          ctx={ctx}
          name="status"
          type="radio"
          legend={t.activity.status}
          errors={errors}
          options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t.activityStatus[s] }))}
          selected={[values.status]}
        />
        <TextArea
          ctx={ctx}
          name="motivation"
          label={t.activity.motivation}
          hint={t.activity.motivationHint}
          value={values.motivation}
          errors={errors}
          rows={4}
        />
        <div className="actions">
          <SubmitButton>{m.common.save}</SubmitButton>
          <Link href={back}>{m.common.cancel}</Link>
        </div>
      </Form>
    </Layout>
  );
}
