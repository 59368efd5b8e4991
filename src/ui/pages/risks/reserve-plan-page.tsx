import type { ReservePlanView } from "../../../domain/risks/reserve-plans.ts";
import { format } from "../../../i18n/index.ts";
import { Form, FormErrorSummary, Heading, Layout, Link, PageHeading, Paragraph, SubmitButton } from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { reservePlansHref } from "../value/value-hrefs.ts";
import {
  deleteReservePlanHref,
  flowName,
  ReservePlanFields,
  type ReservePlanFormValues,
  reservePlanFieldLabels,
  reservePlanFormValues,
  reservePlanHref,
  situationText,
} from "./reserve-plan-parts.tsx";

type Flow = { id: string; name: string };

/** One plan's own page, for the team: its form and a link to remove it. */
export function ReservePlanPage({
  ctx,
  initiative,
  plan,
  flows,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  plan: ReservePlanView;
  flows: readonly Flow[];
  values?: ReservePlanFormValues | undefined;
  errors?: FormErrors | undefined;
}) {
  const t = ctx.m.reservePlans;
  return (
    <Layout ctx={ctx} title={t.editTitle}>
      <Paragraph>
        <Link href={reservePlansHref(initiative.id)}>{t.back}</Link>
      </Paragraph>
      <PageHeading lead={format(t.editLead, { flow: flowName(ctx, flows, plan.flowId), situation: situationText(ctx, plan) })}>
        {t.editTitle}
      </PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={reservePlanFieldLabels(ctx)} />
      <Form ctx={ctx} action={reservePlanHref(plan.id)}>
        <ReservePlanFields ctx={ctx} values={values ?? reservePlanFormValues(plan)} errors={errors} flows={flows} />
        <div className="actions">
          <SubmitButton>{t.save}</SubmitButton>
        </div>
      </Form>
      <section aria-labelledby="remove-heading" className="stack">
        <Heading level={2} data-size="md" id="remove-heading">
          {t.removeHeading}
        </Heading>
        <Paragraph>
          <Link href={deleteReservePlanHref(plan.id)}>{t.remove}</Link>
        </Paragraph>
      </section>
    </Layout>
  );
}

/** Removing a plan asks first: the button that removes it is a form of its own, on its own page. */
export function ReservePlanDeletePage({ ctx, plan, flows }: { ctx: PageContext; plan: ReservePlanView; flows: readonly Flow[] }) {
  const t = ctx.m.reservePlans;
  return (
    <Layout ctx={ctx} title={t.deleteTitle}>
      <PageHeading lead={format(t.deleteLead, { flow: flowName(ctx, flows, plan.flowId), situation: situationText(ctx, plan) })}>
        {t.deleteTitle}
      </PageHeading>
      <Form ctx={ctx} action={deleteReservePlanHref(plan.id)}>
        <div className="actions">
          <SubmitButton>{t.deleteConfirm}</SubmitButton>
          <Link href={reservePlanHref(plan.id)}>{ctx.m.common.cancel}</Link>
        </div>
      </Form>
    </Layout>
  );
}
