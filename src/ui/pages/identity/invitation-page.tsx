import type { InvitationPreview } from "../../../domain/identity/accept-invitation.ts";
import { format } from "../../../i18n/index.ts";
import { Form, FormErrorSummary, Layout, Link, PageHeading, Paragraph, SubmitButton, TextField } from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

/**
 * The page an invitation link opens. Who opened it decides what it offers: a new address chooses
 * a password; an address with an account signs in first (the link never sets its password); the
 * signed-in owner joins with one button; anyone else signed in is told to sign out.
 */
export function InvitationPage({
  ctx,
  token,
  invitation,
  signedInAs,
  errors,
}: {
  ctx: PageContext;
  token: string;
  invitation: InvitationPreview | null;
  signedInAs: string | null;
  errors?: FormErrors | undefined;
}) {
  const { m } = ctx;
  if (!invitation) {
    return (
      <Layout ctx={ctx} title={m.invitation.invalidTitle}>
        <PageHeading>{m.invitation.invalidTitle}</PageHeading>
        <Paragraph>{m.invitation.invalidText}</Paragraph>
      </Layout>
    );
  }
  const action = `/invitation/${encodeURIComponent(token)}`;
  const organisation = invitation.organisationName;
  const joinTitle = format(m.invitation.joinTitle, { organisation });
  const offer = format(m.invitation.joinIntro, { organisation, roles: invitation.roles.map((r) => m.roles[r]).join(", ") });

  if (signedInAs && signedInAs !== invitation.email) {
    return (
      <Layout ctx={ctx} title={joinTitle}>
        <PageHeading lead={offer}>{joinTitle}</PageHeading>
        <Paragraph>{format(m.invitation.wrongAccount, { email: invitation.email, current: signedInAs })}</Paragraph>
      </Layout>
    );
  }
  if (signedInAs) {
    return (
      <Layout ctx={ctx} title={joinTitle}>
        <PageHeading lead={offer}>{joinTitle}</PageHeading>
        <Form ctx={ctx} action={action}>
          <div>
            <SubmitButton>{format(m.invitation.joinSubmit, { organisation })}</SubmitButton>
          </div>
        </Form>
      </Layout>
    );
  }
  if (invitation.signInRequired) {
    return (
      <Layout ctx={ctx} title={joinTitle}>
        <PageHeading lead={offer}>{joinTitle}</PageHeading>
        <Paragraph>{format(m.invitation.signInIntro, { email: invitation.email, organisation })}</Paragraph>
        <Paragraph>
          <Link href={`/login?next=${encodeURIComponent(action)}`}>{m.invitation.signIn}</Link>
        </Paragraph>
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} title={m.invitation.title}>
      <PageHeading lead={`${offer} ${format(m.invitation.intro, { name: invitation.name, email: invitation.email })}`}>
        {m.invitation.title}
      </PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ password: m.invitation.password, confirm: m.invitation.confirm }} />
      <Form ctx={ctx} action={action}>
        <input type="hidden" name="username" value={invitation.email} autoComplete="username" />
        <TextField ctx={ctx} name="password" type="password" label={m.invitation.password} autoComplete="new-password" errors={errors} />
        <TextField ctx={ctx} name="confirm" type="password" label={m.invitation.confirm} autoComplete="new-password" errors={errors} />
        <div>
          <SubmitButton>{m.invitation.submit}</SubmitButton>
        </div>
      </Form>
    </Layout>
  );
}
