import { reserveCoverage } from "../../../domain/risks/reserve-coverage.ts";
import type { ReservePlanView } from "../../../domain/risks/reserve-plans.ts";
import { format } from "../../../i18n/index.ts";
import {
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
  Tag,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { reservePlansHref } from "../value/value-hrefs.ts";
import { ValueNav } from "../value/value-nav.tsx";
import {
  EMPTY_RESERVE_PLAN,
  ReservePlanFields,
  type ReservePlanFormValues,
  reservePlanFieldLabels,
  reservePlanHref,
  situationText,
} from "./reserve-plan-parts.tsx";

type Flow = { id: string; name: string };
type Situation = ReturnType<typeof reserveCoverage<ReservePlanView>>["allFlows"][number];

/**
 * The reserve operation (reservdrift) of an initiative: for all flows and for each flow, what is
 * done when Mina meddelanden or the own integration is out for a short or a long time — fall back
 * to paper or not, after how long, and who decides. Flows without any plan are called out first.
 */
export function ReservePlansPage({
  ctx,
  initiative,
  plans,
  flows,
  canManage,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  plans: readonly ReservePlanView[];
  flows: readonly Flow[];
  canManage: boolean;
  values?: ReservePlanFormValues | undefined;
  errors?: FormErrors | undefined;
}) {
  const t = ctx.m.reservePlans;
  const title = format(t.pageTitle, { initiative: initiative.name });
  const coverage = reserveCoverage(flows, plans);
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.lead}>{title}</PageHeading>
      <ValueNav ctx={ctx} initiativeId={initiative.id} current="reservePlans" />
      <FormErrorSummary ctx={ctx} errors={errors} labels={reservePlanFieldLabels(ctx)} />
      {flows.length === 0 ? (
        <Paragraph>{t.noFlows}</Paragraph>
      ) : coverage.missing.length ? (
        <Paragraph data-testid="missing-plans">
          <Tag data-color="warning">{t.missing}</Tag> {format(t.missingSummary, { flows: coverage.missing.map((f) => f.name).join(", ") })}
        </Paragraph>
      ) : (
        <Paragraph>{t.allCovered}</Paragraph>
      )}
      <SituationTable ctx={ctx} id="plans-all" heading={t.allFlows} situations={coverage.allFlows} canManage={canManage} />
      {coverage.flows.map((f) => (
        <SituationTable
          key={f.flow.id}
          ctx={ctx}
          id={`plans-${f.flow.id}`}
          heading={f.flow.name}
          situations={f.situations}
          canManage={canManage}
          missing={f.missing}
        />
      ))}
      {canManage ? (
        <section aria-labelledby="add-heading" className="stack">
          <Heading level={2} data-size="md" id="add-heading">
            {t.addHeading}
          </Heading>
          <Form ctx={ctx} action={reservePlansHref(initiative.id)}>
            <ReservePlanFields ctx={ctx} values={values ?? EMPTY_RESERVE_PLAN} errors={errors} flows={flows} />
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

function SituationTable({
  ctx,
  id,
  heading,
  situations,
  canManage,
  missing = false,
}: {
  ctx: PageContext;
  id: string;
  heading: string;
  situations: readonly Situation[];
  canManage: boolean;
  missing?: boolean;
}) {
  const t = ctx.m.reservePlans;
  const c = t.columns;
  const after = (h: number | null) => (h === null ? t.notGiven : h === 0 ? t.immediately : format(t.hours, { hours: h }));
  return (
    <section aria-labelledby={`${id}-heading`} className="stack" data-testid={id}>
      <Heading level={2} data-size="sm" id={`${id}-heading`}>
        {heading}
        {missing ? (
          <>
            {" "}
            <Tag data-color="warning">{t.missing}</Tag>
          </>
        ) : null}
      </Heading>
      <ScrollableTable caption={format(t.flowCaption, { flow: heading })}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{c.situation}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{c.fallback}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{c.after}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{c.decidedBy}</Table.HeaderCell>
            {canManage ? <Table.HeaderCell scope="col">{c.actions}</Table.HeaderCell> : null}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {situations.flatMap((s) => {
            const name = situationText(ctx, s);
            if (!s.plans.length)
              return [
                <Table.Row key={`${s.outage}-${s.duration}`}>
                  <Table.HeaderCell scope="row">{name}</Table.HeaderCell>
                  <Table.Cell>{t.noPlan}</Table.Cell>
                  <Table.Cell>{t.notGiven}</Table.Cell>
                  <Table.Cell>{t.notGiven}</Table.Cell>
                  {canManage ? <Table.Cell>{t.notGiven}</Table.Cell> : null}
                </Table.Row>,
              ];
            return s.plans.map((p) => (
              <Table.Row key={p.id} data-plan={p.id}>
                <Table.HeaderCell scope="row">{name}</Table.HeaderCell>
                <Table.Cell>{p.fallback}</Table.Cell>
                <Table.Cell>{after(p.fallbackAfterHours)}</Table.Cell>
                <Table.Cell>{p.decidedBy || t.notGiven}</Table.Cell>
                {canManage ? (
                  <Table.Cell>
                    <Link href={reservePlanHref(p.id)}>{format(t.edit, { situation: `${heading}: ${name}` })}</Link>
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ));
          })}
        </Table.Body>
      </ScrollableTable>
    </section>
  );
}
