import type { FlowPriority, PriorityWeights } from "../../../domain/prioritisation/priority-score.ts";
import { PRIORITY_CRITERIA } from "../../../domain/prioritisation/priority-score.ts";
import { format } from "../../../i18n/index.ts";
import {
  Details,
  Form,
  FormErrorSummary,
  Heading,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SubmitButton,
  Table,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { flowSettingsHref, prioritiesHref } from "../flows/flow-hrefs.ts";
import { FlowNav } from "../flows/flow-parts.tsx";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { formatNumber, tacticsFormContext } from "../tactics/tactic-parts.tsx";

export { flowSettingsHref, prioritiesHref };
export const flowPriorityHref = (initiativeId: string, flowId: string) => `${prioritiesHref(initiativeId)}/${flowId}`;

/** The weights form's fields as typed. */
export type WeightsFormValues = Record<"volume" | "processChange" | "serviceImprovement", string>;
export const weightField = (key: string) => `weight-${key}`;

/** How one flow's score was reached, criterion by criterion: the page's "hur räknas detta?". */
function Breakdown({ ctx, flow }: { ctx: PageContext; flow: FlowPriority }) {
  const t = ctx.m.tactics.priorities;
  const n = (v: number, digits = 1) => formatNumber(ctx.locale, v, digits);
  const weightSum = flow.criteria.reduce((s, c) => s + c.weight, 0);
  return (
    <Details>
      <Details.Summary>{format(t.howFor, { name: flow.name })}</Details.Summary>
      <Details.Content>
        <ScrollableTable caption={format(t.howCaption, { name: flow.name })}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.criterion}</Table.HeaderCell>
              <Table.HeaderCell>{t.value}</Table.HeaderCell>
              <Table.HeaderCell>{t.points}</Table.HeaderCell>
              <Table.HeaderCell>{t.weight}</Table.HeaderCell>
              <Table.HeaderCell>{t.contribution}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {flow.criteria.map((c) => (
              <Table.Row key={c.key}>
                <Table.HeaderCell scope="row">
                  {t.criteria[c.key]}
                  <br />
                  <span className="hint">{t.pointsRule[c.key]}</span>
                </Table.HeaderCell>
                <Table.Cell>
                  {c.key === "volume" ? format(t.letters, { count: n(c.value ?? 0, 0) }) : c.judged ? String(c.value) : t.notJudged}
                </Table.Cell>
                <Table.Cell>{n(c.points)}</Table.Cell>
                <Table.Cell>{n(c.weight)}</Table.Cell>
                <Table.Cell>{n(c.contribution)}</Table.Cell>
              </Table.Row>
            ))}
            <Table.Row>
              <Table.HeaderCell scope="row">{t.computed}</Table.HeaderCell>
              <Table.Cell colSpan={3}>{format(t.computedExplained, { weights: n(weightSum) })}</Table.Cell>
              <Table.Cell>{n(flow.computedScore)}</Table.Cell>
            </Table.Row>
          </Table.Body>
        </ScrollableTable>
        {flow.override !== null ? (
          <Paragraph>{format(t.overrideExplained, { score: n(flow.override), motivation: flow.motivation })}</Paragraph>
        ) : null}
      </Details.Content>
    </Details>
  );
}

/**
 * The initiative's flows in the order to connect them, each with its score and how it was reached,
 * and, for the team, the weights form and a link to judge each flow.
 */
export function PrioritiesPage({
  ctx: pageCtx,
  initiative,
  weights,
  flows,
  canManage,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  weights: PriorityWeights;
  flows: readonly FlowPriority[];
  canManage: boolean;
  values?: WeightsFormValues | undefined;
  errors?: FormErrors | undefined;
}) {
  const ctx = tacticsFormContext(pageCtx);
  const t = ctx.m.tactics.priorities;
  const n = (v: number, digits = 1) => formatNumber(ctx.locale, v, digits);
  const title = format(t.pageTitle, { initiative: initiative.name });
  const typed: WeightsFormValues = values ?? {
    volume: n(weights.volume),
    processChange: n(weights.processChange),
    serviceImprovement: n(weights.serviceImprovement),
  };
  const labels = Object.fromEntries(
    PRIORITY_CRITERIA.map((k) => [weightField(k), format(t.weightLabel, { criterion: t.criteria[k].toLowerCase() })]),
  );
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.lead}>{title}</PageHeading>
      <FlowNav ctx={ctx} initiativeId={initiative.id} current="priorities" />
      <FormErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <ul className="plain-list">
        <li>
          <Link href={flowSettingsHref(initiative.id)}>{t.settingsLink}</Link>
        </li>
        <li>
          <Link href={`/initiatives/${initiative.id}/tactics`}>{t.tacticsLink}</Link>
        </li>
      </ul>
      {flows.length ? (
        <ScrollableTable caption={t.caption} showCaption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.columnRank}</Table.HeaderCell>
              <Table.HeaderCell>{t.columnFlow}</Table.HeaderCell>
              <Table.HeaderCell>{t.columnVolume}</Table.HeaderCell>
              <Table.HeaderCell>{t.columnScore}</Table.HeaderCell>
              {canManage ? <Table.HeaderCell>{t.columnJudge}</Table.HeaderCell> : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {flows.map((f) => (
              <Table.Row key={f.flowId}>
                <Table.Cell>{f.rank}</Table.Cell>
                <Table.HeaderCell scope="row">{f.name}</Table.HeaderCell>
                <Table.Cell>{n(f.annualVolume, 0)}</Table.Cell>
                <Table.Cell>
                  {f.override !== null
                    ? format(t.overridden, { score: n(f.effectiveScore), computed: n(f.computedScore) })
                    : n(f.effectiveScore)}
                </Table.Cell>
                {canManage ? (
                  <Table.Cell>
                    <Link href={flowPriorityHref(initiative.id, f.flowId)}>{format(t.judge, { name: f.name })}</Link>
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{t.none}</Paragraph>
      )}
      {flows.length ? (
        <section aria-labelledby="how-heading" className="stack-wide">
          <Heading level={2} data-size="md" id="how-heading">
            {t.how}
          </Heading>
          <Paragraph>{t.howLead}</Paragraph>
          {flows.map((f) => (
            <Breakdown key={f.flowId} ctx={ctx} flow={f} />
          ))}
        </section>
      ) : null}
      <section aria-labelledby="weights-heading" className="stack">
        <Heading level={2} data-size="md" id="weights-heading">
          {t.weightsHeading}
        </Heading>
        <Paragraph>{t.weightsLead}</Paragraph>
        {canManage ? (
          <Form ctx={ctx} action={`${prioritiesHref(initiative.id)}/weights`}>
            {PRIORITY_CRITERIA.map((k) => (
              <TextField
                key={k}
                ctx={ctx}
                name={weightField(k)}
                label={labels[weightField(k)] ?? k}
                value={typed[k]}
                errors={errors}
                width="short"
              />
            ))}
            <div className="actions">
              <SubmitButton variant="secondary">{t.weightsSave}</SubmitButton>
            </div>
          </Form>
        ) : (
          <>
            <ul>
              {PRIORITY_CRITERIA.map((k) => (
                <li key={k}>{`${t.criteria[k]}: ${n(weights[k])}`}</li>
              ))}
            </ul>
            <Paragraph>{t.readOnly}</Paragraph>
          </>
        )}
      </section>
    </Layout>
  );
}
