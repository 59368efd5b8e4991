import { formatOrganisationNumber } from "../../../domain/organisations/organisation-number.ts";
import type { OwnRecipientView } from "../../../domain/sandbox/own-recipient-row.ts";
import type { SandboxEnvironmentView } from "../../../domain/sandbox/sandbox-environment-view.ts";
import { format } from "../../../i18n/index.ts";
import { type Operator, SCENARIOS, type ScenarioId, type SenderDecision } from "../../../sandbox/recipients/scenarios.ts";
import {
  ActionButton,
  Alert,
  Form,
  FormErrorSummary,
  Heading,
  Link,
  Paragraph,
  ScrollableTable,
  SubmitButton,
  Table,
  Tag,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { expectedText, operatorAnswerText, ownRecipientsHref, setupFormContext, trustedCasHref } from "./environment-parts.tsx";

export type EnvironmentSectionProps = {
  ctx: PageContext;
  initiativeId: string;
  organisationId: string;
  environment: SandboxEnvironmentView;
  operators: readonly Operator[];
  ownRecipients: readonly OwnRecipientView[];
  /** The förmedlare field as posted, when the form was turned down. */
  values?: { intermediaryOrgNr: string };
  errors?: FormErrors;
};

/** The initiative's test environment: on or off, where to call it, with what certificate, and which recipients it knows. */
export function EnvironmentSection(props: EnvironmentSectionProps) {
  const ctx = setupFormContext(props.ctx);
  const t = ctx.m.sandboxSetup;
  const { environment } = props;
  return (
    <section aria-labelledby="environment-heading" className="stack-wide">
      <Heading level={2} data-size="md" id="environment-heading">
        {t.heading}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <Paragraph>
        {environment.enabled ? <Tag data-color="success">{t.statusEnabled}</Tag> : environment.slug ? t.statusDisabled : t.statusNever}
      </Paragraph>
      {environment.emulatorRunning ? null : (
        <Alert data-color="warning">
          <Paragraph>{t.emulatorNotRunning}</Paragraph>
        </Alert>
      )}
      <EnvironmentForm {...props} ctx={ctx} />
      {environment.addresses ? <Addresses ctx={ctx} addresses={environment.addresses} /> : null}
      <Certificate ctx={ctx} organisationId={props.organisationId} />
      <Recipients ctx={ctx} operators={props.operators} ownRecipients={props.ownRecipients} organisationId={props.organisationId} />
    </section>
  );
}

function EnvironmentForm({ ctx, initiativeId, environment, values, errors }: EnvironmentSectionProps) {
  const t = ctx.m.sandboxSetup;
  const action = `/initiatives/${initiativeId}/sandbox/environment`;
  const current = environment.intermediaryOrgNr;
  return (
    <>
      {current || environment.enabled ? (
        <Paragraph>{current ? format(t.intermediaryCurrent, { orgnr: formatOrganisationNumber(current) }) : t.intermediaryNone}</Paragraph>
      ) : null}
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ intermediaryOrgNr: t.intermediaryLabel }} />
      <Form ctx={ctx} action={action} id="environment-form">
        <input type="hidden" name="enabled" value="true" />
        <TextField
          ctx={ctx}
          name="intermediaryOrgNr"
          label={t.intermediaryLabel}
          hint={t.intermediaryHint}
          value={values?.intermediaryOrgNr ?? (current ? formatOrganisationNumber(current) : "")}
          errors={errors}
          autoComplete="off"
          width="short"
        />
        <div className="actions">
          <SubmitButton variant={environment.enabled ? "secondary" : "primary"}>
            {environment.enabled ? t.saveIntermediary : t.enable}
          </SubmitButton>
        </div>
      </Form>
      {environment.enabled ? (
        <div className="actions">
          <ActionButton ctx={ctx} action={action} fields={{ enabled: "false" }}>
            {t.disable}
          </ActionButton>
        </div>
      ) : null}
    </>
  );
}

function Addresses({ ctx, addresses }: { ctx: PageContext; addresses: NonNullable<SandboxEnvironmentView["addresses"]> }) {
  const t = ctx.m.sandboxSetup;
  const rows = [
    { name: t.recipientInterface, url: addresses.recipient },
    { name: t.authorityInterface, url: addresses.authority },
    ...addresses.services.map((s) => ({ name: format(t.serviceInterface, { operator: s.name }), url: s.url })),
  ];
  return (
    <>
      <Heading level={3} data-size="sm" id="addresses-heading">
        {t.addressesHeading}
      </Heading>
      <Paragraph>{t.addressesIntro}</Paragraph>
      <ScrollableTable caption={t.addressesCaption}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.addressInterface}</Table.HeaderCell>
            <Table.HeaderCell>{t.addressUrl}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.url}>
              <Table.Cell>{r.name}</Table.Cell>
              <Table.Cell>
                <code data-testid="environment-address">{r.url}</code>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollableTable>
      <Heading level={3} data-size="sm">
        {t.wsdlHeading}
      </Heading>
      <ul>
        <li>
          <Link href={addresses.wsdl.recipient}>{t.wsdlRecipient}</Link>
        </li>
        <li>
          <Link href={addresses.wsdl.authority}>{t.wsdlAuthority}</Link>
        </li>
        {addresses.services.map((s, i) => (
          <li key={s.operatorId}>
            <Link href={addresses.wsdl.service[i] ?? `${s.url}?wsdl`}>{format(t.wsdlService, { operator: s.name })}</Link>
          </li>
        ))}
      </ul>
      <Paragraph data-size="sm">{t.wsdlHint}</Paragraph>
    </>
  );
}

function Certificate({ ctx, organisationId }: { ctx: PageContext; organisationId: string }) {
  const t = ctx.m.sandboxSetup;
  return (
    <>
      <Heading level={3} data-size="sm">
        {t.certificateHeading}
      </Heading>
      <Paragraph>{t.certificateIntro}</Paragraph>
      <div className="actions">
        <ActionButton ctx={ctx} action={`/organisations/${organisationId}/sandbox/certificate.pem`}>
          {t.certificateDownload}
        </ActionButton>
      </div>
      <Paragraph data-size="sm">
        {format(t.certificateApi, { url: `/api/v1/organisations/${organisationId}/sandbox/certificate` })}
      </Paragraph>
      <Paragraph>
        <Link href="/sandbox/ca.pem">{t.caDownload}</Link>. {t.caHint}
      </Paragraph>
      <Paragraph>
        {t.ownCaIntro} <Link href={trustedCasHref(organisationId)}>{t.manageTrustedCas}</Link>
      </Paragraph>
    </>
  );
}

type RecipientRow = {
  key: string;
  recipientId: string;
  description: string;
  own: boolean;
  operator: string | null;
  pending: boolean;
  behaviour: keyof PageContext["m"]["sandboxSetup"]["behaviours"];
  expected: SenderDecision | null;
};

function Recipients({
  ctx,
  operators,
  ownRecipients,
  organisationId,
}: {
  ctx: PageContext;
  operators: readonly Operator[];
  ownRecipients: readonly OwnRecipientView[];
  organisationId: string;
}) {
  const t = ctx.m.sandboxSetup;
  const operatorName = (key: string | null) => (key ? (operators.find((o) => o.key === key)?.name ?? key) : null);
  const rows: RecipientRow[] = [
    ...SCENARIOS.map((s) => ({
      key: s.id,
      recipientId: s.recipientId,
      description: t.scenarios[s.id as ScenarioId],
      own: false,
      operator: operatorName(s.account.operator),
      pending: s.account.pending,
      behaviour: s.operatorBehaviour,
      expected: s.expected,
    })),
    ...ownRecipients.map((r) => ({
      key: r.id,
      recipientId: r.recipientId,
      description: r.label,
      own: true,
      operator: operatorName(r.operatorId),
      pending: r.pending,
      behaviour: r.operatorBehaviour,
      expected: r.expected,
    })),
  ];
  return (
    <>
      <Heading level={3} data-size="sm">
        {t.recipientsHeading}
      </Heading>
      <Paragraph>{t.recipientsIntro}</Paragraph>
      <ScrollableTable caption={t.recipientsCaption}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.recipientNumber}</Table.HeaderCell>
            <Table.HeaderCell>{t.recipientSituation}</Table.HeaderCell>
            <Table.HeaderCell>{t.recipientMailbox}</Table.HeaderCell>
            <Table.HeaderCell>{t.recipientOperatorBehaviour}</Table.HeaderCell>
            <Table.HeaderCell>{t.recipientExpected}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.key}>
              <Table.Cell>
                <code>{r.recipientId}</code>
              </Table.Cell>
              <Table.Cell>
                {r.own ? <Tag data-color="info">{t.ownRecipientTag}</Tag> : null} {r.description}
              </Table.Cell>
              <Table.Cell>
                {r.operator ? (r.pending ? format(t.pendingMailbox, { operator: r.operator }) : r.operator) : t.noMailbox}
              </Table.Cell>
              <Table.Cell>{operatorAnswerText(ctx, r.operator !== null, r.behaviour)}</Table.Cell>
              <Table.Cell>{expectedText(ctx, r.expected)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </ScrollableTable>
      <Paragraph>
        <Link href={ownRecipientsHref(organisationId)}>{t.manageRecipients}</Link>
      </Paragraph>
    </>
  );
}
