import type { ProviderView } from "../../../domain/oidc/manage-providers.ts";
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
  SubmitButton,
  Table,
  Tag,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

export type ProviderFormValues = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
  emailDomains: string;
  scopes: string;
};

export const EMPTY_PROVIDER_FORM: ProviderFormValues = {
  issuer: "",
  clientId: "",
  clientSecret: "",
  displayName: "",
  emailDomains: "",
  scopes: "",
};

/** The administrator's list of identity providers, the form to register one, and the redirect URI to give each provider. */
export function IdentityProvidersPage({
  ctx,
  providers,
  redirectUri,
  form,
}: {
  ctx: PageContext;
  providers: ProviderView[];
  redirectUri: string;
  form?: { values: ProviderFormValues; errors: FormErrors };
}) {
  const { m } = ctx;
  const a = m.oidc.admin;
  const values = form?.values ?? EMPTY_PROVIDER_FORM;
  const errors = form?.errors;
  return (
    <Layout ctx={ctx} title={a.title}>
      <PageHeading lead={a.intro}>{a.title}</PageHeading>
      <section aria-labelledby="redirect-uri" className="stack">
        <Heading level={2} data-size="sm" id="redirect-uri">
          {a.redirectUri}
        </Heading>
        <p className="secret" data-testid="redirect-uri">
          {redirectUri}
        </p>
        <Paragraph>{a.redirectUriHint}</Paragraph>
      </section>

      <section aria-labelledby="providers-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="providers-heading">
          {a.listHeading}
        </Heading>
        {providers.length ? (
          <ScrollableTable caption={a.listHeading}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{a.name}</Table.HeaderCell>
                <Table.HeaderCell>{a.issuer}</Table.HeaderCell>
                <Table.HeaderCell>{a.clientId}</Table.HeaderCell>
                <Table.HeaderCell>{a.domains}</Table.HeaderCell>
                <Table.HeaderCell>{a.status}</Table.HeaderCell>
                <Table.HeaderCell>{a.actions}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {providers.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>
                    <Link href={`/admin/identity-providers/${p.id}`}>{p.displayName}</Link>
                  </Table.Cell>
                  <Table.Cell>
                    <code>{p.issuer}</code>
                  </Table.Cell>
                  <Table.Cell>
                    <code>{p.clientId}</code>
                  </Table.Cell>
                  <Table.Cell>{p.emailDomains.length ? p.emailDomains.join(", ") : a.anyDomain}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={p.enabled ? "success" : "neutral"}>{p.enabled ? a.on : a.off}</Tag>
                  </Table.Cell>
                  <Table.Cell>
                    <ActionButton
                      ctx={ctx}
                      action={`/admin/identity-providers/${p.id}/enabled`}
                      fields={{ enabled: p.enabled ? "false" : "true" }}
                    >
                      {p.enabled ? a.disable : a.enable}
                    </ActionButton>{" "}
                    <ActionButton ctx={ctx} action={`/admin/identity-providers/${p.id}/remove`} variant="tertiary">
                      {a.remove}
                    </ActionButton>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : (
          <Paragraph>{a.none}</Paragraph>
        )}
      </section>

      <section aria-labelledby="add-provider" className="stack">
        <Heading level={2} data-size="md" id="add-provider">
          {a.addHeading}
        </Heading>
        <FormErrorSummary
          ctx={ctx}
          errors={errors}
          labels={{
            issuer: a.issuer,
            clientId: a.clientId,
            clientSecret: a.clientSecret,
            displayName: a.displayName,
            emailDomains: a.domains,
            scopes: a.scopes,
          }}
        />
        <Form ctx={ctx} action="/admin/identity-providers">
          <TextField
            ctx={ctx}
            name="displayName"
            label={a.displayName}
            hint={a.displayNameHint}
            value={values.displayName}
            errors={errors}
          />
          <TextField ctx={ctx} name="issuer" label={a.issuer} hint={a.issuerHint} value={values.issuer} errors={errors} />
          <TextField ctx={ctx} name="clientId" label={a.clientId} value={values.clientId} errors={errors} autoComplete="off" />
          <TextField
            ctx={ctx}
            name="clientSecret"
            type="password"
            label={a.clientSecret}
            hint={a.clientSecretHint}
            errors={errors}
            autoComplete="new-password"
          />
          <TextField
            ctx={ctx}
            name="emailDomains"
            label={a.domains}
            hint={a.emailDomainsHint}
            value={values.emailDomains}
            errors={errors}
          />
          <TextField ctx={ctx} name="scopes" label={a.scopes} hint={a.scopesHint} value={values.scopes} errors={errors} />
          <div>
            <SubmitButton>{a.submit}</SubmitButton>
          </div>
        </Form>
      </section>
    </Layout>
  );
}
