import { Form, FormErrorSummary, Layout, PageHeading, Paragraph, SubmitButton, TextField } from "../../components/index.ts";
import { format } from "../../i18n/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

export function InvitationPage({
  ctx,
  token,
  invitee,
  errors,
}: {
  ctx: PageContext;
  token: string;
  invitee: { name: string; email: string } | null;
  errors?: FormErrors;
}) {
  const { m } = ctx;
  if (!invitee) {
    return (
      <Layout ctx={ctx} title={m.invitation.invalidTitle}>
        <PageHeading>{m.invitation.invalidTitle}</PageHeading>
        <Paragraph>{m.invitation.invalidText}</Paragraph>
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} title={m.invitation.title}>
      <PageHeading lead={format(m.invitation.intro, invitee)}>{m.invitation.title}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={`/invitation/${encodeURIComponent(token)}`}>
        <input type="hidden" name="username" value={invitee.email} autoComplete="username" />
        <TextField ctx={ctx} name="password" type="password" label={m.invitation.password} autoComplete="new-password" errors={errors} />
        <TextField ctx={ctx} name="confirm" type="password" label={m.invitation.confirm} autoComplete="new-password" errors={errors} />
        <div>
          <SubmitButton>{m.invitation.submit}</SubmitButton>
        </div>
      </Form>
    </Layout>
  );
}
