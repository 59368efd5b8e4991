import type { TrustedCaView } from "../../../domain/sandbox/trusted-ca-view.ts";
import { format, formatDate } from "../../../i18n/index.ts";
import {
  ActionButton,
  Form,
  FormErrorSummary,
  Heading,
  Layout,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SubmitButton,
  Table,
  TextArea,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { BackToOrganisation, setupFormContext, trustedCasHref } from "./environment-parts.tsx";

/** The test CAs the organisation uploaded, with a remove button each, and the form to upload one. */
export function TrustedCasPage({
  ctx: pageCtx,
  organisation,
  trustedCas,
  certificatePem = "",
  errors,
}: {
  ctx: PageContext;
  organisation: { id: string; name: string };
  trustedCas: readonly TrustedCaView[];
  certificatePem?: string;
  errors?: FormErrors;
}) {
  const ctx = setupFormContext(pageCtx);
  const t = ctx.m.sandboxSetup;
  const base = trustedCasHref(organisation.id);
  const title = format(t.trustedCasTitle, { organisation: organisation.name });
  return (
    <Layout ctx={ctx} title={title}>
      <BackToOrganisation ctx={ctx} organisation={organisation} />
      <PageHeading lead={t.trustedCasLead}>{title}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ certificatePem: t.certificatePemLabel }} />
      {trustedCas.length ? (
        <ScrollableTable caption={t.trustedCasCaption}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.caSubject}</Table.HeaderCell>
              <Table.HeaderCell>{t.caFingerprint}</Table.HeaderCell>
              <Table.HeaderCell>{t.caValidTo}</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="visually-hidden">{t.remove}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {trustedCas.map((ca) => (
              <Table.Row key={ca.id}>
                <Table.Cell>{ca.subject}</Table.Cell>
                <Table.Cell>
                  <code>{ca.fingerprint256}</code>
                </Table.Cell>
                <Table.Cell>{formatDate(ctx.locale, ca.validTo)}</Table.Cell>
                <Table.Cell>
                  <ActionButton ctx={ctx} action={`${base}/${ca.id}/delete`} variant="tertiary">
                    {format(t.removeCa, { subject: ca.subject })}
                  </ActionButton>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{t.trustedCasEmpty}</Paragraph>
      )}
      <section aria-labelledby="add-ca-heading" className="stack">
        <Heading level={2} data-size="md" id="add-ca-heading">
          {t.addCaHeading}
        </Heading>
        <Form ctx={ctx} action={base}>
          <TextArea
            ctx={ctx}
            name="certificatePem"
            label={t.certificatePemLabel}
            hint={t.certificatePemHint}
            value={certificatePem}
            errors={errors}
            rows={12}
          />
          <div className="actions">
            <SubmitButton>{t.addCa}</SubmitButton>
          </div>
        </Form>
      </section>
    </Layout>
  );
}
