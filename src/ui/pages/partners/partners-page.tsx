import type { PartnerView } from "../../../domain/partners/partner-view.ts";
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
  ScrollableTable,
  SelectField,
  SubmitButton,
  Table,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

export const partnersHref = (initiativeId: string) => `/initiatives/${initiativeId}/partners`;

/** The two add forms' fields as typed, so a turned-down form comes back as it was sent. */
export type PartnerFormValues = { organisationNumber: string; name: string; email: string };
export const EMPTY_PARTNER: PartnerFormValues = { organisationNumber: "", name: "", email: "" };

/** The page's own field errors on top of the shared ones. */
const partnersFormContext = (ctx: PageContext): PageContext => ({
  ...ctx,
  m: { ...ctx.m, fieldErrors: { ...ctx.m.fieldErrors, ...ctx.m.partners.fieldErrors } },
});

/**
 * An initiative's samverkansparter: who receives the partners' message after each milestone
 * decision, with a form for each kind of partner for the team, and the list only for others.
 */
export function PartnersPage({
  ctx: pageCtx,
  initiative,
  partners,
  canManage,
  candidates,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  partners: readonly PartnerView[];
  canManage: boolean;
  candidates: readonly { number: string; label: string }[];
  values?: PartnerFormValues | undefined;
  errors?: FormErrors | undefined;
}) {
  const ctx = partnersFormContext(pageCtx);
  const typed = values ?? EMPTY_PARTNER;
  const t = ctx.m.partners;
  const base = partnersHref(initiative.id);
  const title = format(t.title, { initiative: initiative.name });
  // Each form shows its own fields' errors; the summary lists them all.
  const organisationErrors = errors?.filter((e) => e.field === "organisationNumber");
  const externalErrors = errors?.filter((e) => e.field !== "organisationNumber");
  return (
    <Layout ctx={ctx} title={title}>
      <Paragraph>
        <Link href={`/initiatives/${initiative.id}`}>{initiative.name}</Link>
      </Paragraph>
      <PageHeading lead={t.lead}>{title}</PageHeading>
      <FormErrorSummary
        ctx={ctx}
        errors={errors}
        labels={{ organisationNumber: t.organisationLabel, name: t.externalName, email: t.externalEmail }}
      />
      {partners.length ? (
        <ScrollableTable caption={t.caption}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.name}</Table.HeaderCell>
              <Table.HeaderCell>{t.reachedBy}</Table.HeaderCell>
              {canManage ? (
                <Table.HeaderCell>
                  <span className="visually-hidden">{t.removeHeading}</span>
                </Table.HeaderCell>
              ) : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {partners.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>{p.name}</Table.Cell>
                <Table.Cell>
                  {p.kind === "organisation" ? format(t.inbox, { number: p.organisationNumber }) : format(t.emailTo, { email: p.email })}
                </Table.Cell>
                {canManage ? (
                  <Table.Cell>
                    <ActionButton ctx={ctx} action={`${base}/${p.id}/delete`} variant="tertiary">
                      {format(t.remove, { name: p.name })}
                    </ActionButton>
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{t.none}</Paragraph>
      )}
      {canManage ? (
        <>
          <section aria-labelledby="add-organisation-heading" className="stack">
            <Heading level={2} data-size="md" id="add-organisation-heading">
              {t.addOrganisationHeading}
            </Heading>
            {candidates.length ? (
              <Form ctx={ctx} action={base}>
                <input type="hidden" name="kind" value="organisation" />
                <SelectField
                  ctx={ctx}
                  name="organisationNumber"
                  label={t.organisationLabel}
                  hint={t.organisationHint}
                  value={typed.organisationNumber}
                  errors={organisationErrors}
                  options={[{ value: "", label: t.chooseOrganisation }, ...candidates.map((c) => ({ value: c.number, label: c.label }))]}
                />
                <div className="actions">
                  <SubmitButton variant="secondary">{t.addOrganisation}</SubmitButton>
                </div>
              </Form>
            ) : (
              <Paragraph>{t.noOtherOrganisations}</Paragraph>
            )}
          </section>
          <section aria-labelledby="add-external-heading" className="stack">
            <Heading level={2} data-size="md" id="add-external-heading">
              {t.addExternalHeading}
            </Heading>
            <Form ctx={ctx} action={base}>
              <input type="hidden" name="kind" value="external" />
              <TextField
                ctx={ctx}
                name="name"
                label={t.externalName}
                hint={t.externalNameHint}
                value={typed.name}
                errors={externalErrors}
                autoComplete="organization"
              />
              <TextField
                ctx={ctx}
                name="email"
                type="email"
                label={t.externalEmail}
                hint={t.externalEmailHint}
                value={typed.email}
                errors={externalErrors}
                autoComplete="email"
              />
              <div className="actions">
                <SubmitButton variant="secondary">{t.addExternal}</SubmitButton>
              </div>
            </Form>
          </section>
        </>
      ) : (
        <Paragraph>{t.readOnly}</Paragraph>
      )}
    </Layout>
  );
}
