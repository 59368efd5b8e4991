import { format } from "../../../i18n/index.ts";
import { Alert, Form, FormErrorSummary, Heading, Layout, Link, PageHeading, SubmitButton, TextField } from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

/** Where signing in with a provider starts, keeping where the person was going. */
export const signInPath = (providerId: string, next: string) =>
  `/login/oidc/${providerId}${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`;

export function LoginPage({
  ctx,
  email,
  next,
  errors,
  failure,
  providers = [],
}: {
  ctx: PageContext;
  /** The enabled identity providers (issue 15), each a link that starts signing in there. */
  providers?: readonly { id: string; displayName: string }[];
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
      {providers.length ? (
        <section aria-labelledby="login-providers" className="stack">
          <Heading level={2} data-size="sm" id="login-providers">
            {m.oidc.providersHeading}
          </Heading>
          <ul className="stack">
            {providers.map((p) => (
              <li key={p.id}>
                <Link href={signInPath(p.id, next)}>{format(m.oidc.signInWith, { name: p.displayName })}</Link>
              </li>
            ))}
          </ul>
          <Heading level={2} data-size="sm">
            {m.oidc.passwordHeading}
          </Heading>
        </section>
      ) : null}
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ email: m.login.email, password: m.login.password }} />
      <Form ctx={ctx} action="/login">
        <input type="hidden" name="next" value={next} />
        <TextField ctx={ctx} name="email" type="email" label={m.login.email} value={email} autoComplete="username" errors={errors} />
        <TextField
          ctx={ctx}
          name="password"
          type="password"
          label={m.login.password}
          hint={providers.length ? m.oidc.passwordOptional : undefined}
          autoComplete="current-password"
          errors={errors}
        />
        <div>
          <SubmitButton>{m.login.submit}</SubmitButton>
        </div>
      </Form>
    </Layout>
  );
}
