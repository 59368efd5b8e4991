import { Alert, Form, FormErrorSummary, Layout, PageHeading, SubmitButton, TextField } from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

export function LoginPage({
  ctx,
  email,
  next,
  errors,
  failure,
}: {
  ctx: PageContext;
  email?: string;
  next: string;
  errors?: FormErrors;
  failure?: string;
}) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.login.title}>
      <PageHeading lead={m.login.intro}>{m.login.title}</PageHeading>
      {failure ? (
        <Alert data-color="danger" role="alert">
          {failure}
        </Alert>
      ) : null}
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ email: m.login.email, password: m.login.password }} />
      <Form ctx={ctx} action="/login">
        <input type="hidden" name="next" value={next} />
        <TextField ctx={ctx} name="email" type="email" label={m.login.email} value={email} autoComplete="username" errors={errors} />
        <TextField ctx={ctx} name="password" type="password" label={m.login.password} autoComplete="current-password" errors={errors} />
        <div>
          <SubmitButton>{m.login.submit}</SubmitButton>
        </div>
      </Form>
    </Layout>
  );
}
