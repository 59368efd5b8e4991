import type { ReachYear } from "../../../domain/flows/reach-years.ts";
import { RECIPIENT_TYPES, type RecipientType } from "../../../domain/forecast/reach-curve.ts";
import { format } from "../../../i18n/index.ts";
import { Form, FormErrorSummary, Heading, Layout, Link, PageHeading, Paragraph, SubmitButton, TextField } from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { FlowNav } from "../flows/flow-parts.tsx";
import { formatNumber, tacticsFormContext } from "../tactics/tactic-parts.tsx";
import { flowSettingsHref, prioritiesHref } from "./priorities-page.tsx";

export const reachField = (type: string, year: number | string) => `reach-${type}-${year}`;

/** The reach form's fields as typed: field name → per cent. */
export type ReachFormValues = Record<string, string>;

const percent = (locale: PageContext["locale"], share: number) => formatNumber(locale, share * 100, 1);

export const reachFormValues = (years: Record<RecipientType, ReachYear[]>, locale: PageContext["locale"]): ReachFormValues =>
  Object.fromEntries(
    RECIPIENT_TYPES.flatMap((type) =>
      years[type].map((y) => [reachField(type, y.year), y.override === null ? "" : percent(locale, y.override)]),
    ),
  );

/**
 * The initiative's reach per recipient type for this year and the five after: the default curve's
 * share beside each input, so the team sees what its own share replaces; empty keeps the default.
 */
export function FlowSettingsPage({
  ctx: pageCtx,
  initiative,
  years,
  otherYears,
  canManage,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  years: Record<RecipientType, ReachYear[]>;
  /** Years with an own share outside the form's years, kept as they are. */
  otherYears: readonly string[];
  canManage: boolean;
  values?: ReachFormValues | undefined;
  errors?: FormErrors | undefined;
}) {
  const ctx = tacticsFormContext(pageCtx);
  const t = ctx.m.tactics.reach;
  const title = format(t.pageTitle, { initiative: initiative.name });
  const typed = values ?? reachFormValues(years, ctx.locale);
  const labels = Object.fromEntries(
    RECIPIENT_TYPES.flatMap((type) =>
      years[type].map((y) => [reachField(type, y.year), format(t.yearLabel, { type: t.recipientTypes[type], year: y.year })]),
    ),
  );
  return (
    <Layout ctx={ctx} title={title}>
      <Paragraph>
        <Link href={prioritiesHref(initiative.id)}>{t.back}</Link>
      </Paragraph>
      <PageHeading lead={t.lead}>{title}</PageHeading>
      <FlowNav ctx={ctx} initiativeId={initiative.id} current="reach" />
      <FormErrorSummary ctx={ctx} errors={errors} labels={labels} />
      {otherYears.length ? <Paragraph>{format(t.otherYears, { years: otherYears.join(", ") })}</Paragraph> : null}
      <Form ctx={ctx} action={flowSettingsHref(initiative.id)}>
        {RECIPIENT_TYPES.map((type) => (
          <fieldset key={type} className="stack" disabled={!canManage}>
            <legend>
              <Heading level={2} data-size="sm">
                {t.recipientTypes[type]}
              </Heading>
            </legend>
            {years[type].map((y) => (
              <TextField
                key={y.year}
                ctx={ctx}
                name={reachField(type, y.year)}
                label={labels[reachField(type, y.year)] ?? String(y.year)}
                hint={format(t.defaultHint, { share: percent(ctx.locale, y.defaultShare) })}
                value={typed[reachField(type, y.year)] ?? ""}
                errors={errors}
                width="short"
              />
            ))}
          </fieldset>
        ))}
        {canManage ? (
          <div className="actions">
            <SubmitButton>{t.save}</SubmitButton>
          </div>
        ) : (
          <Paragraph>{t.readOnly}</Paragraph>
        )}
      </Form>
    </Layout>
  );
}
