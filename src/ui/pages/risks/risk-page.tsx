import type { RiskView } from "../../../domain/risks/risk-register.ts";
import { format, formatDate } from "../../../i18n/index.ts";
import {
  FactList,
  Form,
  FormErrorSummary,
  Heading,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  SubmitButton,
  Tag,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { newRiskHref, riskHref, risksHref } from "../value/value-hrefs.ts";
import { ValueNav } from "../value/value-nav.tsx";
import { type MemberChoice, RiskFields, type RiskFormValues, riskFieldLabels, riskFormValues } from "./risk-parts.tsx";

export const deleteRiskHref = (riskId: string) => `${riskHref(riskId)}/delete`;

/** Registering a risk: the form, for the initiative's team. */
export function NewRiskPage({
  ctx,
  initiative,
  members,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  members: readonly MemberChoice[];
  values: RiskFormValues;
  errors?: FormErrors | undefined;
}) {
  const t = ctx.m.risks;
  return (
    <Layout ctx={ctx} title={t.newTitle}>
      <Paragraph>
        <Link href={risksHref(initiative.id)}>{t.back}</Link>
      </Paragraph>
      <PageHeading lead={t.newLead}>{t.newTitle}</PageHeading>
      <ValueNav ctx={ctx} initiativeId={initiative.id} current="risks" />
      <FormErrorSummary ctx={ctx} errors={errors} labels={riskFieldLabels(ctx)} />
      <Form ctx={ctx} action={newRiskHref(initiative.id)}>
        <RiskFields ctx={ctx} values={values} errors={errors} members={members} />
        <div className="actions">
          <SubmitButton>{t.create}</SubmitButton>
        </div>
      </Form>
    </Layout>
  );
}

/** One risk: its form for the team (with removing it), its facts for everyone else. */
export function RiskPage({
  ctx,
  initiative,
  risk,
  canManage,
  members,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  risk: RiskView;
  canManage: boolean;
  members: readonly MemberChoice[];
  values?: RiskFormValues | undefined;
  errors?: FormErrors | undefined;
}) {
  const t = ctx.m.risks;
  const title = format(t.editTitle, { title: risk.title });
  const c = t.columns;
  return (
    <Layout ctx={ctx} title={title}>
      <Paragraph>
        <Link href={risksHref(initiative.id)}>{t.back}</Link>
      </Paragraph>
      <PageHeading lead={canManage ? t.editLead : undefined}>{title}</PageHeading>
      <ValueNav ctx={ctx} initiativeId={initiative.id} current="risks" />
      {risk.reviewOverdue ? (
        <Paragraph>
          <Tag data-color="danger">{t.overdue}</Tag>
        </Paragraph>
      ) : null}
      <FactList
        facts={[
          [c.score, `${risk.score} (${t.levels[risk.level]})`],
          [c.category, t.categories[risk.category]],
          [c.owner, risk.owner || t.noOwner],
          [c.status, t.statuses[risk.status]],
          [c.reviewDate, risk.reviewDate ? formatDate(ctx.locale, `${risk.reviewDate}T12:00:00Z`) : t.noReview],
          ...(canManage ? [] : ([[c.mitigation, risk.mitigation || t.notGiven]] as const)),
        ]}
      />
      {canManage ? (
        <>
          <FormErrorSummary ctx={ctx} errors={errors} labels={riskFieldLabels(ctx)} />
          <Form ctx={ctx} action={riskHref(risk.id)}>
            <RiskFields ctx={ctx} values={values ?? riskFormValues(risk)} errors={errors} members={members} />
            <div className="actions">
              <SubmitButton>{t.save}</SubmitButton>
            </div>
          </Form>
          <section aria-labelledby="remove-heading" className="stack">
            <Heading level={2} data-size="md" id="remove-heading">
              {t.removeHeading}
            </Heading>
            <Paragraph>
              <Link href={deleteRiskHref(risk.id)}>{t.remove}</Link>
            </Paragraph>
          </section>
        </>
      ) : (
        <Paragraph>{t.readOnly}</Paragraph>
      )}
    </Layout>
  );
}

/** Removing a risk asks first: the button that removes it is a form of its own, on its own page. */
export function RiskDeletePage({ ctx, risk }: { ctx: PageContext; risk: RiskView }) {
  const t = ctx.m.risks;
  const title = format(t.deleteTitle, { title: risk.title });
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading lead={t.deleteLead}>{title}</PageHeading>
      <Form ctx={ctx} action={deleteRiskHref(risk.id)}>
        <div className="actions">
          <SubmitButton>{t.deleteConfirm}</SubmitButton>
          <Link href={riskHref(risk.id)}>{ctx.m.common.cancel}</Link>
        </div>
      </Form>
    </Layout>
  );
}
