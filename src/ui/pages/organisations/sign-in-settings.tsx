import { format } from "../../../i18n/index.ts";
import { Form, FormErrorSummary, Heading, Paragraph, SelectField, SubmitButton } from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

/** The sign-in form's select: a provider's id, or "" for passwords on. */
export const SIGN_IN_PROVIDER_FIELD = "providerId";

export type OrganisationSignIn = {
  /** The provider the members sign in with, if one is chosen (enabled: their password login is off). */
  current: { id: string; name: string; enabled: boolean } | null;
  /** The enabled providers there are to choose from. */
  choices: readonly { id: string; displayName: string }[];
  /** Whether the reader may choose (the organisation's administratör, verksamhetsägare, or a system administrator). */
  manage: boolean;
};

/**
 * How the organisation's members sign in (issue 15): with a password, or only through the chosen
 * identity provider. Every member reads it; those who set how the organisation works choose.
 */
export function SignInSettings({
  ctx,
  organisationId,
  signIn,
  errors,
}: {
  ctx: PageContext;
  organisationId: string;
  signIn: OrganisationSignIn;
  errors?: FormErrors | undefined;
}) {
  const t = ctx.m.organisations.signIn;
  const { current } = signIn;
  const rule = !current
    ? t.passwords
    : current.enabled
      ? format(t.providerOnly, { name: current.name })
      : format(t.providerOff, { name: current.name });
  return (
    <section aria-labelledby="sign-in-heading" className="stack">
      <Heading level={2} data-size="md" id="sign-in-heading">
        {t.heading}
      </Heading>
      <Paragraph data-testid="sign-in-rule">{rule}</Paragraph>
      {signIn.manage && (signIn.choices.length || current) ? (
        <Form ctx={ctx} action={`/organisations/${organisationId}/sign-in-provider`}>
          <FormErrorSummary ctx={ctx} errors={errors} labels={{ [SIGN_IN_PROVIDER_FIELD]: t.label }} />
          <SelectField
            ctx={ctx}
            name={SIGN_IN_PROVIDER_FIELD}
            label={t.label}
            hint={t.hint}
            value={current?.id ?? ""}
            options={[
              { value: "", label: t.passwordOption },
              ...signIn.choices.map((p) => ({ value: p.id, label: format(t.providerOption, { name: p.displayName }) })),
            ]}
            errors={errors}
          />
          <div>
            <SubmitButton variant="secondary">{t.save}</SubmitButton>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
