import type { TacticAlternativeView } from "../../../domain/tactics/tactic-view.ts";
import { format } from "../../../i18n/index.ts";
import {
  ActionButton,
  Form,
  FormErrorSummary,
  Heading,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  SubmitButton,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { tacticsFormContext } from "./tactic-parts.tsx";
import {
  AlternativeFields,
  type AlternativeFormValues,
  alternativeFieldLabels,
  alternativeFormValues,
  alternativeHref,
  tacticsHref,
} from "./tactics-page.tsx";

/** One alternative's own page: its form (recommending it included) and removing it, for the team. */
export function TacticAlternativePage({
  ctx: pageCtx,
  initiative,
  alternative,
  flows,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  alternative: TacticAlternativeView;
  flows: readonly { id: string; name: string; annualVolume: number }[];
  values?: AlternativeFormValues | undefined;
  errors?: FormErrors | undefined;
}) {
  const ctx = tacticsFormContext(pageCtx);
  const t = ctx.m.tactics;
  const title = format(t.editTitle, { name: alternative.name });
  const href = alternativeHref(initiative.id, alternative.id);
  return (
    <Layout ctx={ctx} title={title}>
      <Paragraph>
        <Link href={tacticsHref(initiative.id)}>{t.back}</Link>
      </Paragraph>
      <PageHeading lead={t.editLead}>{title}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={alternativeFieldLabels(ctx)} />
      <Form ctx={ctx} action={href}>
        <AlternativeFields ctx={ctx} values={values ?? alternativeFormValues(alternative, ctx.locale)} errors={errors} flows={flows} />
        <div className="actions">
          <SubmitButton>{t.save}</SubmitButton>
        </div>
      </Form>
      <section aria-labelledby="remove-heading" className="stack">
        <Heading level={2} data-size="md" id="remove-heading">
          {t.removeHeading}
        </Heading>
        <ActionButton ctx={ctx} action={`${href}/delete`} variant="secondary">
          {format(t.remove, { name: alternative.name })}
        </ActionButton>
      </section>
    </Layout>
  );
}
