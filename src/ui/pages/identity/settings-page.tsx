import type { ApiTokenView } from "../../../domain/identity/api-tokens.ts";
import type { AccountSignIn } from "../../../domain/oidc/manage-providers.ts";
import { format, formatDateTime } from "../../../i18n/index.ts";
import {
  ActionButton,
  ChoiceGroup,
  Form,
  FormErrorSummary,
  Heading,
  Layout,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SubmitButton,
  Table,
  Tag,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

export function SettingsPage({
  ctx,
  tokens,
  newToken,
  tokenForm,
  signIn,
}: {
  ctx: PageContext;
  tokens: ApiTokenView[];
  signIn: AccountSignIn;
  newToken?: string;
  tokenForm?: { values: { name: string; expiresInDays: string }; errors: FormErrors };
}) {
  const { m, locale } = ctx;
  const when = (iso: string | null) => (iso ? formatDateTime(locale, iso) : m.settings.never);
  return (
    <Layout ctx={ctx} title={m.settings.title}>
      <PageHeading>{m.settings.title}</PageHeading>

      <section aria-labelledby="language-heading" className="stack">
        <Heading level={2} data-size="md" id="language-heading">
          {m.settings.language}
        </Heading>
        <Form ctx={ctx} action="/settings/language">
          <ChoiceGroup
            ctx={ctx}
            name="locale"
            type="radio"
            legend={m.settings.languageLegend}
            options={[
              { value: "sv", label: m.settings.sv },
              { value: "en", label: m.settings.en },
            ]}
            selected={[locale]}
          />
          <div>
            <SubmitButton variant="secondary">{m.common.save}</SubmitButton>
          </div>
        </Form>
      </section>

      {signIn.providers.length || signIn.identities.length ? (
        <section aria-labelledby="sign-in-heading" className="stack">
          <Heading level={2} data-size="md" id="sign-in-heading">
            {m.oidc.settings.heading}
          </Heading>
          <Paragraph>{m.oidc.settings.intro}</Paragraph>
          {signIn.identities.length ? (
            <ul>
              {signIn.identities.map((i) => (
                <li key={i.issuer}>{format(m.oidc.settings.linkedTo, { issuer: i.issuer, date: formatDateTime(locale, i.createdAt) })}</li>
              ))}
            </ul>
          ) : (
            <Paragraph>{m.oidc.settings.none}</Paragraph>
          )}
          <div className="stack">
            {signIn.providers.map((p) => (
              <ActionButton key={p.id} ctx={ctx} action={`/settings/identities/${p.id}`}>
                {format(m.oidc.settings.link, { name: p.displayName })}
              </ActionButton>
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="tokens-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="tokens-heading">
          {m.settings.tokens}
        </Heading>
        <Paragraph>{m.settings.tokensIntro}</Paragraph>
        {newToken ? (
          <div role="status">
            <Paragraph>{m.settings.newToken}</Paragraph>
            <p className="secret" data-testid="new-token">
              {newToken}
            </p>
          </div>
        ) : null}
        {tokens.length ? (
          <ScrollableTable caption={m.settings.tokens}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{m.settings.tokenName}</Table.HeaderCell>
                <Table.HeaderCell>{m.settings.created}</Table.HeaderCell>
                <Table.HeaderCell>{m.settings.expires}</Table.HeaderCell>
                <Table.HeaderCell>{m.settings.lastUsed}</Table.HeaderCell>
                <Table.HeaderCell>{m.common.actions}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {tokens.map((t) => (
                <Table.Row key={t.id}>
                  <Table.Cell>{t.name}</Table.Cell>
                  <Table.Cell>{when(t.createdAt)}</Table.Cell>
                  <Table.Cell>{t.expiresAt ? when(t.expiresAt) : "–"}</Table.Cell>
                  <Table.Cell>{when(t.lastUsedAt)}</Table.Cell>
                  <Table.Cell>
                    {t.revokedAt ? (
                      <Tag data-color="neutral">{m.settings.revoked}</Tag>
                    ) : (
                      <ActionButton ctx={ctx} action={`/settings/tokens/${t.id}/revoke`}>
                        {m.settings.revoke}
                        <span className="visually-hidden"> {t.name}</span>
                      </ActionButton>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : (
          <Paragraph>{m.settings.noTokens}</Paragraph>
        )}
        <FormErrorSummary
          ctx={ctx}
          errors={tokenForm?.errors}
          labels={{ name: m.settings.tokenName, expiresInDays: m.settings.tokenExpiry }}
        />
        <Form ctx={ctx} action="/settings/tokens">
          <TextField ctx={ctx} name="name" label={m.settings.tokenName} value={tokenForm?.values.name} errors={tokenForm?.errors} />
          <TextField
            ctx={ctx}
            name="expiresInDays"
            type="number"
            width="short"
            label={`${m.settings.tokenExpiry} ${m.common.optional}`}
            hint={m.settings.tokenExpiryHint}
            value={tokenForm?.values.expiresInDays}
            errors={tokenForm?.errors}
          />
          <div>
            <SubmitButton>{m.settings.createToken}</SubmitButton>
          </div>
        </Form>
      </section>
    </Layout>
  );
}
