import type { TacticComparison } from "../../../domain/tactics/compare-tactics.ts";
import { TACTIC_KINDS } from "../../../domain/tactics/tactic-input.ts";
import type { TacticAlternativeView } from "../../../domain/tactics/tactic-view.ts";
import { format } from "../../../i18n/index.ts";
import {
  ChoiceGroup,
  Form,
  FormErrorSummary,
  Heading,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SelectField,
  SubmitButton,
  Table,
  Tag,
  TextArea,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { tacticsHref } from "../flows/flow-hrefs.ts";
import { FlowNav } from "../flows/flow-parts.tsx";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { formatNumber, tacticsFormContext } from "./tactic-parts.tsx";

export { tacticsHref };
export const alternativeHref = (initiativeId: string, alternativeId: string) => `${tacticsHref(initiativeId)}/${alternativeId}`;

/** The alternative's form as typed, so a turned-down form comes back as it was sent. */
export type AlternativeFormValues = {
  tactic: string;
  name: string;
  description: string;
  oneOffCostSek: string;
  annualCostSek: string;
  leadTimeMonths: string;
  risks: string;
  flowIds: string[];
  recommended: boolean;
  recommendationReason: string;
};

export const EMPTY_ALTERNATIVE: AlternativeFormValues = {
  tactic: "",
  name: "",
  description: "",
  oneOffCostSek: "",
  annualCostSek: "",
  leadTimeMonths: "",
  risks: "",
  flowIds: [],
  recommended: false,
  recommendationReason: "",
};

export const alternativeFormValues = (a: TacticAlternativeView, locale: PageContext["locale"]): AlternativeFormValues => ({
  tactic: a.tactic,
  name: a.name,
  description: a.description,
  oneOffCostSek: a.oneOffCostSek ? formatNumber(locale, a.oneOffCostSek, 2) : "",
  annualCostSek: a.annualCostSek ? formatNumber(locale, a.annualCostSek, 2) : "",
  leadTimeMonths: a.leadTimeMonths === null ? "" : String(a.leadTimeMonths),
  risks: a.risks,
  flowIds: [...a.flowIds],
  recommended: a.recommended,
  recommendationReason: a.recommendationReason,
});

type FlowOption = { id: string; name: string; annualVolume: number };

export function alternativeFieldLabels(ctx: PageContext) {
  const f = ctx.m.tactics.fields;
  return {
    tactic: f.tactic,
    name: f.name,
    description: f.description,
    oneOffCostSek: f.oneOffCostSek,
    annualCostSek: f.annualCostSek,
    leadTimeMonths: f.leadTimeMonths,
    risks: f.risks,
    flowIds: f.flowIds,
    recommended: f.recommended,
    recommendationReason: f.recommendationReason,
  };
}

/** The fields of an alternative, for adding one and for changing it. */
export function AlternativeFields({
  ctx,
  values,
  errors,
  flows,
}: {
  ctx: PageContext;
  values: AlternativeFormValues;
  errors: FormErrors | undefined;
  flows: readonly FlowOption[];
}) {
  const t = ctx.m.tactics;
  const f = t.fields;
  return (
    <>
      <SelectField
        ctx={ctx}
        name="tactic"
        label={f.tactic}
        value={values.tactic}
        errors={errors}
        options={[{ value: "", label: f.chooseTactic }, ...TACTIC_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))]}
      />
      <TextField ctx={ctx} name="name" label={f.name} hint={f.nameHint} value={values.name} errors={errors} />
      <TextArea ctx={ctx} name="description" label={f.description} value={values.description} errors={errors} rows={3} />
      <TextField
        ctx={ctx}
        name="oneOffCostSek"
        label={f.oneOffCostSek}
        hint={f.costHint}
        value={values.oneOffCostSek}
        errors={errors}
        width="short"
      />
      <TextField
        ctx={ctx}
        name="annualCostSek"
        label={f.annualCostSek}
        hint={f.costHint}
        value={values.annualCostSek}
        errors={errors}
        width="short"
      />
      <TextField
        ctx={ctx}
        name="leadTimeMonths"
        label={f.leadTimeMonths}
        hint={f.leadTimeHint}
        value={values.leadTimeMonths}
        errors={errors}
        width="short"
      />
      <TextArea ctx={ctx} name="risks" label={f.risks} value={values.risks} errors={errors} rows={3} />
      {flows.length ? (
        <ChoiceGroup
          ctx={ctx}
          name="flowIds"
          legend={f.flowIds}
          hint={f.flowIdsHint}
          errors={errors}
          type="checkbox"
          options={flows.map((fl) => ({ value: fl.id, label: `${fl.name} (${formatNumber(ctx.locale, fl.annualVolume)})` }))}
          selected={values.flowIds}
        />
      ) : (
        <Paragraph>{f.noFlowsYet}</Paragraph>
      )}
      <ChoiceGroup
        ctx={ctx}
        name="recommended"
        legend={f.recommended}
        hint={f.recommendedHint}
        errors={errors}
        type="checkbox"
        options={[{ value: "yes", label: f.recommendedOption }]}
        selected={values.recommended ? ["yes"] : []}
      />
      <TextArea
        ctx={ctx}
        name="recommendationReason"
        label={f.recommendationReason}
        hint={f.recommendationReasonHint}
        value={values.recommendationReason}
        errors={errors}
        rows={3}
      />
    </>
  );
}

/**
 * The initiative's connection-tactic alternatives side by side (one row each) with what each costs
 * over five years, its lead time, risks, flows and cost per digital message, the recommended one
 * marked with its reason; the team adds alternatives below and changes each on its own page.
 */
export function TacticsPage({
  ctx: pageCtx,
  initiative,
  alternatives,
  comparison,
  flows,
  canManage,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  alternatives: readonly TacticAlternativeView[];
  comparison: TacticComparison & { from: string };
  flows: readonly FlowOption[];
  canManage: boolean;
  values?: AlternativeFormValues | undefined;
  errors?: FormErrors | undefined;
}) {
  const ctx = tacticsFormContext(pageCtx);
  const t = ctx.m.tactics;
  const n = (v: number, digits = 0) => formatNumber(ctx.locale, v, digits);
  const title = format(t.pageTitle, { initiative: initiative.name });
  const compared = new Map(comparison.alternatives.map((c) => [c.alternativeId, c]));
  // The comparison is wider than a screen; its conclusion is told above it too.
  const recommended = alternatives.find((a) => a.recommended);
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.lead}>{title}</PageHeading>
      <FlowNav ctx={ctx} initiativeId={initiative.id} current="tactics" />
      <FormErrorSummary ctx={ctx} errors={errors} labels={alternativeFieldLabels(ctx)} />
      <section aria-labelledby="comparison-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="comparison-heading">
          {t.comparisonHeading}
        </Heading>
        <Paragraph>{format(t.comparisonExplained, { from: comparison.from })}</Paragraph>
        {alternatives.length && !comparison.baselineId ? <Paragraph>{t.noBaseline}</Paragraph> : null}
        {recommended ? (
          <Paragraph>
            <Tag data-color="success">{t.recommended}</Tag>{" "}
            {format(t.recommendedSummary, { name: recommended.name, reason: recommended.recommendationReason })}
          </Paragraph>
        ) : null}
        {alternatives.length ? (
          <ScrollableTable caption={t.comparisonCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.columnAlternative}</Table.HeaderCell>
                <Table.HeaderCell>{t.columnTactic}</Table.HeaderCell>
                <Table.HeaderCell>{t.columnOneOff}</Table.HeaderCell>
                <Table.HeaderCell>{t.columnAnnual}</Table.HeaderCell>
                <Table.HeaderCell>{t.columnFiveYear}</Table.HeaderCell>
                <Table.HeaderCell>{t.columnLeadTime}</Table.HeaderCell>
                <Table.HeaderCell>{t.columnRisks}</Table.HeaderCell>
                <Table.HeaderCell>{t.columnFlows}</Table.HeaderCell>
                <Table.HeaderCell>{t.columnDigital}</Table.HeaderCell>
                <Table.HeaderCell>{t.columnCostPerMessage}</Table.HeaderCell>
                <Table.HeaderCell>{t.columnDifference}</Table.HeaderCell>
                <Table.HeaderCell>{t.columnRecommended}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {alternatives.map((a) => {
                const c = compared.get(a.id);
                return (
                  <Table.Row key={a.id}>
                    <Table.HeaderCell scope="row">
                      {canManage ? <Link href={alternativeHref(initiative.id, a.id)}>{a.name}</Link> : a.name}
                    </Table.HeaderCell>
                    <Table.Cell>{t.kinds[a.tactic]}</Table.Cell>
                    <Table.Cell>{n(a.oneOffCostSek, 2)} kr</Table.Cell>
                    <Table.Cell>{n(a.annualCostSek, 2)} kr</Table.Cell>
                    <Table.Cell>{n(a.fiveYearCostSek, 2)} kr</Table.Cell>
                    <Table.Cell>{a.leadTimeMonths === null ? t.notGiven : format(t.months, { months: a.leadTimeMonths })}</Table.Cell>
                    <Table.Cell>{a.risks || t.notGiven}</Table.Cell>
                    <Table.Cell>
                      {c?.flows.length ? (
                        <ul className="plain-list">
                          {c.flows.map((f) => (
                            <li key={f.flowId}>{`${f.name} (${n(f.annualVolume)})`}</li>
                          ))}
                        </ul>
                      ) : (
                        t.noFlows
                      )}
                    </Table.Cell>
                    <Table.Cell>{n(c?.digitalMessages ?? 0)}</Table.Cell>
                    <Table.Cell>
                      {c?.costPerDigitalMessageSek === null || c === undefined ? t.noDigital : `${n(c.costPerDigitalMessageSek, 2)} kr`}
                    </Table.Cell>
                    <Table.Cell>
                      {c?.difference ? (
                        <>
                          {format(t.differenceText, {
                            cost: n(c.difference.fiveYearCostSek, 2),
                            messages: n(c.difference.digitalMessages),
                          })}
                          {c.difference.costPerAdditionalDigitalMessageSek !== null ? (
                            <>
                              <br />
                              {format(t.differencePerMessage, { cost: n(c.difference.costPerAdditionalDigitalMessageSek, 2) })}
                            </>
                          ) : null}
                        </>
                      ) : (
                        t.notGiven
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {a.recommended ? (
                        <>
                          <Tag data-color="success">{t.recommended}</Tag> {a.recommendationReason}
                        </>
                      ) : (
                        t.notRecommended
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </ScrollableTable>
        ) : (
          <Paragraph>{t.none}</Paragraph>
        )}
      </section>
      {canManage ? (
        <section aria-labelledby="add-heading" className="stack">
          <Heading level={2} data-size="md" id="add-heading">
            {t.addHeading}
          </Heading>
          <Form ctx={ctx} action={tacticsHref(initiative.id)}>
            <AlternativeFields ctx={ctx} values={values ?? EMPTY_ALTERNATIVE} errors={errors} flows={flows} />
            <div className="actions">
              <SubmitButton>{t.add}</SubmitButton>
            </div>
          </Form>
        </section>
      ) : (
        <Paragraph>{t.readOnly}</Paragraph>
      )}
    </Layout>
  );
}
