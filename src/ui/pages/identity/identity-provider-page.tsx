import { ORGANISATION_ROLES } from "../../../domain/access/roles.ts";
import { IDENTITIES_PAGE_SIZE, type ProviderPeople } from "../../../domain/oidc/provider-people.ts";
import { format, formatDate } from "../../../i18n/index.ts";
import {
  ActionButton,
  ChoiceGroup,
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
import { Pagination } from "../../components/pagination.tsx";
import type { FormErrors, PageContext } from "../../page-context.ts";

export type ProviderEditValues = {
  clientId: string;
  clientSecret: string;
  displayName: string;
  emailDomains: string;
  scopes: string;
  membershipClaim: string;
};
export type MappingFormValues = { claimValue: string; organisationNumber: string; roles: string[] };
export type GrantFormValues = { email: string };

/** Which of the page's three forms came back with errors, with what was typed. */
export type ProviderPageForm =
  | { kind: "edit"; values: ProviderEditValues; errors: FormErrors }
  | { kind: "mapping"; values: MappingFormValues; errors: FormErrors }
  | { kind: "grant"; values: GrantFormValues; errors: FormErrors };

/**
 * One identity provider (issue 15): its registration to change, the claim values that give
 * memberships, the leave to link existing accounts, and the accounts linked through it.
 */
export function IdentityProviderPage({
  ctx,
  people,
  redirectUri,
  logoutUri,
  form,
}: {
  ctx: PageContext;
  people: ProviderPeople;
  redirectUri: string;
  logoutUri: string;
  form?: ProviderPageForm | undefined;
}) {
  const { m } = ctx;
  const a = m.oidc.admin;
  const { provider } = people;
  const base = `/admin/identity-providers/${provider.id}`;
  const edit: ProviderEditValues =
    form?.kind === "edit"
      ? form.values
      : {
          clientId: provider.clientId,
          clientSecret: "",
          displayName: provider.displayName,
          emailDomains: provider.emailDomains.join(", "),
          scopes: provider.scopes,
          membershipClaim: provider.membershipClaim ?? "",
        };
  const editErrors = form?.kind === "edit" ? form.errors : undefined;
  const mapping = form?.kind === "mapping" ? form : { values: { claimValue: "", organisationNumber: "", roles: [] }, errors: undefined };
  const grant = form?.kind === "grant" ? form : { values: { email: "" }, errors: undefined };
  const pages = Math.max(1, Math.ceil(people.identities.total / IDENTITIES_PAGE_SIZE));
  return (
    <Layout ctx={ctx} title={provider.displayName}>
      <Paragraph>
        <Link href="/admin/identity-providers">{a.backToList}</Link>
      </Paragraph>
      <PageHeading lead={provider.issuer}>{provider.displayName}</PageHeading>
      <Paragraph>
        <Tag data-color={provider.enabled ? "success" : "neutral"}>{provider.enabled ? a.on : a.off}</Tag>
      </Paragraph>
      <dl className="facts">
        <dt>{a.redirectUri}</dt>
        <dd className="secret">{redirectUri}</dd>
        <dt>{a.logoutUri}</dt>
        <dd className="secret">{logoutUri}</dd>
      </dl>

      <section aria-labelledby="edit-provider" className="stack">
        <Heading level={2} data-size="md" id="edit-provider">
          {a.editHeading}
        </Heading>
        <FormErrorSummary
          ctx={ctx}
          errors={editErrors}
          labels={{
            displayName: a.displayName,
            clientId: a.clientId,
            clientSecret: a.clientSecret,
            emailDomains: a.domains,
            scopes: a.scopes,
            membershipClaim: a.membershipClaim,
          }}
        />
        <Form ctx={ctx} action={base}>
          <TextField
            ctx={ctx}
            name="displayName"
            label={a.displayName}
            hint={a.displayNameHint}
            value={edit.displayName}
            errors={editErrors}
          />
          <TextField ctx={ctx} name="clientId" label={a.clientId} value={edit.clientId} errors={editErrors} autoComplete="off" />
          <TextField
            ctx={ctx}
            name="clientSecret"
            type="password"
            label={a.clientSecret}
            hint={a.clientSecretKeep}
            errors={editErrors}
            autoComplete="new-password"
          />
          <TextField
            ctx={ctx}
            name="emailDomains"
            label={a.domains}
            hint={a.emailDomainsHint}
            value={edit.emailDomains}
            errors={editErrors}
          />
          <TextField ctx={ctx} name="scopes" label={a.scopes} hint={a.scopesHint} value={edit.scopes} errors={editErrors} />
          <TextField
            ctx={ctx}
            name="membershipClaim"
            label={a.membershipClaim}
            hint={a.membershipClaimHint}
            value={edit.membershipClaim}
            errors={editErrors}
          />
          <div>
            <SubmitButton>{a.save}</SubmitButton>
          </div>
        </Form>
      </section>

      <section aria-labelledby="claim-mappings" className="stack">
        <Heading level={2} data-size="md" id="claim-mappings">
          {a.mappingsHeading}
        </Heading>
        <Paragraph>{provider.membershipClaim ? format(a.mappingsIntro, { claim: provider.membershipClaim }) : a.mappingsOff}</Paragraph>
        {people.mappings.length ? (
          <ScrollableTable caption={a.mappingsHeading}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{a.claimValue}</Table.HeaderCell>
                <Table.HeaderCell>{a.organisation}</Table.HeaderCell>
                <Table.HeaderCell>{a.roles}</Table.HeaderCell>
                <Table.HeaderCell>{a.actions}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {people.mappings.map((row) => (
                <Table.Row key={row.id}>
                  <Table.Cell>
                    <code>{row.claimValue}</code>
                  </Table.Cell>
                  <Table.Cell>{row.organisationName}</Table.Cell>
                  <Table.Cell>{row.roles.map((r) => m.roles[r]).join(", ")}</Table.Cell>
                  <Table.Cell>
                    <ActionButton ctx={ctx} action={`${base}/mappings/${row.id}/remove`} variant="tertiary">
                      {a.remove}
                    </ActionButton>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : null}
        <Heading level={3} data-size="sm" id="add-mapping">
          {a.addMapping}
        </Heading>
        <FormErrorSummary
          ctx={ctx}
          errors={mapping.errors}
          labels={{ claimValue: a.claimValue, organisationNumber: a.organisationNumber, roles: a.roles }}
        />
        <Form ctx={ctx} action={`${base}/mappings`}>
          <TextField
            ctx={ctx}
            name="claimValue"
            label={a.claimValue}
            hint={a.claimValueHint}
            value={mapping.values.claimValue}
            errors={mapping.errors}
          />
          <TextField
            ctx={ctx}
            name="organisationNumber"
            label={a.organisationNumber}
            hint={a.organisationNumberHint}
            value={mapping.values.organisationNumber}
            errors={mapping.errors}
          />
          <ChoiceGroup
            ctx={ctx}
            name="roles"
            type="checkbox"
            legend={a.roles}
            options={ORGANISATION_ROLES.map((r) => ({ value: r, label: m.roles[r] }))}
            selected={mapping.values.roles}
            errors={mapping.errors}
          />
          <div>
            <SubmitButton variant="secondary">{a.addMappingSubmit}</SubmitButton>
          </div>
        </Form>
      </section>

      <section aria-labelledby="link-grants" className="stack">
        <Heading level={2} data-size="md" id="link-grants">
          {a.grantsHeading}
        </Heading>
        <Paragraph>{a.grantsIntro}</Paragraph>
        {people.grants.length ? (
          <ul className="stack">
            {people.grants.map((g) => (
              <li key={g.userId}>
                {format(a.grantUntil, { name: g.name, email: g.email, date: formatDate(ctx.locale, g.expiresAt) })}{" "}
                <ActionButton ctx={ctx} action={`${base}/link-grants/${g.userId}/revoke`} variant="tertiary">
                  {a.revoke}
                </ActionButton>
              </li>
            ))}
          </ul>
        ) : null}
        <FormErrorSummary ctx={ctx} errors={grant.errors} labels={{ email: a.grantEmail }} />
        <Form ctx={ctx} action={`${base}/link-grants`}>
          <TextField ctx={ctx} name="email" type="email" label={a.grantEmail} value={grant.values.email} errors={grant.errors} />
          <div>
            <SubmitButton variant="secondary">{a.grantSubmit}</SubmitButton>
          </div>
        </Form>
      </section>

      <section aria-labelledby="linked-accounts" className="stack">
        <Heading level={2} data-size="md" id="linked-accounts">
          {format(a.identitiesHeading, { n: people.identities.total })}
        </Heading>
        {people.identities.rows.length ? (
          <ScrollableTable caption={a.identitiesCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{a.person}</Table.HeaderCell>
                <Table.HeaderCell>{a.subject}</Table.HeaderCell>
                <Table.HeaderCell>{a.linkedSince}</Table.HeaderCell>
                <Table.HeaderCell>{a.lastSignIn}</Table.HeaderCell>
                <Table.HeaderCell>{a.actions}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {people.identities.rows.map((i) => (
                <Table.Row key={i.subject}>
                  <Table.Cell>
                    {i.name}
                    <br />
                    {i.email}
                  </Table.Cell>
                  <Table.Cell>
                    <code>{i.subject}</code>
                  </Table.Cell>
                  <Table.Cell>{formatDate(ctx.locale, i.createdAt)}</Table.Cell>
                  <Table.Cell>{i.lastLoginAt ? formatDate(ctx.locale, i.lastLoginAt) : a.never}</Table.Cell>
                  <Table.Cell>
                    <ActionButton ctx={ctx} action={`${base}/identities/unlink`} fields={{ subject: i.subject }} variant="tertiary">
                      {a.unlink}
                    </ActionButton>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : (
          <Paragraph>{a.noIdentities}</Paragraph>
        )}
        <Pagination
          ctx={ctx}
          label={a.identitiesCaption}
          page={people.identities.page}
          pages={pages}
          href={(p) => `${base}?page=${p}#linked-accounts`}
        />
      </section>
    </Layout>
  );
}
